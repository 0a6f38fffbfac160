/** Shared steps of the kiosk browser tests: open a paired kiosk page, make bookings as staff, take screenshots. */
import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../../helpers/server.js';
import { artifact } from '../../helpers/browser.js';
import { idNumber } from '../../helpers/hall.js';

export const PORTRAIT = { width: 1080, height: 1920 };
export const LANDSCAPE = { width: 1920, height: 1080 };
/**
 * playwright types each key through a separate CDP round trip; on a loaded two-core CI machine a gap
 * can pass 50 ms (it did, under load). So the browser tests widen the gap; the burst rule at the
 * kiosk's real 50 ms is pinned with a test clock in test/apps/kiosk/wedge.test.ts.
 */
export const TEST_WEDGE_GAP_MS = 250;

export async function openKiosk(browser: Browser, server: TestServer, token: string, o: { viewport?: { width: number; height: number }; idle?: number; wedgeGapMs?: number } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: o.viewport ?? LANDSCAPE, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('kiosk page error:', err.message));
  await page.goto(`${server.url}/kiosk/#token=${encodeURIComponent(token)}&idle=${o.idle ?? 60}&wedge=${o.wedgeGapMs ?? TEST_WEDGE_GAP_MS}`);
  await page.locator('[data-testid=clock]').waitFor();
  return page;
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: artifact(`kiosk/${name}`) });
}

/** A phone booking made by staff (the clock must be before 16:30 of the previous working day). Returns its QR text. */
export async function bookPhone(server: TestServer, staffToken: string, person: number, date: string, slot: string, serviceId = 's-a03') {
  return server.client(staffToken).call('POST /api/bookings', {
    body: { name: '测试人', idNumber: idNumber(person), phone: '13800138000', serviceId, date, slot, channel: 'phone' },
  });
}

/** What a keyboard-wedge scanner does: the text as a fast burst of keys, then Enter. */
export async function wedgeScan(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text, { delay: 5 });
  await page.keyboard.press('Enter');
}

/** Every button's accessible name equals its visible label (issue 5). */
export async function buttonNamesMatchLabels(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('button')]
      .filter((b) => b.offsetParent !== null)
      .filter((b) => {
        const label = b.getAttribute('aria-label') ?? b.getAttribute('aria-labelledby');
        return label !== null || (b.innerText ?? '').trim() === '';
      })
      .map((b) => b.outerHTML.slice(0, 120)),
  );
}
