/**
 * Issue 20: the console sends no request because of an event it received. Today's figures (served,
 * the average service time) count on from the ticket events, and the lead's low-ratings list takes a
 * new rating from `evaluation:updated` — where it used to reload GET /api/reports/daily (≤ 30 s later)
 * and poll GET /api/evaluations (every 15 s).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../helpers/browser.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { button, chooseWindow, openConsole, shot, signIn } from './console-page.js';

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

const apiRequests = (p: Page) => {
  const seen: string[] = [];
  p.on('request', (r) => { if (new URL(r.url()).pathname.startsWith('/api/')) seen.push(`${r.method()} ${new URL(r.url()).pathname}`); });
  return seen;
};

describe('the console applies events without asking', () => {
  it('a ticket served at its window by another console updates served and the average service time, no request sent', async () => {
    await signIn(page, 'lead1');
    await button(page, '叫号台').click();
    await chooseWindow(page, 1);
    await page.getByTestId('count-served').waitFor();
    await page.waitForLoadState('networkidle');
    const sent = apiRequests(page);

    const kiosk = server.client(await server.deviceToken('kiosk', 'kiosk-norefetch'));
    const staff = server.client(await server.login('staff1'));
    await kiosk.call('POST /api/tickets', { body: { serviceId: 's-a01' } });
    const w1 = { id: 'w1' };
    await staff.call('POST /api/windows/:id/call-next', { params: w1, body: {} });
    await staff.call('POST /api/windows/:id/start', { params: w1 });
    await server.setClock('2026-11-23T09:07:30+08:00'); // 7 min 30 s of service
    await staff.call('POST /api/windows/:id/finish', { params: w1 });

    await expect.poll(() => page.getByTestId('count-served').textContent(), { timeout: 15_000 }).toBe('1');
    const counts = page.getByRole('region', { name: '今日本窗口' });
    await expect.poll(() => counts.textContent(), { timeout: 5_000 }).toContain('7分30秒');
    await page.waitForTimeout(1_500);
    expect(sent.filter((r) => r.startsWith('GET'))).toEqual([]);
  });

  it('a low rating given at a pad appears in the lead’s list from the event, no poll', async () => {
    await button(page, '全厅窗口').click();
    await page.getByRole('region', { name: '今日差评与回访' }).waitFor();
    await page.waitForLoadState('networkidle');
    const sent = apiRequests(page);

    const kiosk = server.client(await server.deviceToken('kiosk', 'kiosk-norefetch'));
    const staff = server.client(await server.login('staff2'));
    const t = (await kiosk.call('POST /api/tickets', { body: { serviceId: 's-a01' } })).ticket;
    const w2 = { id: 'w2' };
    await staff.call('POST /api/windows/:id/call-next', { params: w2, body: {} });
    await staff.call('POST /api/windows/:id/start', { params: w2 });
    await staff.call('POST /api/windows/:id/finish', { params: w2 });
    const rated = await server.api('POST', '/api/evaluations', { token: await server.login('staff2'), body: { ticketId: t.id, level: 1, reasons: ['等候时间太长'] } });
    expect(rated.status).toBe(201);

    // well inside the old 15 s poll
    await page.getByTestId('low-rating').filter({ hasText: t.number }).waitFor({ timeout: 8_000 });
    await shot(page, 'lead-rating-from-event');
    expect(sent.filter((r) => r === 'GET /api/evaluations')).toEqual([]);
  });
});
