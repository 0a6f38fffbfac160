/**
 * The duty roster in the browser (issue 19): an admin assigns Saturday's duty lead and window staff in
 * the admin app's 上岗表 page (a workday is refused in place), and on Saturday the console's forms view
 * shows today's roster with the phones. Screenshots: admin at 1440×900, console at 1440×900 and 1280×800.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { artifact, launchBrowser } from '../../helpers/browser.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { goTo, openAdmin, signIn as adminSignIn } from '../admin/admin-page.js';
import { openConsole, signIn } from '../console/console-page.js';

const SAT = '2026-11-28';
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  await server.api('PUT', '/api/users/u-lead1', { token: server.adminToken, body: { phone: '13900009999' } });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the duty roster', () => {
  it('an admin gives a work phone on the people page and assigns Saturday\'s lead and window staff', async () => {
    const page = await openAdmin(browser, server);
    await adminSignIn(page, 'admin', 'admin-test-pw');
    await goTo(page, '人员');
    const row = page.getByTestId('user-staff1');
    await row.getByRole('button', { name: '编辑' }).click();
    await page.getByRole('dialog').getByLabel('工作电话').fill('12');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await page.getByRole('dialog').locator('[data-field="phone"] .field-error').waitFor();
    await page.getByRole('dialog').getByLabel('工作电话').fill('13800001111');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await expect.poll(() => row.locator('td.phone').textContent()).toBe('13800001111');

    await goTo(page, '上岗表');
    await page.getByLabel('服务日期').fill('2026-11-23');
    await page.getByText('该日不是延时服务日，不排上岗表').waitFor();
    await page.getByLabel('服务日期').fill(SAT);
    await page.getByText('服务时段：09:00-12:00，13:00-17:00').waitFor();
    const form = page.locator('form.roster-add');
    await form.locator('select[name=role]').selectOption('lead');
    await form.locator('select[name=userId]').selectOption('u-lead1');
    await form.getByRole('button', { name: '安排' }).click();
    await page.getByRole('cell', { name: '13900009999' }).waitFor();
    // a second lead is refused with the server's reason
    await form.locator('select[name=userId]').selectOption('u-staff4');
    await form.getByRole('button', { name: '安排' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('已安排带班人员');
    await form.locator('select[name=role]').selectOption('window');
    await form.locator('select[name=userId]').selectOption('u-staff1');
    await form.locator('select[name=session]').selectOption('09:00-12:00');
    await form.getByRole('button', { name: '安排' }).click();
    await page.getByRole('cell', { name: '13800001111' }).waitFor();
    await page.screenshot({ path: artifact('forms/admin-roster'), fullPage: true });
    await page.context().close();
  });

  it('on Saturday the console shows today\'s roster: the duty lead and who is on duty, with phones', async () => {
    await server.setClock(`${SAT}T09:05:00+08:00`);
    const page = await openConsole(browser, server);
    await page.setViewportSize({ width: 1440, height: 900 });
    await signIn(page, 'staff4');
    await page.getByRole('button', { name: '交办单' }).click();
    await expect.poll(() => page.getByTestId('roster-lead').textContent()).toBe('带班人员：带班组长 13900009999');
    expect(await page.locator('.roster-table tbody tr').first().locator('td').allTextContents())
      .toEqual(['窗口人员', '王丽', '13800001111', '09:00-12:00', '', '']);
    await page.screenshot({ path: artifact('forms/console-roster-1440'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: artifact('forms/console-roster-1280'), fullPage: true });
    await page.context().close();
  });

  it('a duty lead edits the roster in the console: back-office staff for the afternoon, a refusal shown in place, and removal', async () => {
    const page = await openConsole(browser, server);
    await page.setViewportSize({ width: 1440, height: 900 });
    await signIn(page, 'lead1');
    await page.getByRole('button', { name: '交办单' }).click();
    const form = page.locator('section.roster-panel form.roster-add');
    await form.locator('select[name=role]').selectOption('back-office');
    await form.locator('select[name=userId]').selectOption('u-staff4');
    await form.locator('select[name=session]').selectOption('13:00-17:00');
    await form.getByRole('button', { name: '安排' }).click();
    await page.locator('.roster-table tbody tr').nth(1).getByRole('cell', { name: '刘洋' }).waitFor();
    await form.getByRole('button', { name: '安排' }).click(); // the same again
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('已按相同岗位和时段安排');
    await page.screenshot({ path: artifact('forms/console-roster-lead'), fullPage: true });
    await page.locator('.roster-table tbody tr').nth(1).getByRole('button', { name: '移除' }).click();
    await expect.poll(() => page.locator('.roster-table tbody tr').count()).toBe(1);
    await page.context().close();
  });
});
