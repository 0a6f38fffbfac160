/** The SMS providers' seams and the backoff (issue 17). */
import { describe, expect, it } from 'vitest';
import { backoffMs } from '../../server/platform/backoff.js';
import { scrub, smsProvider } from '../../server/platform/sms-providers.js';
import { SmsSchema } from '../../server/engine/platform-config.js';

describe('backoff', () => {
  it('doubles from the base up to the cap, with jitter in [½, 1]', () => {
    expect(backoffMs(1, 1000, 60_000, () => 1)).toBe(1000);
    expect(backoffMs(3, 1000, 60_000, () => 1)).toBe(4000);
    expect(backoffMs(3, 1000, 60_000, () => 0)).toBe(2000);
    expect(backoffMs(40, 1000, 60_000, () => 1)).toBe(60_000);
    expect(backoffMs(10_000, 1000, 60_000, () => 0.5)).toBeLessThanOrEqual(60_000);
  });
});

describe('SMS providers', () => {
  it('none sends nothing; log takes every message; aliyun builds its SDK client from the section', async () => {
    expect(smsProvider(SmsSchema.parse({ provider: 'none' }))).toBeNull();
    const log = smsProvider(SmsSchema.parse({}))!;
    expect(log.name).toBe('log');
    await log.send({ phone: '13900000000', text: 't', kind: 'confirmed', params: {} }, AbortSignal.timeout(100));
    const ali = smsProvider(SmsSchema.parse({
      provider: 'aliyun',
      aliyun: { accessKeyId: 'id', accessKeySecret: 'secret', signName: '政务服务', templates: { confirmed: 'SMS_1', reminder: 'SMS_2', forfeited: 'SMS_3', cancelled: 'SMS_4' } },
    }))!;
    expect(ali.name).toBe('aliyun');
  });

  it('a provider\'s error text never carries a mobile number', () => {
    expect(scrub('isv.MOBILE_NUMBER_ILLEGAL 13912345678')).toBe('isv.MOBILE_NUMBER_ILLEGAL 139****5678');
  });

  it('the section refuses a provider without its settings', () => {
    expect(SmsSchema.safeParse({ provider: 'http' }).success).toBe(false);
    expect(SmsSchema.safeParse({ provider: 'aliyun' }).success).toBe(false);
    expect(SmsSchema.safeParse({ provider: 'http', http: { url: 'https://sms.example.gov.cn/send' } }).success).toBe(true);
  });
});
