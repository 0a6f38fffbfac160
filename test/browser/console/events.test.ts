/**
 * The console applies the hall's events to its store: fifty events (tickets issued, called,
 * started and finished at its own window by someone else) make it send no GET at all, and its
 * waiting list still ends up as the server's, in call-next's order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../helpers/browser.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { chooseWindow, openConsole, shot, signIn } from './console-page.js';

let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  page = await openConsole(browser, server);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('console fed by events', () => {
  it('receiving some 50 events sends no GET for them, and the waiting list follows in call-next order', async () => {
    await signIn(page, 'staff1');
    await chooseWindow(page, 1);
    await page.getByTestId('count-served').waitFor();
    await page.waitForLoadState('networkidle');

    const gets: string[] = [];
    page.on('request', (r) => { if (r.method() === 'GET' && new URL(r.url()).pathname.startsWith('/api/')) gets.push(r.url()); });
    // a staff socket counts what every console receives
    const watcher = server.socket(await server.login('lead1'));
    const seen = new Map<string, number>();
    watcher.onAny((name: string) => void seen.set(name, (seen.get(name) ?? 0) + 1));
    await new Promise<void>((resolve) => watcher.once('state:snapshot', () => resolve()));

    const kiosk = server.client(await server.deviceToken('kiosk', 'kiosk-events'));
    const staff = server.client(await server.login('staff1'));
    const numbers: string[] = [];
    for (let i = 0; i < 20; i++) numbers.push((await kiosk.call('POST /api/tickets', { body: { serviceId: 's-a01', requestId: `ev-${i}` } })).ticket.number);
    const w1 = { id: 'w1' };
    for (let i = 0; i < 3; i++) {
      await staff.call('POST /api/windows/:id/call-next', { params: w1, body: {} });
      await staff.call('POST /api/windows/:id/start', { params: w1 });
      await staff.call('POST /api/windows/:id/finish', { params: w1 });
    }
    // 20 issues and 3 calls each started and finished: 20 ticket:issued, 3 ticket:called, 9 ticket:updated,
    // 9 window:updated, and the queue's counts (queue:updated is coalesced per queue per 20 ms since
    // issue 20, so how many of those arrive depends on timing: at least one)
    const n = (name: string) => seen.get(name) ?? 0;
    await expect.poll(() => [n('ticket:issued'), n('ticket:called'), n('ticket:updated') >= 9, n('window:updated') >= 9, n('queue:updated') >= 1],
      { timeout: 10_000 }).toEqual([20, 3, true, true, true]);

    const list = page.locator('.waiting ol li');
    await expect.poll(() => list.count(), { timeout: 10_000 }).toBe(17);
    expect(await list.evaluateAll((els) => els.map((e) => e.getAttribute('data-ticket')))).toEqual(numbers.slice(3));
    await page.waitForTimeout(1_000); // anything an event would have triggered has been sent by now
    await shot(page, 'caller-after-events');
    expect(gets).toEqual([]);
  });
});
