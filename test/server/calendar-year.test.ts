/** PUT /api/calendar/:year: the admin enters a year's 放假/调休 dates in one step (issue 11). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { expectError } from './support.js';

/** 2027 as a State Council list would give it: the statutory days, a span around them, two make-up Saturdays */
const LIST_2027 = {
  holidays: ['2027-01-01', '2027-01-04', '2027-02-05', '2027-02-06', '2027-02-07', '2027-04-05', '2027-05-01',
    '2027-06-09', '2027-09-15', '2027-10-01'],
  makeupWorkdays: ['2027-01-09', '2027-02-20'],
};

describe('PUT /api/calendar/:year', () => {
  let s: TestServer;
  beforeAll(async () => { s = await startTestServer(); });
  afterAll(() => s.close());
  const slots = async (date: string) => (await s.api('GET', `/api/slots?serviceId=s-a03&date=${date}`, { token: s.adminToken })).body.map((x: any) => x.slot);

  it('only an admin may enter it; a list missing a statutory day → 400 naming it', async () => {
    expectError(await s.api('PUT', '/api/calendar/2027', { token: await s.login('staff1'), body: LIST_2027 }), 403, 'forbidden');
    const bad = await s.api('PUT', '/api/calendar/2027', { token: s.adminToken, body: { ...LIST_2027, holidays: ['2027-01-01'] } });
    expectError(bad, 400, 'invalid-holiday-schedule');
    expect(bad.body.error.message).toMatch(/^放假安排有误：放假日期缺少法定节日 2027-02-06/);
    expectError(await s.api('PUT', '/api/calendar/2027', { token: s.adminToken, body: { holidays: 'x' } }), 400, 'bad-request');
  });

  it('the list takes effect at once: the warning ends, a listed Monday is a holiday, a listed Saturday a workday; audited', async () => {
    expect((await s.api('GET', '/api/health')).body.warnings).toHaveLength(1);
    expect(await slots('2027-01-04')).toContain('08:30');
    expect(await slots('2027-01-09')).toEqual([]);
    const r = await s.api('PUT', '/api/calendar/2027', { token: s.adminToken, body: LIST_2027 });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ year: 2027, holidays: [...LIST_2027.holidays].sort(), makeupWorkdays: LIST_2027.makeupWorkdays });
    expect((await s.api('GET', '/api/health')).body.warnings).toBeUndefined();
    expect(await slots('2027-01-04')).toEqual([]); // a holiday: extended sessions only, s-a03 is not on the list
    expect(await slots('2027-01-09')).toContain('08:30');
    const audit = await s.api('GET', '/api/audit?type=calendar.year-entered', { token: s.adminToken });
    expect(audit.body[0]).toMatchObject({ type: 'calendar.year-entered', subject: '2027', data: { year: 2027 } });
    // stored with the hall's settings, so a restart keeps it
    const config = await s.api('GET', '/api/config', { token: await s.login('admin') });
    expect(config.body.hours.overrides).toMatchObject({ '2027-01-04': 'holiday', '2027-01-09': 'makeup-workday' });
  });
});
