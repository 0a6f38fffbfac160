/**
 * 预约工作台 in the console (issue 19), Monday 2026-11-23 14:05: the window's dispatched booking signed
 * for, a call recorded, a no-show's follow-up answered, and a 派单 arriving as a socket event — the
 * worklist is loaded once and never refetched on an event. Screenshots at 1440×900 and 1280×800.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../helpers/browser.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { citizen } from '../../server/support.js';
import { button, chooseWindow, openConsole, shot, signIn } from './console-page.js';

let server: TestServer;
let browser: Browser;
let page: Page;
const ids: Record<string, string> = {};
let deskLoads = 0;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const platform = await server.deviceToken('platform', 'gov');
  const staff1 = await server.login('staff1');
  const book = async (token: string, n: number, over: Record<string, unknown>) => {
    const r = await server.api('POST', '/api/bookings', { token, body: citizen(n, over) });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.booking.id as string;
  };
  ids.online = await book(platform, 11, { slot: '09:30' });
  ids.phone = await book(staff1, 12, { channel: 'phone', slot: '10:30', unit: '淄博市某某商贸有限公司' });
  ids.late = await book(platform, 13, { date: '2026-11-23', slot: '13:30' });
  ids.later = await book(platform, 14, { slot: '14:30' });
  await server.setClock('2026-11-23T14:05:00+08:00');
  const lead = await server.login('lead1');
  expect((await server.api('POST', `/api/bookings/${ids.phone}/dispatch`, { token: lead, body: { windowId: 'w1' } })).status).toBe(200);
  page = await openConsole(browser, server);
  page.on('request', (r) => void (r.url().includes('/api/desk') && deskLoads++));
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, 'staff1');
  await chooseWindow(page, 1);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const list = (name: 'dispatched' | 'toCall' | 'followUp') => page.locator(`section[data-list="${name}"]`);
const rowOf = (name: 'dispatched' | 'toCall' | 'followUp', id: string) => list(name).locator(`tr[data-booking="${id}"]`);

describe('预约工作台', () => {
  it('shows the window\'s dispatched, to-call and follow-up lists with a count', async () => {
    await page.getByRole('button', { name: /^预约工作台/ }).click();
    await rowOf('dispatched', ids.phone).waitFor({ timeout: 20_000 });
    await rowOf('followUp', ids.late).waitFor();
    expect(await rowOf('toCall', ids.online).count()).toBe(1);
    expect(await rowOf('toCall', ids.phone).count()).toBe(1);
    // 单位 on the row; the phone masked
    await expect.poll(() => rowOf('dispatched', ids.phone).innerText()).toContain('淄博市某某商贸有限公司');
    expect(await rowOf('dispatched', ids.phone).innerText()).toMatch(/139\*{4}\d{4}/);
    // 1 dispatched + 3 to call (online, phone, later) + 1 follow-up
    expect(await page.getByTestId('desk-count').innerText()).toBe('待处理 5 件');
    await shot(page, 'desk-1440x900');
    await page.setViewportSize({ width: 1280, height: 800 });
    await shot(page, 'desk-1280x800');
  });

  it('签收 takes the booking off the dispatched list', async () => {
    await rowOf('dispatched', ids.phone).getByRole('button', { name: '签收', exact: true }).click();
    await rowOf('dispatched', ids.phone).waitFor({ state: 'detached' });
    expect(await page.getByTestId('desk-count').innerText()).toBe('待处理 4 件');
  });

  it('经办记录 shows the booking\'s history: registered, dispatched, signed, with who', async () => {
    await rowOf('toCall', ids.phone).getByRole('button', { name: '经办记录' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('签收').waitFor();
    const text = await dialog.innerText();
    expect(text).toContain('登记预约');
    expect(text).toContain('派单');
    expect(text).toContain('带班组长');
    expect(text).toContain('王丽');
    await dialog.getByRole('button', { name: '关闭' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('记录联系: the outcome and a note from the keyboard; confirmed takes it off the calls to make', async () => {
    await rowOf('toCall', ids.online).getByRole('button', { name: '记录联系' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByLabel('已确认时间').check();
    await dialog.getByLabel(/备注/).fill('已告知携带身份证原件');
    await dialog.getByLabel(/备注/).press('Tab');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await rowOf('toCall', ids.online).waitFor({ state: 'detached' });
  });

  it('a follow-up outcome button records the answer and takes the no-show off the list', async () => {
    await rowOf('followUp', ids.late).getByRole('button', { name: '放弃预约' }).click();
    await rowOf('followUp', ids.late).waitFor({ state: 'detached' });
    const h = await server.api('GET', `/api/bookings/${ids.late}/history`, { token: await server.login('lead1') });
    expect(h.body.contacts.map((c: any) => c.outcome)).toEqual(['gave-up']);
  });

  it('a 派单 by the lead arrives as booking:updated and moves the booking, with no refetch', async () => {
    expect(deskLoads).toBe(1);
    const lead = await server.login('lead1');
    expect((await server.api('POST', `/api/bookings/${ids.later}/dispatch`, { token: lead, body: { windowId: 'w1' } })).status).toBe(200);
    await rowOf('dispatched', ids.later).waitFor({ timeout: 20_000 });
    // dispatched and still to call: on both lists
    expect(await rowOf('toCall', ids.later).count()).toBe(1);
    // a booking moved to another window leaves this window's lists
    expect((await server.api('POST', `/api/bookings/${ids.later}/dispatch`, { token: lead, body: { windowId: 'w2' } })).status).toBe(200);
    await rowOf('toCall', ids.later).waitFor({ state: 'detached', timeout: 20_000 });
    expect(await rowOf('dispatched', ids.later).count()).toBe(0);
    expect(deskLoads).toBe(1);
    await page.setViewportSize({ width: 1440, height: 900 });
    await shot(page, 'desk-after-1440x900');
  });

  it("a lead's booking list: 派单 offers only the windows serving the service, and the row shows where it went", async () => {
    const b = (await server.api('POST', '/api/bookings', { token: await server.deviceToken('platform', 'gov'), body: citizen(15, { slot: '15:30' }) })).body.booking;
    const lead = await openConsole(browser, server);
    await lead.setViewportSize({ width: 1440, height: 900 });
    await signIn(lead, 'lead1');
    await lead.getByRole('button', { name: '预约名单' }).click();
    await button(lead, '明天').click();
    const row = lead.locator(`tr[data-booking="${b.id}"]`);
    await row.getByRole('button', { name: '派单', exact: true }).click();
    const dialog = lead.getByRole('dialog');
    const options = await dialog.getByLabel('派往窗口').locator('option').allInnerTexts();
    // s-a02 is queue qA: the windows whose queues include qA, never window 4 (不动产 only)
    expect(options.map((o) => o.split('号')[0])).toEqual(['1', '2', '3', '5', '7', '11', '12']);
    await dialog.getByLabel('派往窗口').selectOption('w3');
    await dialog.getByRole('button', { name: '派单', exact: true }).click();
    await lead.getByText('已派单到3号窗口').waitFor();
    await row.getByText('已派3号窗口').waitFor();
    await shot(lead, 'desk-dispatch-lead-1440x900');
    await lead.context().close();
  });
});
