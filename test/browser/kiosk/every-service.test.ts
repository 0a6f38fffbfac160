/**
 * Issue 14: every open service is reachable and gives its ticket, at the kiosk's three screen sizes
 * and in both modes, by paging with large targets; queue tabs kept; nothing of the page outside the
 * screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../helpers/browser.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { openKiosk, shot } from './kiosk-page.js';

let server: TestServer;
let browser: Browser;
let token: string;
let serviceIds: string[];

beforeAll(async () => {
  // no printer: the tickets are the subject here (printing: printer.test.ts); a virtual printer would
  // render every one of these tickets to PNG and slow the run for nothing
  [server, browser] = await Promise.all([startTestServer({ devices: false }), launchBrowser()]);
  token = await server.deviceToken('kiosk', 'kiosk-1');
  serviceIds = (await server.api('GET', '/api/services', { token })).body.map((s: { id: string }) => s.id);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const SIZES = [
  { width: 1080, height: 1920 },
  { width: 1920, height: 1080 },
  { width: 1280, height: 1024 },
];

/** Everything the services screen shows lies inside the viewport, and each target is at least `min` px high. */
async function checkLayout(page: Page, min: number) {
  const vp = page.viewportSize()!;
  const boxes = await page.locator('.service, .tab, .pager .nav').evaluateAll((els) =>
    els.map((e) => { const r = e.getBoundingClientRect(); return { t: (e as HTMLElement).innerText, top: r.top, bottom: r.bottom, left: r.left, right: r.right, h: r.height }; }));
  const pagerTop = await page.locator('.pager').evaluate((e) => e.getBoundingClientRect().top);
  for (const b of boxes) {
    expect(b.bottom, b.t).toBeLessThanOrEqual(vp.height + 0.5);
    if (!b.t.startsWith('返回首页') && !b.t.startsWith('上一页') && !b.t.startsWith('下一页')) expect(b.bottom, b.t).toBeLessThanOrEqual(pagerTop); // not hidden behind the pager
    expect(b.right, b.t).toBeLessThanOrEqual(vp.width + 0.5);
    expect(b.h, b.t).toBeGreaterThanOrEqual(min);
  }
  // a service name is never cut off sideways
  const clipped = await page.locator('.service-name, .tab').evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => (e as HTMLElement).innerText));
  expect(clipped).toEqual([]);
}

async function toPage(page: Page, n: number) {
  await page.getByRole('button', { name: /^现场取号/ }).click();
  await page.locator('.service').first().waitFor();
  for (let i = 0; i < n; i++) await page.getByRole('button', { name: '下一页' }).click();
}

describe('kiosk: every open service at every size and in both modes', () => {
  for (const size of SIZES) {
    for (const elder of [false, true]) {
      const label = `${size.width}x${size.height}${elder ? '-elder' : ''}`;
      it(`${label}: pages through all services, every open one on screen and large enough, and takes a ticket for each`, async () => {
        const page = await openKiosk(browser, server, token, { viewport: size, idle: 600 });
        if (elder) await page.getByRole('button', { name: '长辈模式' }).click();
        await page.getByRole('button', { name: /^现场取号/ }).waitFor();
        await shot(page, `home-${label}`);
        await toPage(page, 0);
        // the queue tabs are kept
        expect(await page.locator('.queue-tabs .tab').count()).toBe(7);
        // landscape: services two abreast where they fit, so 长辈模式 shows at least 3 a page (it showed 2, a third of the screen empty)
        if (elder && size.width > size.height) expect(Number(await page.locator('.service-grid').getAttribute('data-per-page'))).toBeGreaterThanOrEqual(3);
        // portrait: two abreast as well, so 长辈模式 pages through the demo's services in a few pages, not 11 of 2
        if (elder && size.width < size.height) expect(Number(await page.locator('.service-grid').getAttribute('data-per-page'))).toBeGreaterThanOrEqual(6);
        const pages = Number(((await page.locator('[data-testid=page-no]').textContent().catch(() => '第1/1页')) ?? '').match(/\/(\d+)/)?.[1] ?? 1);
        const seen: string[] = [];
        const reachable: string[] = [];
        // every open service of every page is on screen and large enough (checkLayout), and a tap on
        // each gives its ticket
        for (let p = 0; p < pages; p++) {
          if (p > 0) { await page.getByRole('button', { name: '返回首页' }).click(); await toPage(page, p); }
          await checkLayout(page, elder ? 64 : 48);
          if (p === 0) await shot(page, `services-${label}`);
          const ids = await page.locator('.service[data-open=true]').evaluateAll((els) => els.map((e) => e.getAttribute('data-service')!));
          reachable.push(...ids);
          for (const id of ids) {
            await page.locator(`[data-service="${id}"]`).click();
            await expect.poll(() => page.locator('[data-testid=ticket-number]').textContent(), { timeout: 10_000 }).toMatch(/^[A-F]\d{3}$/);
            if (seen.length === 0 && p === 0) await shot(page, `ticket-${label}`);
            seen.push(id);
            // the ticket screen returns home by itself after a while; on a loaded machine it may already have
            await page.getByRole('button', { name: '完成' }).click({ timeout: 5_000 }).catch(() => undefined);
            await toPage(page, p);
          }
        }
        expect([...reachable].sort()).toEqual([...serviceIds].sort());
        expect([...seen].sort()).toEqual([...serviceIds].sort());
        await page.context().close();
      }, 300_000);
    }
  }
});
