/**
 * SMS providers (docs/platform.md "SMS"): one interface, three kinds. `log` keeps the message in the
 * database only (the sms table is the log: GET /api/sms); `http` POSTs to a province's 政务短信
 * gateway; `aliyun` sends through Aliyun's official SDK with the approved templates. A send that
 * throws (or times out) is retried later by the sender; an error text never carries the phone.
 */
import * as dysms from '@alicloud/dysmsapi20170525';
import * as openapi from '@alicloud/openapi-core';
import type { SmsSection } from '../engine/platform-config.js';

export interface OutgoingSms { phone: string; text: string; kind: 'confirmed' | 'reminder' | 'forfeited' | 'cancelled' | 'rescheduled'; params: Record<string, string> }

export interface SmsProvider {
  readonly name: string;
  /** resolves when the provider accepted the message; `signal` aborts at the sender's timeout */
  send(m: OutgoingSms, signal: AbortSignal): Promise<void>;
}

/** a provider's error text with anything that looks like a mobile number masked */
export const scrub = (s: string) => s.replace(/1\d{10}/g, (p) => `${p.slice(0, 3)}****${p.slice(-4)}`);

const logProvider: SmsProvider = { name: 'log', send: async () => {} };

function httpProvider(c: NonNullable<SmsSection['http']>): SmsProvider {
  return {
    name: 'http',
    async send(m, signal) {
      const res = await fetch(c.url, {
        method: 'POST', signal,
        headers: { 'content-type': 'application/json', ...(c.token ? { authorization: `Bearer ${c.token}` } : {}) },
        body: JSON.stringify(m),
      });
      await res.arrayBuffer().catch(() => undefined);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
    },
  };
}

type ClientCtor = new (cfg: openapi.$OpenApiUtil.Config) => dysms.default;

/** The SDK's client class, whichever way the CommonJS module was interoperated (Node: `.default.default`). */
function clientClass(): ClientCtor {
  const d = dysms.default as unknown as { default?: ClientCtor };
  return (typeof d === 'function' ? d : d.default) as ClientCtor;
}

function aliyunProvider(c: NonNullable<SmsSection['aliyun']>, timeoutMs: number): SmsProvider {
  const Client = clientClass();
  const client = new Client(new openapi.$OpenApiUtil.Config({
    accessKeyId: c.accessKeyId, accessKeySecret: c.accessKeySecret, endpoint: c.endpoint, readTimeout: timeoutMs, connectTimeout: timeoutMs,
  }));
  return {
    name: 'aliyun',
    async send(m, signal) {
      const templateCode = c.templates[m.kind];
      if (!templateCode) throw new Error(`no approved template for ${m.kind} (sms.aliyun.templates.${m.kind})`);
      const req = new dysms.SendSmsRequest({
        phoneNumbers: m.phone, signName: c.signName, templateCode, templateParam: JSON.stringify(m.params),
      });
      const aborted = new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(new Error('timeout')), { once: true }));
      const res = await Promise.race([client.sendSms(req), aborted]);
      const code = res.body?.code;
      if (code !== 'OK') throw new Error(`aliyun ${code ?? 'no code'}: ${res.body?.message ?? ''}`);
    },
  };
}

/** The provider the section names; null for `none`. */
export function smsProvider(s: SmsSection): SmsProvider | null {
  switch (s.provider) {
    case 'none': return null;
    case 'log': return logProvider;
    case 'http': return httpProvider(s.http!);
    case 'aliyun': return aliyunProvider(s.aliyun!, s.timeoutMs);
  }
}
