/**
 * The printable forms (/forms/, issue 19) in A4 print media: 预约服务登记表 (004 附件2), 电话预约业务交办单
 * (000 附件4; 附件3 the same columns) and “延时服务”工作人员上岗表 (000 附件5), each with the seed's
 * columns in the seed's order and the hall's name in the title; screenshots under test-artifacts/forms/.
 * Staff see their own window's booking in full and another window's masked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { artifact, launchBrowser } from '../../helpers/browser.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { citizen } from '../../server/support.js';

const SAT = '2026-11-28';
/** A4 at 96 dpi */
const A4 = { width: 794, height: 1123 };

let server: TestServer;
let browser: Browser;
let own: string, other: string;

async function signedIn(username: string, path: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: A4, locale: 'zh-CN' });
  const page = await ctx.newPage();
  await page.goto(server.url + path);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('demo1234');
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('.sheet').waitFor({ timeout: 20_000 });
  return page;
}

async function printShot(page: Page, name: string) {
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: artifact(`forms/${name}`), fullPage: true });
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const admin = server.adminToken;
  await server.api('PUT', '/api/users/u-staff1', { token: admin, body: { phone: '13800001111' } });
  await server.api('PUT', '/api/users/u-staff4', { token: admin, body: { phone: '0533-2345678' } });
  await server.api('PUT', '/api/users/u-lead1', { token: admin, body: { phone: '13900009999' } });
  const staff1 = await server.login('staff1');
  const lead = await server.login('lead1');
  const a = await server.api('POST', '/api/bookings', { token: staff1, body: citizen(1, { channel: 'phone', date: SAT, slot: '09:00', unit: undefined }) });
  own = a.body.booking.id;
  const b = await server.api('POST', '/api/bookings', { token: staff1, body: citizen(2, { channel: 'phone', serviceId: 's-b03', date: SAT, slot: '10:00' }) });
  other = b.body.booking.id;
  expect([a.status, b.status]).toEqual([201, 201]);
  for (const body of [
    { date: SAT, role: 'lead', userId: 'u-lead1' },
    { date: SAT, role: 'window', userId: 'u-staff1', session: '09:00-12:00', bookingId: own },
    { date: SAT, role: 'back-office', userId: 'u-staff4', session: '09:00-12:00', note: '材料预审' },
  ]) expect((await server.api('POST', '/api/roster', { token: lead, body })).status).toBe(201);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('printable forms in A4 print media', () => {
  it('预约服务登记表: the seed\'s fields, the hall\'s name, an own window\'s booking in full, blanks where nothing is recorded', async () => {
    const page = await signedIn('staff1', `/forms/?form=registration&booking=${own}`);
    await expect.poll(() => page.locator('h1.sheet-title').textContent()).toMatch(/政务服务中心.*预约服务登记表$/);
    const heads = (await page.locator('.sheet-table th').allTextContents()).map((h) => h.replace(/\s+/g, ''));
    expect(heads).toEqual(['预约人姓名', '联系电话', '单位', '预约事项', '预约办理时间', '预约窗口', '记录时间', '记录人', '交办时间', '签收人', '办理情况']);
    const outcome = await page.locator('tr.outcome td').textContent();
    for (const words of ['是否完成预约办理：', '办理时间：', '办理情况：', '承办人1：', '承办人2：', '预约人（签字）：']) expect(outcome).toContain(words);
    expect(await page.locator('td.person').textContent()).toBe(citizen(1).name);
    expect(await page.locator('td.phone').textContent()).toBe(citizen(1).phone);
    expect(await page.locator('.sheet-table tr').nth(2).locator('td').first().textContent()).toBe('11月28日09时00分');
    await printShot(page, 'registration-print');
    expect(await page.locator('.toolbar').isVisible()).toBe(false);
    await page.context().close();
  });

  it('电话预约业务交办单 of a date: the seed\'s eight columns, nine lines, own window\'s row in full and another\'s masked', async () => {
    const page = await signedIn('staff1', `/forms/?form=handover&date=${SAT}&channel=phone`);
    await page.getByRole('heading', { name: '电话预约业务交办单' }).waitFor();
    expect(await page.locator('.sheet-table thead th').allTextContents())
      .toEqual(['序号', '被预约的事项名称', '预约人', '预约的时间段', '联系电话', '应交办单位', '办件情况 是否受理', '预约人签字']);
    expect(await page.locator('.sheet-table tbody tr').count()).toBe(9);
    const rows = page.locator('.sheet-table tbody tr');
    expect(await rows.nth(0).locator('td.phone').textContent()).toBe(citizen(1).phone);
    expect(await rows.nth(1).locator('td.phone').textContent()).toMatch(/^139\*{4}\d{4}$/);
    expect(await rows.nth(1).locator('td').nth(5).textContent()).toBe('4-5号窗口');
    await printShot(page, 'handover-phone-print');
    // the online variant (附件3): the same columns, its own title
    await page.emulateMedia({ media: 'screen' });
    await page.getByLabel('预约方式').selectOption('online');
    await page.getByRole('heading', { name: '网上预约业务交办单' }).waitFor();
    expect(await page.locator('.sheet-table thead th').count()).toBe(8);
    await page.context().close();
  });

  it('“延时服务”工作人员上岗表 of a date from the roster: the seed\'s ten columns, 填报科室 and 填报时间, staff phones', async () => {
    const page = await signedIn('lead1', `/forms/?form=duty&date=${SAT}&department=${encodeURIComponent('综合受理科')}`);
    await page.getByRole('heading', { name: '“延时服务”工作人员上岗表' }).waitFor();
    expect(await page.locator('.sheet-table thead th').allTextContents())
      .toEqual(['序号', '预约事项名称', '预约人', '预约人联系电话', '预约时间段', '窗口人员', '后台人员', '带班人员', '上岗人员联系电话', '备注']);
    const meta = await page.locator('.meta').textContent();
    expect(meta).toContain('填报科室：综合受理科');
    expect(meta).toContain('填报时间 2026年11月23日');
    const first = await page.locator('.sheet-table tbody tr').first().locator('td').allTextContents();
    expect(first).toEqual(['1', '证照打印', citizen(1).name, citizen(1).phone, '09:00', '王丽', '刘洋', '带班组长',
      '王丽 13800001111刘洋 0533-2345678带班组长 13900009999', '材料预审']);
    expect(await page.locator('.sheet-table tbody tr').count()).toBe(8);
    await printShot(page, 'duty-print');
    await page.context().close();
  });
});
