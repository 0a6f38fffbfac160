/** Kiosk walk-in tickets, the home screen in both orientations, language and 长辈模式, keyboard use, idle return, the status page. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../helpers/browser.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { buttonNamesMatchLabels, LANDSCAPE, openKiosk, PORTRAIT, shot } from './kiosk-page.js';

let server: TestServer;
let browser: Browser;
let token: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ devices: true }), launchBrowser()]);
  token = await server.deviceToken('kiosk', 'kiosk-1');
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('kiosk walk-in', () => {
  it('home shows the hall name, the time, that the hall is open and both large actions, in portrait and landscape', async () => {
    for (const [viewport, name] of [[PORTRAIT, 'home-portrait'], [LANDSCAPE, 'home-landscape']] as const) {
      const page = await openKiosk(browser, server, token, { viewport });
      await expect.poll(() => page.locator('h1').textContent(), { timeout: 10_000 }).toBe('商洛市政务服务中心');
      expect(await page.locator('[data-testid=clock]').textContent()).toBe('11月23日 星期一 09:00');
      await expect.poll(() => page.locator('[data-testid=hall-status]').textContent(), { timeout: 10_000 }).toBe('正在办公');
      for (const label of ['预约取号', '现场取号']) {
        const box = await page.getByRole('button', { name: new RegExp(`^${label}`) }).boundingBox();
        expect(box!.height).toBeGreaterThanOrEqual(64);
      }
      expect(page.url()).not.toContain('token='); // the token leaves the address bar once stored
      expect(await buttonNamesMatchLabels(page)).toEqual([]);
      await shot(page, name);
      await page.context().close();
    }
  });

  it('a walk-in ticket: queue tab, service, then the number, windows, people ahead and a printed notice from kiosk-1\'s printer', async () => {
    const page = await openKiosk(browser, server, token, { viewport: PORTRAIT });
    await page.getByRole('button', { name: /^现场取号/ }).click();
    await page.getByRole('button', { name: /^B 不动产登记/ }).click();
    await shot(page, 'services-portrait');
    expect(await buttonNamesMatchLabels(page)).toEqual([]);
    await page.getByRole('button', { name: /^不动产转移登记/ }).click();
    const number = page.locator('[data-testid=ticket-number]');
    await expect.poll(() => number.textContent(), { timeout: 10_000 }).toBe('B001');
    await expect.poll(() => page.locator('[data-testid=ticket-windows]').textContent(), { timeout: 10_000 }).toBe('办理窗口：4号、5号');
    await expect.poll(() => page.locator('[data-testid=ticket-ahead]').textContent(), { timeout: 10_000 }).toBe('前面还有 0 人等候');
    await expect.poll(() => page.locator('[data-testid=print-notice]').textContent(), { timeout: 10_000 }).toBe('请取走号票，留意叫号');
    await shot(page, 'ticket-portrait');
    const st = await server.api('GET', '/api/state', { token });
    expect(st.body.queues.find((q: { id: string }) => q.id === 'qB').waiting).toBe(1);
    await page.getByRole('button', { name: '完成' }).click();
    await page.getByRole('button', { name: /^预约取号/ }).waitFor();
    await page.context().close();
  });

  it('a second walk-in in landscape counts the first ticket ahead of it; the QR opens the status page', async () => {
    const page = await openKiosk(browser, server, token, { viewport: LANDSCAPE });
    await page.getByRole('button', { name: /^现场取号/ }).click();
    await page.getByRole('button', { name: /^B 不动产登记/ }).click();
    await page.getByRole('button', { name: /^不动产抵押登记/ }).click();
    await expect.poll(() => page.locator('[data-testid=ticket-number]').textContent(), { timeout: 10_000 }).toBe('B002');
    await expect.poll(() => page.locator('[data-testid=ticket-ahead]').textContent(), { timeout: 10_000 }).toBe('前面还有 1 人等候');
    await expect.poll(() => page.locator('[data-testid=print-notice]').textContent(), { timeout: 10_000 }).toBe('请取走号票，留意叫号');
    await shot(page, 'ticket-landscape');
    const statusUrl = await page.locator('.qr').getAttribute('data-url');
    expect(statusUrl).toMatch(new RegExp(`^${server.url}/t/`));
    await page.context().close();

    // the citizen's phone: position now, then "called" after the 10 s refresh
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true });
    const p = await phone.newPage();
    await p.clock.install();
    await p.goto(statusUrl!);
    await expect.poll(() => p.locator('[data-testid=status-number]').textContent(), { timeout: 10_000 }).toBe('B002');
    await expect.poll(() => p.locator('[data-testid=status-headline]').textContent(), { timeout: 10_000 }).toBe('前面还有 1 人');
    await shot(p, 'status-waiting');
    const staff4 = await server.login('staff4');
    const staff5 = await server.login('staff5');
    expect((await server.api('POST', '/api/windows/w4/call-next', { token: staff4 })).body.ticket.number).toBe('B001');
    expect((await server.api('POST', '/api/windows/w5/call-next', { token: staff5 })).body.ticket.number).toBe('B002');
    await p.clock.fastForward(10_000);
    await expect.poll(() => p.locator('[data-testid=status-headline]').textContent(), { timeout: 10_000 }).toBe('请到 5号窗口（不动产登记） 办理');
    await shot(p, 'status-called');
    await phone.close();
  });

  it('English and 长辈模式 switch every label, and the kiosk works with the keyboard alone', async () => {
    const page = await openKiosk(browser, server, token, { viewport: PORTRAIT });
    await page.getByRole('button', { name: '长辈模式' }).click();
    await expect.poll(() => page.locator('html').getAttribute('class')).toBe('elder');
    await shot(page, 'home-elder-portrait');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: /^Walk-in ticket/ }).waitFor();
    await shot(page, 'home-elder-english-portrait');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('button', { name: '标准模式' }).click();
    // keyboard only: Tab to 现场取号, Enter, Tab to a service, Enter
    await page.locator('body').click({ position: { x: 5, y: 400 } });
    let guard = 0;
    while (!(await page.evaluate(() => document.activeElement?.textContent?.startsWith('现场取号'))) && guard++ < 10) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /^全部/ }).waitFor();
    await page.getByRole('button', { name: /^综合咨询/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-testid=ticket-number]').textContent(), { timeout: 10_000 }).toBe('A001');
    await page.context().close();
  });

  it('returns home after the idle time without input', async () => {
    const page = await openKiosk(browser, server, token, { viewport: LANDSCAPE, idle: 2 });
    await page.getByRole('button', { name: /^现场取号/ }).click();
    await page.getByRole('button', { name: /^全部/ }).waitFor();
    const left = Date.now();
    await page.getByRole('button', { name: /^预约取号/ }).waitFor({ timeout: 6_000 });
    expect(Date.now() - left).toBeGreaterThanOrEqual(1_000);
    await page.context().close();
  });
});
