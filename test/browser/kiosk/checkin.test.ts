/** Kiosk check-in: a booking QR typed by a keyboard-wedge scanner, an ID card read as `device:scan`, the on-screen keypad. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../helpers/browser.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { idNumber } from '../../helpers/hall.js';
import { bookPhone, buttonNamesMatchLabels, openKiosk, PORTRAIT, shot, wedgeScan } from './kiosk-page.js';

let server: TestServer;
let browser: Browser;
let token: string;
const qrs: string[] = [];

beforeAll(async () => {
  // phone bookings close 16:30 the working day before: book on Friday for Monday's 09:30 slot
  [server, browser] = await Promise.all([startTestServer({ now: '2026-11-20T10:00:00+08:00', devices: true }), launchBrowser()]);
  const staff = await server.login('staff1');
  for (const person of [1, 2, 3]) qrs.push((await bookPhone(server, staff, person, '2026-11-23', '09:30')).qr);
  token = await server.deviceToken('kiosk', 'kiosk-1'); // before the clock jump: the admin's session expires over a weekend
  await server.setClock('2026-11-23T09:00:00+08:00');
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const text = (page: import('playwright-core').Page, id: string) => page.locator(`[data-testid=${id}]`).textContent();

describe('kiosk check-in', () => {
  it('a booking QR typed by a wedge scanner on the home screen gives a reservation ticket, nothing typed anywhere', async () => {
    const page = await openKiosk(browser, server, token, { viewport: PORTRAIT });
    await wedgeScan(page, qrs[0]);
    await expect.poll(() => text(page, 'ticket-number'), { timeout: 10_000 }).toBe('A001');
    expect(await page.locator('.kind-badge').textContent()).toBe('预约');
    // reservation tickets are also served at the reservation-only window 12
    expect(await text(page, 'ticket-windows')).toBe('办理窗口：1号、2号、3号、5号、7号、11号、12号');
    await expect.poll(() => text(page, 'print-notice'), { timeout: 10_000 }).toBe('请取走号票，留意叫号');
    await shot(page, 'ticket-reservation-portrait');
    const b = await server.api('GET', '/api/bookings?date=2026-11-23', { token: await server.login('staff2') });
    expect(b.body.filter((x: { status: string }) => x.status === 'checked-in')).toHaveLength(1);
    await page.context().close();
  });

  it('the wedge scan is caught even while a button has focus, and its Enter does not press that button', async () => {
    const page = await openKiosk(browser, server, token);
    await page.getByRole('button', { name: /^现场取号/ }).focus();
    await wedgeScan(page, qrs[0]);
    await page.locator('[data-testid=ticket-number]').waitFor();
    expect(await text(page, 'ticket-number')).toBe('A001');
    expect(await page.locator('.lead').first().textContent()).toBe('您已签到，这是您的号码');
    await page.context().close();
  });

  it('an ID card read by the kiosk\'s reader (device:scan) checks the person in, from the 预约取号 screen', async () => {
    const page = await openKiosk(browser, server, token);
    await page.getByRole('button', { name: /^预约取号/ }).click();
    await page.getByRole('button', { name: '手动输入身份证号' }).waitFor();
    await shot(page, 'checkin-landscape');
    expect(await buttonNamesMatchLabels(page)).toEqual([]);
    server.running.realtime.scan('kiosk-1', { source: 'idcard', value: idNumber(2) });
    await expect.poll(() => text(page, 'ticket-number'), { timeout: 10_000 }).toBe('A002');
    expect(await page.locator('.kind-badge').textContent()).toBe('预约');
    await page.context().close();
  });

  it('the on-screen keypad refuses a number with a wrong check digit and checks in a valid one', async () => {
    const page = await openKiosk(browser, server, token, { viewport: PORTRAIT });
    await page.getByRole('button', { name: /^预约取号/ }).click();
    await page.getByRole('button', { name: '手动输入身份证号' }).click();
    const id = idNumber(3);
    const wrong = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    for (const ch of wrong) await page.getByRole('button', { name: ch, exact: true }).click();
    await page.getByRole('button', { name: '确认' }).click();
    await page.getByRole('alert').filter({ hasText: '身份证号码不正确' }).waitFor();
    await page.getByRole('button', { name: '删除' }).click();
    await page.getByRole('button', { name: id[17], exact: true }).click();
    expect(await text(page, 'id-entry')).toBe(`${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`);
    await shot(page, 'keypad-portrait');
    await page.getByRole('button', { name: '确认' }).click();
    await expect.poll(() => text(page, 'ticket-number'), { timeout: 10_000 }).toBe('A003');
    await page.context().close();
  });
});
