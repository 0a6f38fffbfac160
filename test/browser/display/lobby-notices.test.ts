/**
 * Issue 14: the lobby's notices are the hall's settings (no restart, no hard-coded text), and at
 * 1920×1080 every number on it (tickets, windows, counts) is at least 2.5 % of the screen height.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { artifact, launchBrowser } from '../../helpers/browser.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { act, issue, openDisplay } from './display-helpers.js';

let srv: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  srv = await startTestServer();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  page.on('pageerror', (e) => console.error('page error', e));
  await openDisplay(page, srv.url, `token=${await srv.deviceToken('display', 'lobby-n')}&voice=0`);
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});

const noticeTexts = () => page.locator('.notices .notice:not(.notices-copy)').allTextContents();

describe('lobby notices and number sizes', () => {
  it('shows the hall\'s notices from the settings, and an admin\'s change at once', async () => {
    const stored = (await srv.admin.call('GET /api/config')).notices as string[];
    await expect.poll(noticeTexts).toEqual(stored);
    await srv.admin.call('PUT /api/config/:section', { params: { section: 'notices' }, body: ['本周六（12月5日）正常上班', '请保管好随身物品'] });
    await expect.poll(noticeTexts, { timeout: 5_000 }).toEqual(['本周六（12月5日）正常上班', '请保管好随身物品']);
  });

  it('at 1920×1080 every number shown is at least 2.5 % of the screen height', async () => {
    const kiosk = await srv.deviceToken('kiosk', 'kiosk-n');
    for (const n of [1, 2, 3]) {
      await issue(srv, kiosk, 's-a01');
      await act(srv, await srv.login(`staff${n}`), `w${n}`, 'call-next');
    }
    await page.waitForSelector('[data-testid="window-3-ticket"]:text-is("A003")');
    await page.waitForSelector('[data-testid="flash-number"]', { state: 'detached', timeout: 15_000 }).catch(() => undefined);
    const sizes = await page.evaluate(() => {
      const out: { text: string; px: number }[] = [];
      for (const el of document.querySelectorAll<HTMLElement>('body *')) {
        const text = [...el.childNodes].filter((c) => c.nodeType === Node.TEXT_NODE).map((c) => c.textContent ?? '').join('').trim();
        // ticket numbers (A001), window numbers (12, 12号) and counts: not the clock or dates
        if (!/^[A-Z]?\d{1,4}(号|号窗口)?$/.test(text) || !el.offsetParent) continue;
        out.push({ text, px: parseFloat(getComputedStyle(el).fontSize) });
      }
      return out;
    });
    expect(sizes.length).toBeGreaterThan(10);
    const small = sizes.filter((s) => s.px < 1080 * 0.025);
    await page.screenshot({ path: artifact('display/lobby-notices-1920x1080'), animations: 'disabled' });
    expect(small).toEqual([]);
  });
});
