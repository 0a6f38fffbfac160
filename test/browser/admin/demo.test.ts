/**
 * The admin app on the demo hall: a lead is refused at /admin/ with the reason but sees the link
 * from the console; the devices page shows the attached devices' health and follows a fault live
 * (`device:health`), with its reason; a policy value the server refuses is shown at its field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../helpers/browser.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { openConsole, signIn as consoleSignIn } from '../console/console-page.js';
import { button, dialog, goTo, openAdmin, shot, signIn, SIZES } from './admin-page.js';
import { citizen, idNumberOf } from '../../server/support.js';

let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ devices: true }), launchBrowser()]);
  // a citizen with three online bookings (Monday afternoon, Tuesday morning) who comes to none: barred this month
  const platform = server.client(await server.deviceToken('platform', 'gov'));
  for (const [date, slot] of [['2026-11-23', '13:30'], ['2026-11-24', '08:30'], ['2026-11-24', '09:30']])
    await platform.call('POST /api/bookings', { body: { ...citizen(5, { date, slot }), channel: 'online' } });
  await server.setClock('2026-11-24T11:45:00+08:00');
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('admin app on the demo hall', () => {
  it('a lead sees the 大厅管理 link at the console, and /admin/ refuses them with the reason', async () => {
    const consolePage = await openConsole(browser, server);
    await consoleSignIn(consolePage, 'lead1');
    await consolePage.getByRole('link', { name: '大厅管理' }).waitFor();
    expect(await consolePage.getByRole('link', { name: '大厅管理' }).getAttribute('href')).toBe('/admin/');
    await consolePage.context().close();

    const other = await openAdmin(browser, server);
    await signIn(other, 'lead1', 'demo1234');
    await expect.poll(() => other.getByRole('alert').textContent()).toContain('此账号不是管理员');
    await other.context().close();
  });

  it('devices: the demo\'s registered devices, and a printer running out of paper shows live with its reason', async () => {
    page = await openAdmin(browser, server);
    await signIn(page, 'admin', 'admin-test-pw');
    await page.getByTestId('checklist-summary').waitFor();
    await goTo(page, '设备');
    await page.getByTestId('device-kiosk-1').waitFor();
    await page.getByTestId('health-printer-kiosk-1').waitFor();
    expect(await page.getByTestId('health-printer-kiosk-1').getByText('正常', { exact: true }).count()).toBe(1);

    server.running.devices!.manager.simulators.printers.get('printer-kiosk-1')!.setMode('paper-out');
    const kiosk = server.client(await server.deviceToken('kiosk', 'kiosk-1'));
    await kiosk.call('POST /api/tickets', { body: { serviceId: 's-a01' } });
    await expect.poll(() => page.getByTestId('health-printer-kiosk-1').getByText('缺纸', { exact: true }).count(), { timeout: 15_000 }).toBe(1);
    for (const [size, viewport] of Object.entries(SIZES)) {
      await page.setViewportSize(viewport);
      await shot(page, `demo-devices-${size}`);
    }
    await page.setViewportSize(SIZES.wide);
  });

  it('booking rules: a value the server refuses is shown at its field; a good one is saved', async () => {
    await goTo(page, '预约规则');
    await page.getByLabel('每人每天最多预约次数').fill('99');
    await button(page, '保存').click();
    await expect.poll(() => page.getByTestId('rule-maxBookingsPerDay').locator('.field-error').count()).toBe(1);
    await shot(page, 'demo-booking-refused-wide');
    await page.getByLabel('每人每天最多预约次数').fill('3');
    await button(page, '保存').click();
    await expect.poll(async () => ((await server.client(await server.login('admin')).call('GET /api/config')).policy as { maxBookingsPerDay?: number }).maxBookingsPerDay).toBe(3);
  });

  it('信用: the barred citizen listed masked, pardoned with a reason', async () => {
    await goTo(page, '信用');
    const row = page.getByTestId('barred').locator('tbody tr');
    await expect.poll(() => row.count()).toBe(1);
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('*');
    expect(text).not.toContain(idNumberOf(5));
    await shot(page, 'demo-credit-wide');
    await row.getByRole('button', { name: '豁免' }).click();
    await dialog(page).getByRole('button', { name: '豁免' }).click(); // no reason: refused at the field
    await expect.poll(() => dialog(page).locator('[data-field="reason"] .field-error').count()).toBe(1);
    await dialog(page).getByLabel('豁免原因').fill('系统故障导致无法签到');
    await dialog(page).getByRole('button', { name: '豁免' }).click();
    await page.getByText('本月没有被暂停预约的群众。').waitFor();
    const credit = await server.client(await server.login('admin')).call('GET /api/citizens/:idNumber/credit', { params: { idNumber: idNumberOf(5) } });
    expect(credit).toEqual({ noShowsThisMonth: 0, barredUntil: null });
  });

  it('every page of the demo hall at both sizes', async () => {
    for (const [size, viewport] of Object.entries(SIZES)) {
      await page.setViewportSize(viewport);
      for (const [nav, slug] of [['开始使用', 'start'], ['人员', 'people'], ['事项与队列', 'catalog'], ['日历与时间', 'calendar'], ['信用', 'credit'], ['日志', 'audit']] as const) {
        await goTo(page, nav);
        await shot(page, `demo-${slug}-${size}`);
      }
    }
  });
});
