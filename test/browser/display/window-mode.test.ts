/**
 * Window mode (`#window=5`): the monitor above one window follows that window only — its number,
 * name, current ticket, staff name, 暂停服务 — and speaks only its own calls, `repeat` times.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { artifact, launchBrowser } from '../../helpers/browser.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { act, audioLog, issue, openDisplay, waitForClips } from './display-helpers.js';

let srv: TestServer;
let browser: Browser;
let page: Page;
let kiosk: string;
let staff1: string;
let staff5: string;

beforeAll(async () => {
  srv = await startTestServer();
  browser = await launchBrowser();
  kiosk = await srv.deviceToken('kiosk', 'kiosk-t');
  const display = await srv.deviceToken('display', 'window-5');
  staff1 = await srv.login('staff1');
  staff5 = await srv.login('staff5');
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  page.on('pageerror', (e) => console.error('page error', e));
  await openDisplay(page, srv.url, `token=${display}&window=5&repeat=2`);
});

afterAll(async () => {
  await browser?.close();
  await srv?.close();
});

describe('window screen', () => {
  it('shows its window number and name, and no ticket before a call', async () => {
    expect(await page.locator('[data-testid="ws-number"]').textContent()).toBe('5号窗口');
    expect(await page.locator('.ws-name').textContent()).toBe('不动产登记');
    expect(await page.locator('[data-testid="ws-ticket"]').textContent()).toBe('—');
  });

  it('shows the staff member who signs in at the window', async () => {
    await act(srv, staff5, 'w5', 'open');
    await page.waitForSelector('[data-testid="ws-staff"]:has-text("陈静")', { timeout: 2_000 });
  });

  it('follows its own window only: another window’s call changes nothing here and is not spoken', async () => {
    const a1 = await issue(srv, kiosk, 's-a01');
    const b1 = await issue(srv, kiosk, 's-b01');
    expect((await act(srv, staff1, 'w1', 'call-next'))!.number).toBe(a1);
    expect((await act(srv, staff5, 'w5', 'call-next'))!.number).toBe(b1);
    await page.waitForSelector(`[data-testid="ws-ticket"]:text-is("${b1}")`, { timeout: 1_000 });
    await page.screenshot({ path: artifact('display/window-called'), animations: 'disabled' });
    // repeat=2: B001 at window 5 twice, window 1's call never
    const one = ['chime', 'qing', 'B', 'd0', 'd0', 'd1', 'hao', 'dao', 'd5', 'hao', 'chuangkou', 'banli'];
    const log = await waitForClips(page, [...one, ...one]);
    expect(log.map((e) => e.clip)).toEqual([...one, ...one]);
    expect([...new Set(log.map((e) => e.call))]).toEqual([`${b1}→5`, `${b1}→5#2`]);
    expect(await page.locator('body').innerText()).not.toContain(a1);
  }, 40_000);

  it('shows 办理中 after start and a dash once the ticket is finished', async () => {
    await act(srv, staff5, 'w5', 'start');
    await page.waitForSelector('.ws-label:text-is("办理中")', { timeout: 2_000 });
    await act(srv, staff5, 'w5', 'finish');
    await page.waitForSelector('[data-testid="ws-ticket"]:text-is("—")', { timeout: 2_000 });
  });

  it('shows 暂停服务 with the reason while paused, and the ticket view again on resume', async () => {
    await act(srv, staff5, 'w5', 'pause', { reason: '午间休息' });
    await page.waitForSelector('[data-testid="ws-paused"]', { timeout: 2_000 });
    expect(await page.locator('[data-testid="ws-paused"]').textContent()).toContain('暂停服务');
    await page.screenshot({ path: artifact('display/window-paused'), animations: 'disabled' });
    await act(srv, staff5, 'w5', 'resume');
    await page.waitForSelector('[data-testid="ws-ticket"]', { timeout: 2_000 });
    expect(await audioLog(page)).toHaveLength(24);
  });
});
