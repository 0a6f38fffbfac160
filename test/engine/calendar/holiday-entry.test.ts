/** The State Council's list for a year as calendar overrides (issue 11: one-step entry of 放假/调休 dates). */
import { describe, expect, it } from 'vitest';
import { dayKind, DEFAULT_HOURS, holidayOverrides, isMakeupWorkday, isStatutoryHoliday, statutoryDays, withYear, addDays } from '../../../server/engine/calendar.js';

/** 2026's list as chinese-days has it (国务院办公厅 2025-11 通知), written as an admin would paste it */
function list2026() {
  const holidays: string[] = [];
  const makeupWorkdays: string[] = [];
  for (let d = '2026-01-01'; d.startsWith('2026'); d = addDays(d, 1)) {
    if (isStatutoryHoliday(d)) holidays.push(d);
    if (isMakeupWorkday(d)) makeupWorkdays.push(d);
  }
  return { holidays, makeupWorkdays };
}

describe('holidayOverrides', () => {
  it('the statutory days of 2026 are the ones of the brief (春节 02-17, 清明 04-05, 端午 06-19, 中秋 09-25)', () => {
    expect(statutoryDays(2026)).toEqual(['2026-01-01', '2026-02-17', '2026-04-05', '2026-05-01', '2026-06-19', '2026-09-25', '2026-10-01']);
  });

  it('turns the list into overrides that give every date the kind chinese-days gives it', () => {
    const o = holidayOverrides(2026, list2026());
    expect(o['2026-10-03']).toBe('holiday');
    expect(o['2026-09-20']).toBe('makeup-workday');
    expect(o['2026-10-10']).toBe('makeup-workday');
    const hours = { ...DEFAULT_HOURS, overrides: o };
    for (const d of ['2026-02-15', '2026-02-23', '2026-02-28', '2026-10-07', '2026-10-08']) {
      expect(dayKind(d, hours)).toBe(dayKind(d, DEFAULT_HOURS));
    }
  });

  it('refuses, in Chinese naming the date: a date of another year, a weekday as make-up day, a statutory day missing, a date twice', () => {
    const l = list2026();
    expect(() => holidayOverrides(2026, { ...l, holidays: [...l.holidays, '2027-01-01'] })).toThrow('2027-01-01 不在 2026 年内');
    expect(() => holidayOverrides(2026, { ...l, makeupWorkdays: ['2026-09-21'] })).toThrow('2026-09-21 不是周六或周日');
    expect(() => holidayOverrides(2026, { ...l, holidays: l.holidays.filter((d) => d !== '2026-09-25') })).toThrow('缺少法定节日 2026-09-25');
    expect(() => holidayOverrides(2026, { ...l, makeupWorkdays: [...l.makeupWorkdays, '2026-10-03'] })).toThrow('2026-10-03 重复列出');
  });

  it('withYear replaces the year\'s holiday and make-up entries and keeps the hall\'s own overrides', () => {
    const before = { '2026-03-01': 'holiday', '2026-03-02': 'closed', '2025-10-01': 'holiday' } as const;
    const after = withYear(before, 2026, { '2026-10-01': 'holiday' });
    expect(after).toEqual({ '2025-10-01': 'holiday', '2026-03-02': 'closed', '2026-10-01': 'holiday' });
  });
});
