/** 平台对接 in the admin app (issue 17): the push's backlog and last error while the platform is down, resend from a seq, today's SMS. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../helpers/browser.js';
import { startReceiver, type Receiver } from '../../helpers/receiver.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { citizen } from '../../server/support.js';
import { button, goTo, openAdmin, shot, signIn, SIZES } from './admin-page.js';

let server: TestServer;
let browser: Browser;
let rx: Receiver;

beforeAll(async () => {
  rx = await startReceiver();
  rx.answer = 503;
  [server, browser] = await Promise.all([
    startTestServer({ config: { platform: { webhookUrl: rx.url, secret: 'platform-test-secret-0123456789' } }, platform: { baseMs: 20, capMs: 100, idleMs: 20 } }),
    launchBrowser(),
  ]);
  const platform = await server.deviceToken('platform', 'gov');
  expect((await server.api('POST', '/api/bookings', { token: platform, body: citizen(51) })).status).toBe(201);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rx?.close();
});

describe('admin 平台对接', () => {
  it('shows the backlog and the last error while the platform is down, resends from a seq once it is back, and lists today\'s SMS masked', async () => {
    const page = await openAdmin(browser, server, SIZES.narrow);
    await signIn(page, 'admin', 'admin-test-pw');
    await goTo(page, '平台对接');
    await expect.poll(() => page.getByTestId('platform-error').textContent(), { timeout: 10_000 }).toContain('HTTP 503');
    expect(Number(await page.getByTestId('platform-pending').textContent())).toBeGreaterThan(0);
    await expect.poll(() => page.locator('table.list tbody tr').count(), { timeout: 10_000 }).toBe(1);
    const row = await page.locator('table.list tbody tr').first().textContent();
    expect(row).toContain('139****0051');
    expect(row).toContain('预约成功');
    await shot(page, 'platform-down');
    rx.answer = 'ok';
    await button(page, '刷新').click();
    await expect.poll(async () => { await button(page, '刷新').click(); return page.getByTestId('platform-pending').textContent(); }, { timeout: 10_000 }).toBe('0');
    const n = rx.requests.length;
    await page.getByLabel('从序号重发').fill('1');
    await page.getByRole('button', { name: '从序号重发' }).click();
    await expect.poll(() => rx.requests.slice(n).some((q) => q.answered === 'ok'), { timeout: 10_000 }).toBe(true);
    await shot(page, 'platform-resent');
    await page.context().close();
  });
});
