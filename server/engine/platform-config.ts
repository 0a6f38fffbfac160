/**
 * The `platform` and `sms` sections of the hall config (docs/configuration.md, docs/platform.md),
 * here beside the policy's schema because the hall reads them (server/config.ts assembles the file).
 * Both carry personal data off the machine, so both share one rule for where it may go: https, or
 * plain http only to this machine's loopback (a local relay, the tests' receivers).
 */
import { z } from 'zod';

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, 00:00–23:59');

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** true when personal data may be sent to `url`: https, or the loopback host */
export function secureUrl(url: string): boolean {
  const u = new URL(url);
  return u.protocol === 'https:' || (u.protocol === 'http:' && (LOOPBACK.has(u.hostname) || u.hostname.startsWith('127.')));
}

const httpUrl = z.string().url().refine((u) => /^https?:/.test(u), '只接受 http 或 https 地址 (an http or https URL)');

export const PlatformSchema = z
  .strictObject({
    /** where the events are pushed; absent: the platform only pulls (GET /api/events) */
    webhookUrl: httpUrl.optional(),
    /** the HMAC-SHA256 key of X-Hallq-Signature */
    secret: z.string().min(16, '至少 16 个字符 (at least 16 characters)'),
    /** "full": name, ID number and phone in clear (a platform that registers phone bookings) */
    personalData: z.enum(['masked', 'full']).default('masked'),
    /** days a delivered event is kept (the pull API's reach back) */
    retentionDays: z.number().int().min(1).max(365).default(7),
  })
  .superRefine((p, ctx) => {
    if (p.personalData === 'full' && p.webhookUrl && !secureUrl(p.webhookUrl)) {
      ctx.addIssue({
        code: 'custom', path: ['personalData'],
        message: 'personalData 为 "full" 时 webhookUrl 必须使用 https（本机回环地址除外）(full personal data only over https, or to the loopback)',
      });
    }
  });
export type PlatformSection = z.infer<typeof PlatformSchema>;

const SMS_KINDS = ['confirmed', 'reminder', 'forfeited', 'cancelled'] as const;

export const SmsSchema = z
  .strictObject({
    /** none: no messages; log: kept in the database only (GET /api/sms, the demo); http: a 政务短信 gateway; aliyun: 阿里云短信 */
    provider: z.enum(['none', 'log', 'http', 'aliyun']).default('log'),
    /** the reminder goes out the day before the booking, at this time (hall time) */
    reminderAt: timeOfDay.default('18:00'),
    /** the signature the text starts with, 【…】 */
    signName: z.string().min(1).max(20).default('政务服务中心'),
    /** a provider call that takes longer is a failure (retried later) */
    timeoutMs: z.number().int().min(100).max(60_000).default(10_000),
    http: z.strictObject({
      /** POST {phone, text, kind, params} as JSON; 2xx = accepted */
      url: httpUrl,
      /** sent as `Authorization: Bearer <token>` */
      token: z.string().min(1).optional(),
    }).optional(),
    aliyun: z.strictObject({
      accessKeyId: z.string().min(1),
      accessKeySecret: z.string().min(1),
      /** the approved 短信签名 */
      signName: z.string().min(1),
      /** an approved template code per message kind; its parameters are docs/platform.md's */
      templates: z.strictObject({
        ...(Object.fromEntries(SMS_KINDS.map((k) => [k, z.string().min(1)])) as Record<(typeof SMS_KINDS)[number], z.ZodString>),
        /** issue 19: a booking moved by an approved change; optional (without it such texts stay pending, retried) */
        rescheduled: z.string().min(1).optional(),
      }),
      endpoint: z.string().min(1).default('dysmsapi.aliyuncs.com'),
    }).optional(),
  })
  .superRefine((s, ctx) => {
    if (s.provider === 'http' && !s.http) ctx.addIssue({ code: 'custom', path: ['http'], message: 'provider "http" 需要 http.url (needs http.url)' });
    if (s.provider === 'aliyun' && !s.aliyun) ctx.addIssue({ code: 'custom', path: ['aliyun'], message: 'provider "aliyun" 需要 aliyun 配置 (needs the aliyun keys)' });
    if (s.http && !secureUrl(s.http.url)) {
      ctx.addIssue({ code: 'custom', path: ['http', 'url'], message: '短信网关必须使用 https（本机回环地址除外）(the gateway gets phone numbers: https only, or the loopback)' });
    }
  });
export type SmsSection = z.infer<typeof SmsSchema>;
