/** Kiosk check-in by booking code (issue 17): the 31-key pad, portrait and landscape. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../helpers/browser.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { bookPhone, buttonNamesMatchLabels, LANDSCAPE, openKiosk, PORTRAIT, shot } from './kiosk-page.js';

let server: TestServer;
let browser: Browser;
let token: string;
let code: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ now: '2026-11-20T10:00:00+08:00' }), launchBrowser()]);
  code = (await bookPhone(server, await server.login('staff1'), 41, '2026-11-23', '09:30')).booking.code!;
  token = await server.deviceToken('kiosk', 'kiosk-1');
  await server.setClock('2026-11-23T09:00:00+08:00');
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('kiosk booking code pad', () => {
  it('has a key for each of the code\'s characters and none for 0, O, 1, I or L (landscape)', async () => {
    const page = await openKiosk(browser, server, token, { viewport: LANDSCAPE });
    await page.getByRole('button', { name: /^预约取号/ }).click();
    await page.getByRole('button', { name: '输入预约码' }).click();
    await page.locator('[data-testid=code-entry]').waitFor();
    const keys = await page.locator('.code-keys .key:not(.small)').allTextContents();
    expect(keys.join('')).toBe('23456789ABCDEFGHJKMNPQRSTUVWXYZ');
    await shot(page, 'code-pad-landscape');
    expect(await buttonNamesMatchLabels(page)).toEqual([]);
    await page.context().close();
  });

  it('typing the code checks the booking in and shows the reservation ticket (portrait)', async () => {
    const page = await openKiosk(browser, server, token, { viewport: PORTRAIT });
    await page.getByRole('button', { name: /^预约取号/ }).click();
    await page.getByRole('button', { name: '输入预约码' }).click();
    for (const ch of code) await page.locator('.code-keys .key', { hasText: new RegExp(`^${ch}$`) }).click();
    expect(await page.locator('[data-testid=code-entry]').textContent()).toBe(`${code.slice(0, 4)} ${code.slice(4)}`);
    await shot(page, 'code-pad-portrait');
    await page.getByRole('button', { name: '确认' }).click();
    await expect.poll(() => page.locator('[data-testid=ticket-number]').textContent(), { timeout: 10_000 }).toMatch(/^A\d{3}$/);
    await page.context().close();
  });
});
