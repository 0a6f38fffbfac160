import { describe, expect, it } from 'vitest';
import { fill, list, parseLang, translate, translator } from '../../../apps/kit/i18n.js';
import { addDays, clockText, dateAt, formatDate, formatDateTime, formatWhen, hallDate, hallIso, hhmm, shortDateTime, skewOf, zoneOffsetMinutes } from '../../../apps/kit/time.js';

const dicts = { zh: { hi: '你好 {name}', unit: '人' }, en: { hi: 'Hello {name}', unit: '' } };

describe('the kit translator', () => {
  it('fills placeholders in the chosen language and follows a switch', () => {
    let lang: 'zh' | 'en' = 'zh';
    const t = translator(dicts, () => lang);
    expect(t('hi', { name: '王' })).toBe('你好 王');
    lang = 'en';
    expect(t('hi', { name: 'Wang' })).toBe('Hello Wang');
  });
  it('never shows raw braces; an empty entry stays empty', () => {
    expect(fill('{a} and {b}', { a: 1 })).toBe('1 and ');
    expect(translate(dicts, 'en', 'unit')).toBe('');
  });
  it('splits lists and reads a language', () => {
    expect(list('a|b')).toEqual(['a', 'b']);
    expect([parseLang('en'), parseLang('fr'), parseLang(null, 'en')]).toEqual(['en', 'zh', 'en']);
  });
});

describe('hall time', () => {
  const iso = '2026-11-23T09:05:07+08:00';
  const ms = Date.parse(iso);
  it('reads the hall zone from the server\'s ISO times, whatever the PC\'s zone', () => {
    expect([zoneOffsetMinutes(iso), zoneOffsetMinutes('2026-11-23T01:00:00Z'), zoneOffsetMinutes('2026-11-23T01:00:00-05:30')]).toEqual([480, 0, -330]);
    expect(dateAt(Date.parse('2026-11-23T16:30:00Z'), 480)).toBe('2026-11-24');
    expect(clockText(ms, 480)).toBe('09:05:07');
    expect(hallDate(ms, 480)).toEqual({ y: 2026, m: 11, d: 23, weekday: 1 });
    expect(hallIso(ms, iso)).toBe('2026-11-23T09:05:07');
    expect(skewOf(iso, ms - 2_000)).toBe(2_000);
  });
  it('formats times as the screens show them', () => {
    expect([hhmm(iso), hhmm(undefined), shortDateTime(iso)]).toEqual(['09:05', '', '11-23 09:05']);
    expect(formatDateTime(iso, 'zh')).toBe('11月23日 星期一 09:05');
    expect(formatDateTime(iso, 'en')).toBe('Monday 23/11 09:05');
    expect([formatDate('2026-11-24', 'zh'), formatDate('2026-11-24', 'en')]).toEqual(['2026年11月24日', '24/11/2026']);
    expect(formatWhen('2026-11-23T14:00:00+08:00', 'zh', iso)).toBe('14:00');
    expect(formatWhen('2026-11-24T09:00:00+08:00', 'zh', iso)).toBe('11月24日 星期二 09:00');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
