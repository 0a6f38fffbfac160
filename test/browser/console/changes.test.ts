/**
 * Issue 19 in the console (Monday 2026-11-23 09:00): a visit registered with the 办理方式 switch, a
 * reschedule request from the bookings list, the lead's approval (the staff member's list follows the
 * `booking:updated` event, no reload), the 上门办 list with its 办理情况 dialog. Screenshots at
 * 1440×900 and 1280×800 under test-artifacts/console/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { artifact, launchBrowser } from '../../helpers/browser.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { citizen } from '../../server/support.js';
import { chooseWindow, openConsole, signIn } from './console-page.js';

const WED = '2026-11-25';
let server: TestServer;
let browser: Browser;
let staff: Page;
let lead: Page;
let windowBooking = '';

const shotAt = async (page: Page, name: string, width: number, height: number) => {
  await page.setViewportSize({ width, height });
  await page.screenshot({ path: artifact(`console/${name}-${width}x${height}`) });
};

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const token = await server.login('staff1');
  const r = await server.api('POST', '/api/bookings', { token, body: citizen(301, { channel: 'phone', date: WED, slot: '09:30' }) });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  windowBooking = r.body.booking.id;
  staff = await openConsole(browser, server);
  staff.setDefaultTimeout(30_000);
  await signIn(staff, 'staff1');
  await chooseWindow(staff, 1);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('booking changes, 办理情况 and 上门办 in the console', { timeout: 180_000 }, () => {
  it('registers a 上门办理 booking: address and visiting staff; no window place is needed', async () => {
    await staff.getByRole('button', { name: '预约登记' }).click();
    const form = staff.locator('form.booking');
    await form.getByLabel('上门办理').check();
    await form.getByLabel('预约人姓名').fill('李大爷');
    await form.getByLabel('身份证号码').fill(citizen(302).idNumber);
    await form.getByLabel('联系电话').fill(citizen(302).phone);
    await form.getByLabel('预约事项').selectOption('s-a02');
    await form.getByLabel('预约日期').fill(WED);
    await form.locator('input[name=address]').fill('西安市碑林区南大街100号3单元501室');
    await form.locator('select[name=assigneeId]').selectOption('u-staff1');
    await form.locator('input[name=slot][value="10:30"]').check();
    await shotAt(staff, 'visit-form', 1440, 900);
    await form.getByRole('button', { name: '登记预约' }).click();
    await staff.locator('#confirm-title').waitFor();
    const visits = (await server.api('GET', `/api/visits?from=${WED}`, { token: await server.login('staff1') })).body;
    expect(visits).toHaveLength(1);
    expect(visits[0]).toMatchObject({ kind: 'visit', assigneeId: 'u-staff1', slot: '10:30' });
  });

  it('a reschedule request from the bookings list; the lead approves; the staff list follows the event', async () => {
    await staff.getByRole('button', { name: '预约名单' }).click();
    await staff.locator('input[name=date]').fill(WED);
    const row = staff.locator(`tr[data-booking="${windowBooking}"]`);
    await row.getByRole('button', { name: '改期' }).click();
    const dialog = staff.getByTestId('reschedule-dialog');
    await dialog.locator('input[name=newSlot][value="14:30"]').check();
    await dialog.locator('input[name=reason]').fill('窗口系统升级');
    await shotAt(staff, 'reschedule-dialog', 1280, 800);
    await dialog.getByRole('button', { name: '提交申请' }).click();
    await staff.getByText('改期申请已提交').waitFor();

    lead = await openConsole(browser, server);
    lead.setDefaultTimeout(30_000);
    await signIn(lead, 'lead1');
    await lead.getByRole('button', { name: '改期审批' }).click();
    const req = lead.getByTestId('approvals').locator('tr[data-change]');
    await req.first().waitFor();
    await expect.poll(() => req.first().textContent()).toContain('14:30');
    await shotAt(lead, 'approvals', 1440, 900);
    await req.first().locator('input[name=note]').fill('已电话告知');
    await req.first().getByRole('button', { name: '同意', exact: true }).click();
    await lead.getByText('已同意改期').waitFor();
    // the staff member's list shows the new slot from `booking:updated` (the list was not reloaded)
    await expect.poll(() => row.locator('td').first().textContent(), { timeout: 30_000 }).toBe('14:30');
  });

  it('the 上门办 list (masked) and its 办理情况 dialog: done, from–to, handlers, notes', async () => {
    await staff.getByRole('button', { name: '上门办' }).click();
    const row = staff.getByTestId('visits').locator('tr[data-booking]').first();
    await row.waitFor();
    expect(await row.locator('td.address').textContent()).not.toContain('3单元501室');
    await row.getByRole('button', { name: '办理情况' }).click();
    const dialog = staff.getByTestId('service-dialog');
    await dialog.locator('input[name=from]').fill('10:30');
    await dialog.locator('input[name=to]').fill('11:40');
    await dialog.locator('input[name=handler1]').fill('王伟');
    await dialog.locator('textarea[name=notes]').fill('已上门核验材料并受理');
    await shotAt(staff, 'service-dialog', 1440, 900);
    await dialog.getByRole('button', { name: '保存' }).click();
    await staff.getByText('已记录办理情况').waitFor();
    await expect.poll(() => row.locator('td.bst').textContent()).toContain('已办结');
    await expect.poll(() => row.getByRole('button', { name: /办理情况/ }).textContent()).toContain('70分钟');
    await shotAt(staff, 'visits', 1280, 800);
    await shotAt(staff, 'visits', 1440, 900);
  });
});
