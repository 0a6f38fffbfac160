/**
 * Issue 12 leftovers in the admin app: a service's materials and daily ticket cap in its form; the
 * session times edited on 日历与时间 with the server's refusal shown in Chinese at its field; the
 * own password changed on 修改密码 (admin) and from the console's header (staff).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../helpers/browser.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { openConsole, signIn as consoleSignIn } from '../console/console-page.js';
import { button, dialog, fieldError, goTo, openAdmin, shot, signIn } from './admin-page.js';

let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  page = await openAdmin(browser, server);
  await signIn(page, 'admin', 'admin-test-pw');
  await page.getByTestId('checklist-summary').waitFor();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('admin: services, session times, own password', () => {
  it('a service with materials (one a line) and a daily cap; a cap of 0 is refused at its field', async () => {
    await goTo(page, '事项与队列');
    await button(page, '新建事项').click();
    await dialog(page).locator('[name=code]').fill('CL-001');
    await dialog(page).locator('[name=name]').fill('材料与限号事项');
    await dialog(page).locator('[name=materials]').fill('身份证原件\n\n 户口簿 \n');
    await dialog(page).locator('[name=dailyCap]').fill('0');
    await button(page, '保存').click();
    await expect.poll(() => fieldError(page, 'dailyCap').textContent()).toMatch(/[\u4e00-\u9fa5]/);
    await shot(page, 'service-cap-refused-wide');
    await dialog(page).locator('[name=dailyCap]').fill('30');
    await button(page, '保存').click();
    await page.getByText('每日限30号').waitFor();
    const svc = (await server.admin.call('GET /api/services')).find((s) => s.code === 'CL-001');
    expect(svc).toMatchObject({ materials: ['身份证原件', '户口簿'], dailyCap: 30 });
  });

  it('session times: an afternoon that ends before it starts is refused in Chinese at its field; a good change is saved', async () => {
    await goTo(page, '日历与时间');
    const form = page.getByTestId('hours-form');
    await form.locator('[name="winter.pm.1"]').fill('12:30');
    await button(page, '保存办公时段').click();
    const err = form.locator('[data-field="winter.pm"] .field-error');
    await expect.poll(() => err.textContent()).toContain('结束时间须晚于开始时间');
    await shot(page, 'hours-refused-wide');
    await form.locator('[name="winter.pm.1"]').fill('17:00');
    await form.locator('[name=eveningMinutes]').fill('30');
    await button(page, '保存办公时段').click();
    await expect.poll(async () => ((await server.admin.call('GET /api/config')).hours as { winter: { pm: string[] } }).winter.pm).toEqual(['13:30', '17:00']);
    expect(((await server.admin.call('GET /api/config')).hours as { eveningMinutes: number }).eveningMinutes).toBe(30);
    await expect.poll(() => err.count()).toBe(0);
  });

  it('修改密码: a wrong old password and a mistyped new one are said at their fields; a change signs out, and the new password signs in', async () => {
    await goTo(page, '修改密码');
    await page.locator('[name=oldPassword]').fill('not-the-password');
    await page.locator('[name=newPassword]').fill('new-admin-pw-1');
    await page.locator('[name=newPassword2]').fill('new-admin-pw-1');
    await button(page, '修改密码').click();
    await expect.poll(() => page.locator('[data-field="oldPassword"] .field-error').textContent()).toBe('原密码不正确');
    await page.locator('[name=oldPassword]').fill('admin-test-pw');
    await page.locator('[name=newPassword2]').fill('new-admin-pw-2');
    await button(page, '修改密码').click();
    await expect.poll(() => page.locator('[data-field="newPassword2"] .field-error').textContent()).toBe('两次输入的新密码不一致');
    await shot(page, 'own-password-wide');
    await page.locator('[name=newPassword2]').fill('new-admin-pw-1');
    await button(page, '修改密码').click();
    await page.getByText('密码已修改，请用新密码重新登录。').waitFor();
    await shot(page, 'own-password-done-wide');
    await signIn(page, 'admin', 'new-admin-pw-1');
    await page.getByRole('heading', { level: 2, name: '修改密码' }).waitFor(); // back on the page it was on
  });

  it('the console: staff change their own password from the header', async () => {
    const c = await openConsole(browser, server);
    await consoleSignIn(c, 'staff1');
    await c.getByRole('button', { name: '修改密码', exact: true }).click();
    await c.getByRole('dialog').locator('[name=oldPassword]').fill('demo1234');
    await c.getByRole('dialog').locator('[name=newPassword]').fill('short');
    await c.getByRole('dialog').locator('[name=newPassword2]').fill('short');
    await c.getByRole('dialog').getByRole('button', { name: '修改密码' }).click();
    await expect.poll(() => c.locator('[data-field="newPassword"] .field-error').textContent()).toContain('8');
    await c.getByRole('dialog').locator('[name=newPassword]').fill('staff1-new-pw');
    await c.getByRole('dialog').locator('[name=newPassword2]').fill('staff1-new-pw');
    await c.getByRole('dialog').getByRole('button', { name: '修改密码' }).click();
    await c.getByText('密码已修改，请用新密码重新登录。').waitFor();
    await consoleSignIn(c, 'staff1', 'staff1-new-pw');
    await c.getByRole('button', { name: '修改密码', exact: true }).waitFor();
    await c.context().close();
  });
});
