/**
 * Printer failure never loses a ticket: paper out, or a kiosk without a printer, keeps the number on
 * screen three times as long and says plainly 打印失败，请拍照或记下您的号码; a hall without device
 * support answers print:'none' and the kiosk says it does not print.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../helpers/browser.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { openKiosk, PORTRAIT, shot } from './kiosk-page.js';

let server: TestServer;
let plain: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, plain, browser] = await Promise.all([startTestServer({ devices: true }), startTestServer({ devices: false }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await plain?.close();
});

async function walkIn(page: Page, service: RegExp) {
  await page.getByRole('button', { name: /^现场取号/ }).click();
  await page.getByRole('button', { name: service }).click();
  await page.locator('[data-testid=ticket-number]').waitFor({ timeout: 10_000 });
  return Date.now();
}

const notice = (page: Page) => page.locator('[data-testid=print-notice]').innerText();

describe('kiosk printer failure', () => {
  it('paper out: the ticket stays valid, the screen says 打印失败，请拍照或记下您的号码 and stays three times the idle time', async () => {
    const token = await server.deviceToken('kiosk', 'kiosk-1');
    server.running.devices!.manager.simulators.printers.get('printer-kiosk-1')!.setMode('paper-out');
    const page = await openKiosk(browser, server, token, { viewport: PORTRAIT, idle: 2 });
    const shown = await walkIn(page, /^综合咨询/);
    const number = await page.locator('[data-testid=ticket-number]').textContent();
    await expect.poll(() => notice(page), { timeout: 10_000 }).toBe('打印失败，请拍照或记下您的号码\n号码已登记，有效，请留意叫号');
    await shot(page, 'ticket-print-failed-portrait');
    const st = await server.api('GET', '/api/state', { token });
    expect(st.body.queues.find((q: { id: string }) => q.id === 'qA').waiting).toBe(1);
    expect(number).toBe('A001');
    await page.getByRole('button', { name: /^预约取号/ }).waitFor({ timeout: 15_000 });
    expect(Date.now() - shown).toBeGreaterThanOrEqual(5_000); // 3 × 2 s, where a printed ticket leaves after 2 s
    await page.context().close();
  });

  it('a kiosk with no printer bound: print:result says it failed, so the citizen is told to note the number', async () => {
    const token = await server.deviceToken('kiosk', 'kiosk-9');
    const page = await openKiosk(browser, server, token);
    await walkIn(page, /^证照打印/);
    await expect.poll(() => notice(page), { timeout: 10_000 }).toContain('打印失败，请拍照或记下您的号码');
    await page.context().close();
  });

  it('a hall without devices answers print none: the kiosk says it does not print and shows the number', async () => {
    const token = await plain.deviceToken('kiosk', 'kiosk-1');
    const page = await openKiosk(browser, plain, token);
    await walkIn(page, /^证照打印/);
    expect(await notice(page)).toBe('本机不打印号票，请拍照或记下您的号码\n号码已登记，有效，请留意叫号');
    expect(await page.locator('[data-testid=ticket-number]').textContent()).toBe('A001');
    await shot(page, 'ticket-no-printer-landscape');
    await page.context().close();
  });
});
