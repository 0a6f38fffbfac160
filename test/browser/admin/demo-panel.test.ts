/**
 * Issue 14: the demo panel (演示设备, demo only). A card put on kiosk-1's simulated reader from the
 * admin app reaches the open kiosk page, and a ticket taken there shows up as the virtual printer's image.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../helpers/browser.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { openKiosk } from '../kiosk/kiosk-page.js';
import { button, goTo, openAdmin, shot, signIn, SIZES } from './admin-page.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ devices: true }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('演示设备', () => {
  it('not offered outside the demo\'s simulators', async () => {
    const plain = await startTestServer();
    try {
      const page = await openAdmin(browser, plain);
      await signIn(page, 'admin', 'admin-test-pw');
      await page.getByTestId('checklist-summary').waitFor();
      expect(await page.getByRole('navigation').getByRole('link', { name: '演示设备' }).count()).toBe(0);
      await page.context().close();
    } finally { await plain.close(); }
  });

  it('an ID card placed from the panel reaches the kiosk; a ticket taken there is shown as printed', { timeout: 120_000 }, async () => {
    const kiosk = await openKiosk(browser, server, await server.deviceToken('kiosk', 'kiosk-1'));
    await kiosk.getByRole('button', { name: /^预约取号/ }).click();
    await kiosk.getByRole('button', { name: '手动输入身份证号' }).waitFor();

    const page = await openAdmin(browser, server);
    await signIn(page, 'admin', 'admin-test-pw');
    await page.getByTestId('checklist-summary').waitFor();
    await goTo(page, '演示设备');
    const card = page.getByTestId('demo-kiosk-1');
    await card.getByRole('button', { name: '放身份证' }).click();
    await page.getByText(/已在 kiosk-1 放上身份证/).waitFor();
    // the sample card has no booking: the kiosk read it and says so
    await kiosk.getByText('未找到预约记录').waitFor({ timeout: 15_000 });

    await kiosk.goto(kiosk.url()); // back to the home screen
    await kiosk.getByRole('button', { name: /^现场取号/ }).click();
    await kiosk.locator('[data-service="s-a01"]').click();
    const number = await kiosk.getByTestId('ticket-number').textContent();
    const figure = page.getByTestId('demo-prints').locator('figure').first();
    await expect.poll(() => figure.locator('img').count(), { timeout: 90_000, interval: 1000 }).toBe(1);
    expect(await figure.locator('img').getAttribute('alt')).toContain(number!);
    for (const [size, viewport] of Object.entries(SIZES)) {
      await page.setViewportSize(viewport);
      await shot(page, `demo-panel-${size}`);
    }
    expect(await button(page, '扫码').count()).toBe(2);
    await kiosk.context().close();
  });
});
