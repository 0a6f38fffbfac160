/** Issue 14: 签退 at the console closes the window (confirmation while a ticket is called or served); day end closes every window. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { artifact, launchBrowser } from '../../helpers/browser.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { button, chooseWindow, openConsole, signIn } from './console-page.js';

let server: TestServer;
let browser: Browser;
let page: Page;
let kiosk: string;

const win = async (id: string) => (await server.admin.call('GET /api/windows/:id/state', { params: { id } })).window;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  kiosk = await server.deviceToken('kiosk', 'kiosk-1');
  await server.client(kiosk).call('POST /api/tickets', { body: { serviceId: 's-a01' } });
  page = await openConsole(browser, server);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('console 签退', () => {
  it('with a called ticket it asks first, returns the ticket to its queue and closes the window', async () => {
    for (const vp of [{ width: 1440, height: 900 }, { width: 1280, height: 800 }]) await page.setViewportSize(vp);
    await signIn(page, 'staff1');
    await chooseWindow(page, 1);
    await button(page, '叫号').click();
    await expect.poll(() => page.getByTestId('current-number').textContent()).toBe('A001');
    await page.getByTestId('sign-out').click();
    await expect.poll(() => page.getByTestId('sign-out-warning').textContent()).toBe('当前叫号 A001 尚未办理：签退将把它退回队列等候。');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: artifact('console/sign-out-confirm-1440x900') });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: artifact('console/sign-out-confirm-1280x800') });
    await button(page, '确认签退').click();
    await expect.poll(async () => (await win('w1')).status, { timeout: 10_000 }).toBe('closed');
    const w = await win('w1');
    expect(w.staffName).toBeUndefined();
    expect(w.current).toBeNull();
    const st = await server.api('GET', '/api/state', { token: kiosk });
    expect(st.body.queues.find((q: { id: string }) => q.id === 'qA').waiting).toBe(1); // back in line
    await page.locator('.window-choice').first().waitFor(); // back to choosing a window
  });

  it('without a ticket it signs out at once; at day end every window closes', async () => {
    await chooseWindow(page, 1);
    expect((await win('w1')).status).toBe('open');
    await page.getByTestId('sign-out').click();
    await expect.poll(async () => (await win('w1')).status, { timeout: 10_000 }).toBe('closed');
    await chooseWindow(page, 1);
    await server.setClock('2026-11-23T21:00:00+08:00');
    const st = await server.api('GET', '/api/state', { token: kiosk });
    expect(st.body.windows.map((w: { status: string }) => w.status).every((s: string) => s === 'closed')).toBe(true);
  });
});
