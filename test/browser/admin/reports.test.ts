/**
 * The reports page (/reports/, linked from the admin app and, for leads, the console): a lead signs
 * in, changes the period and the grouping, sees the charts drawn (a screenshot at 1440×900 under
 * test-artifacts/admin/), and downloads the XLSX and the CSV.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { artifact, launchBrowser } from '../../helpers/browser.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { openConsole, signIn as consoleSignIn } from '../console/console-page.js';
import { shot, SIZES } from './admin-page.js';

let server: TestServer;
let browser: Browser;
let page: Page;

/** Three days of a small hall: tickets issued through the morning, called and served at windows 1–3. */
async function history() {
  const kiosk = await server.deviceToken('kiosk', 'kiosk-reports');
  let staff: string[] = [];
  const cmd = (i: number, action: string) => server.api('POST', `/api/windows/w${i + 1}/${action}`, { token: staff[i] });
  for (const [d, day] of ['2026-11-23', '2026-11-24', '2026-11-25'].entries()) {
    for (let n = 0; n < 8 + 3 * d; n++) {
      await server.setClock(`${day}T${String(9 + (n % 5)).padStart(2, '0')}:${String(5 * n % 60).padStart(2, '0')}:00+08:00`);
      await server.api('POST', '/api/tickets', { token: kiosk, body: { serviceId: n % 2 ? 's-a01' : 's-a02' } });
    }
    await server.setClock(`${day}T14:00:00+08:00`);
    staff = await Promise.all(['staff1', 'staff2', 'staff3'].map((u) => server.login(u))); // the day end signed them out
    for (let i = 0; i < 3; i++) await cmd(i, 'open');
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 3; i++) {
        await server.setClock(`${day}T${14 + round}:${String(10 * i + 3).padStart(2, '0')}:00+08:00`);
        await cmd(i, 'call-next');
        await cmd(i, 'start');
        await server.setClock(`${day}T${14 + round}:${String(10 * i + 9 + round).padStart(2, '0')}:00+08:00`);
        await cmd(i, 'finish');
      }
    }
  }
  await server.setClock('2026-11-26T10:00:00+08:00');
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  await history();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('reports page', () => {
  it('a lead finds the link at the console, and today\'s running figures in the lead view', async () => {
    const c = await openConsole(browser, server);
    await consoleSignIn(c, 'lead1');
    await c.getByRole('link', { name: '统计报表' }).waitFor();
    expect(await c.getByRole('link', { name: '统计报表' }).getAttribute('href')).toBe('/reports/');
    // the lead's view: today's running figures, following the hall's events
    await c.getByRole('button', { name: '全厅窗口' }).click();
    const live = (label: string) => c.getByTestId('live-kpis').locator('.card', { hasText: label }).locator('b');
    await expect.poll(() => live('今日已办结').textContent()).toBe('0');
    await expect.poll(() => live('当前等候').textContent()).toBe('0');
    const kiosk = await server.deviceToken('kiosk', 'kiosk-reports');
    await server.api('POST', '/api/tickets', { token: kiosk, body: { serviceId: 's-a01' } });
    await expect.poll(() => live('当前等候').textContent()).toBe('1');
    const staff1 = await server.login('staff1');
    for (const action of ['open', 'call-next', 'start', 'finish']) await server.api('POST', `/api/windows/w1/${action}`, { token: staff1 });
    await expect.poll(() => live('今日已办结').textContent()).toBe('1');
    await expect.poll(() => live('当前等候').textContent()).toBe('0');
    await c.screenshot({ path: artifact('admin/console-live-kpis') });
    // the link opens the reports page in the same tab, already signed in (the console's session)
    await c.getByRole('link', { name: '统计报表' }).click();
    await c.getByTestId('kpis').waitFor();
    expect(await c.getByLabel('用户名').count()).toBe(0);
    await c.context().close();
  });

  it('a lead signs in, changes period and grouping, sees the charts, and downloads both files', async () => {
    const context = await browser.newContext({ viewport: SIZES.wide, locale: 'zh-CN', acceptDownloads: true });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(server.url + '/reports/');
    await page.getByLabel('用户名').fill('lead1');
    await page.getByLabel('密码').fill('demo1234');
    await page.getByRole('button', { name: '登录', exact: true }).click();

    const kpi = (label: string) => page.getByTestId('kpis').locator('.card', { hasText: label }).locator('.value');
    await expect.poll(() => kpi('到达人数').textContent()).toBe('34'); // 8 + 11 + 14 this month, and today's one (the console test)
    await page.getByRole('button', { name: '最近7天' }).click();
    await expect.poll(() => page.locator('input[name=from]').inputValue()).toBe('2026-11-20');
    await page.locator('select[name=by]').selectOption('window');
    await page.getByTestId('grouping').getByText('1号窗口 综合受理').waitFor();
    expect(await page.getByTestId('staff').locator('tbody tr').count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId('staff').locator('svg.spark').count()).toBeGreaterThanOrEqual(3); // each row's daily trend
    const served = Number(await kpi('办结').textContent());
    expect(served).toBeGreaterThan(0);

    // every chart drew on its canvas (something other than the background)
    expect(await page.getByTestId('chart').count()).toBe(3);
    await expect.poll(() => page.locator('[data-testid=chart] canvas').count()).toBeGreaterThanOrEqual(3);
    const painted = await page.$$eval('[data-testid=chart]', (plots) => plots.map((p) => Math.max(...[...p.querySelectorAll('canvas')].map((c) => {
      const x = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < x.length; i += 4) if (x[i]! > 0) n++;
      return n;
    }))));
    for (const n of painted) expect(n).toBeGreaterThan(1000);
    await shot(page, 'reports-1440x900');

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    expect(xlsx.suggestedFilename()).toBe('hallq-report-2026-11-20_2026-11-26.xlsx');
    expect(readFileSync((await xlsx.path())!).subarray(0, 2).toString()).toBe('PK'); // a zip: the workbook
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()]);
    expect(csv.suggestedFilename()).toBe('hallq-report-2026-11-20_2026-11-26.csv');
    const bytes = readFileSync((await csv.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain(`合计,2026-11-20 至 2026-11-26,34,${served},`);
    expect(errors).toEqual([]);
  }, 60_000);

  it('prints the month on A4: the hall, the period, the KPIs, the charts and the tables, without the controls', async () => {
    await page.getByRole('button', { name: '本月' }).click();
    await expect.poll(() => page.locator('input[name=from]').inputValue()).toBe('2026-11-01');
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi: the charts follow the width
    expect(await page.locator('.controls').isVisible()).toBe(false);
    await page.getByText('2026-11-01 至 2026-11-26').waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: artifact('admin/reports-print-a4'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    writeFileSync('test-artifacts/admin/reports-a4.pdf', pdf);
  }, 30_000);
});
