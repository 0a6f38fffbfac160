/**
 * The ticket's QR status page rates a finished ticket once (issue 16): no rating offered while the
 * ticket waits; once finished the five levels; a low one asks a reason; then it says it was rated,
 * also after a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { artifact, launchBrowser } from '../../helpers/browser.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';

let srv: TestServer;
let browser: Browser;
beforeAll(async () => {
  srv = await startTestServer();
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});

describe('the QR status page', () => {
  it('offers the rating only once finished, stores one level-1 rating with reasons, and then says it was rated', async () => {
    const kiosk = await srv.deviceToken('kiosk', 'kiosk-qr');
    const staff = await srv.login('staff4');
    const t = (await srv.api('POST', '/api/tickets', { token: kiosk, body: { serviceId: 's-b01' } })).body.ticket;
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    page.setDefaultTimeout(10_000);
    await page.goto(`${srv.url}/t/${t.id}`);
    await page.getByTestId('status-number').waitFor();
    expect(await page.locator('.rate').count()).toBe(0);
    await srv.api('POST', '/api/windows/w4/call-next', { token: staff });
    await srv.api('POST', '/api/windows/w4/finish', { token: staff });
    await page.reload();
    await page.getByRole('button', { name: '非常不满意' }).click();
    await page.getByRole('button', { name: '服务态度不好' }).click();
    await page.getByRole('button', { name: '材料要求反复' }).click();
    await page.screenshot({ path: artifact('pad/qr-reasons'), fullPage: true });
    await page.getByRole('button', { name: '提交评价' }).click();
    expect(await page.getByTestId('rate-done').textContent()).toBe('感谢您的评价！');
    const list = (await srv.api('GET', '/api/evaluations', { token: await srv.login('lead1') })).body as any[];
    expect(list).toEqual([expect.objectContaining({ ticketId: t.id, level: 1, reasons: ['服务态度不好', '材料要求反复'], channel: 'qr' })]);
    await page.reload();
    await page.getByTestId('rate-done').waitFor();
    expect(await page.getByTestId('rate-done').textContent()).toContain('您已评价过本次服务');
    expect(await page.locator('.rate-level').count()).toBe(0);
    await page.screenshot({ path: artifact('pad/qr-rated'), fullPage: true });
    const body = await page.locator('body').innerText();
    expect(body).not.toMatch(/刘洋|staff/); // no staff or personal name on the public page
  }, 60_000);
});
