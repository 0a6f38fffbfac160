/**
 * GET /api/reports and its export over HTTP: who sees what, a bad period's refusal, and the downloads
 * read back (the XLSX with exceljs holds the JSON's totals; the CSV starts with a BOM; neither holds a
 * full ID number or phone).
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { citizen, expectError } from './support.js';
import type { PeriodReport } from '../../protocol/reports.js';

const DAY = '2026-11-23';
const FULL_ID = /\d{17}[\dXx]/;
const FULL_PHONE = /1[3-9]\d{9}/;

describe('reports over HTTP', () => {
  let s: TestServer;
  let lead: string, staff1: string, kiosk: string;
  const report = (token: string, q: string) => s.api('GET', `/api/reports?${q}`, { token });
  const download = async (token: string, q: string) => {
    const res = await fetch(`${s.url}/api/reports/export?${q}`, { headers: { authorization: `Bearer ${token}` } });
    return { res, bytes: Buffer.from(await res.arrayBuffer()) };
  };
  beforeAll(async () => {
    s = await startTestServer();
    kiosk = await s.deviceToken('kiosk', 'kiosk-r');
    lead = await s.login('lead1');
    staff1 = await s.login('staff1');
    const staff2 = await s.login('staff2');
    const cmd = (token: string, w: string, action: string) => s.api('POST', `/api/windows/${w}/${action}`, { token });
    for (let i = 0; i < 3; i++) await s.api('POST', '/api/tickets', { token: kiosk, body: { serviceId: 's-a01' } });
    // a booking with a citizen's full ID number and phone: the downloads must not carry them
    const platform = await s.deviceToken('platform', 'platform-r');
    expect((await s.api('POST', '/api/bookings', { token: platform, body: citizen(7) })).status).toBe(201);
    await cmd(staff1, 'w1', 'open');
    await cmd(staff1, 'w1', 'call-next');
    await s.setClock(`${DAY}T09:12:00+08:00`);
    await cmd(staff1, 'w1', 'start');
    await s.setClock(`${DAY}T09:20:00+08:00`);
    await cmd(staff1, 'w1', 'finish');
    await cmd(staff2, 'w2', 'open');
    await cmd(staff2, 'w2', 'call-next');
  });
  afterAll(() => s.close());

  it('a lead sees every window; staff only their own (filtered, not refused)', async () => {
    const all = await report(lead, `from=${DAY}&to=${DAY}&by=window`);
    expect(all.status).toBe(200);
    const body = all.body as PeriodReport;
    expect(body).toMatchObject({ from: DAY, to: DAY, by: 'window', ownWindowsOnly: false });
    expect(body.totals).toMatchObject({ arrived: 3, served: 1, avgServiceSeconds: 480 });
    expect(body.rows.map((r) => r.key)).toEqual(['w1', 'w2', '']);
    const mine = (await report(staff1, `from=${DAY}&to=${DAY}&by=window`)).body as PeriodReport;
    expect(mine).toMatchObject({ ownWindowsOnly: true, bookings: null });
    expect(mine.rows.map((r) => r.key)).toEqual(['w1']);
    expect(mine.totals).toMatchObject({ arrived: 1, served: 1 });
    const staffRows = (await report(staff1, `from=${DAY}&to=${DAY}&by=staff`)).body as PeriodReport;
    expect(staffRows.rows.map((r) => r.key)).toEqual(['u-staff1']);
  });

  it('a bad period → 400 invalid-range in Chinese; an unknown grouping → 400; a kiosk → 403', async () => {
    const back = await report(lead, `from=2026-11-24&to=${DAY}`);
    expectError(back, 400, 'invalid-range');
    expect(back.body.error.message).toContain('起始日期不能晚于结束日期');
    expectError(await report(lead, `from=2025-01-01&to=${DAY}`), 400, 'invalid-range');
    expectError(await report(lead, `from=${DAY}&to=${DAY}&by=year`), 400, 'bad-request');
    expectError(await report(kiosk, `from=${DAY}&to=${DAY}`), 403, 'forbidden');
    const { res } = await download(lead, `from=2026-11-24&to=${DAY}&format=csv`);
    expect(res.status).toBe(400);
  });

  it('the XLSX is a real workbook with the JSON\'s totals: a sheet per grouping, Chinese headers, numbers as numbers', async () => {
    const json = (await report(lead, `from=${DAY}&to=2026-11-24&by=day`)).body as PeriodReport;
    const { res, bytes } = await download(lead, `from=${DAY}&to=2026-11-24&format=xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toContain(`hallq-report-${DAY}_2026-11-24.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['总览', '按日', '按周', '按月', '按时段', '按事项', '按队列', '按窗口', '按人员', '按渠道']);
    const summary = new Map<string, unknown>();
    wb.getWorksheet('总览')!.eachRow((row) => void summary.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(summary.get('到达人数')).toBe(json.totals.arrived);
    expect(summary.get('办结人数')).toBe(json.totals.served);
    expect(summary.get('平均办理(分钟)')).toBe(json.totals.avgServiceSeconds / 60);
    expect(summary.get('预约总数')).toBe(json.bookings!.total);
    const byWindow = wb.getWorksheet('按窗口')!;
    expect(byWindow.getRow(1).getCell(2).value).toBe('到达人数');
    const total = byWindow.getRow(byWindow.rowCount);
    expect(total.getCell(1).value).toBe('合计');
    expect(total.getCell(2).value).toBe(json.totals.arrived);
    expect(typeof byWindow.getRow(2).getCell(2).value).toBe('number');
    const byDay = wb.getWorksheet('按日')!;
    expect(byDay.getRow(2).getCell(1).value).toBe(DAY);
    expect(byDay.getRow(2).getCell(2).value).toBe(json.rows[0]!.arrived);
    const text = wb.worksheets.flatMap((w) => w.getSheetValues().flat()).map(String).join(' ');
    expect(text).not.toMatch(FULL_ID);
    expect(text).not.toMatch(FULL_PHONE);
  });

  it('the CSV is UTF-8 with a BOM, the totals first, and no ID number or phone', async () => {
    const json = (await report(lead, `from=${DAY}&to=2026-11-24`)).body as PeriodReport;
    expect(json.bookings!.total).toBe(1); // the booking with a full ID number and phone is in the period
    const { res, bytes } = await download(lead, `from=${DAY}&to=2026-11-24&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]!.split(',').slice(0, 4)).toEqual(['分组方式', '分组', '到达人数', '办结人数']);
    expect(lines[1]!.split(',').slice(0, 4)).toEqual(['合计', `${DAY} 至 2026-11-24`, String(json.totals.arrived), String(json.totals.served)]);
    expect(lines.some((l) => l.startsWith('按窗口,1号窗口'))).toBe(true);
    expect(bytes.toString('utf8')).not.toMatch(FULL_ID);
    expect(bytes.toString('utf8')).not.toMatch(FULL_PHONE);
  });

  it('GET /api/reports/live: today\'s running figures for a lead; staff → 403', async () => {
    const live = await s.api('GET', '/api/reports/live', { token: lead });
    expect(live.status).toBe(200);
    // three tickets issued at 09:00: one served, one called at window 2, one waiting since 09:00 (now 09:20)
    expect(live.body).toMatchObject({ waiting: 1, served: 1, longestWaitSeconds: 1200, oldestWaitingSince: `${DAY}T09:00:00+08:00` });
    expect(live.body.windowsOpen).toBeGreaterThanOrEqual(2);
    expectError(await s.api('GET', '/api/reports/live', { token: staff1 }), 403, 'forbidden');
  });

  it('staff download only their own windows', async () => {
    const { bytes } = await download(staff1, `from=${DAY}&to=${DAY}&format=csv`);
    const windows = bytes.toString('utf8').split('\r\n').filter((l) => l.startsWith('按窗口,'));
    expect(windows.map((l) => l.split(',')[1])).toEqual(['1号窗口 综合受理']);
  });
});
