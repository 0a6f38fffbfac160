/** The caller console at window 1: sign in, call, recall, no-show, start, finish, transfer, pause with reason, F1–F8, the lead view. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../helpers/browser.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { button, buttonNamesMatchLabels, chooseWindow, current, openConsole, shot, signIn } from './console-page.js';

let server: TestServer;
let browser: Browser;
let page: Page;
let kiosk: string;
const tickets: Record<string, string> = {}; // number → id

const ticket = async (id: string) => (await server.admin.call('GET /api/tickets/:id', { params: { id } })).ticket;
const win = async (id: string) => (await server.admin.call('GET /api/windows/:id/state', { params: { id } })).window;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  kiosk = await server.deviceToken('kiosk', 'kiosk-1');
  for (let i = 0; i < 6; i++) {
    const r = await server.client(kiosk).call('POST /api/tickets', { body: { serviceId: 's-a01' } });
    tickets[r.ticket.number] = r.ticket.id;
  }
  page = await openConsole(browser, server);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('caller console', () => {
  it('refuses a wrong password with the reason, then signs in and shows only staff1\'s window to choose', async () => {
    await page.getByLabel('用户名').waitFor();
    await shot(page, 'login');
    await signIn(page, 'staff1', 'wrong-password');
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('用户名或密码错误');
    await signIn(page, 'staff1');
    await page.locator('.window-choice').first().waitFor();
    expect(await page.locator('.window-choice').count()).toBe(1);
    await shot(page, 'window-picker');
    await chooseWindow(page, 1);
    expect((await win('w1')).staffName).toBe('王丽');
    expect(await buttonNamesMatchLabels(page)).toEqual([]);
  });

  it('before any call, only 叫号, 暂停 and 预约模式 can act; the others say why', async () => {
    await page.getByText('6', { exact: true }).first().waitFor();
    for (const name of ['重呼', '过号', '开始办理', '办结', '转移']) expect(await button(page, name).isDisabled()).toBe(true);
    expect(await page.locator('#why-recall').textContent()).toBe('当前没有号票');
    expect(await button(page, '叫号').isEnabled()).toBe(true);
    await shot(page, 'caller-idle');
  });

  it('叫号 calls A001; 重呼 re-announces it; 过号 marks it a no-show and counts it', async () => {
    await button(page, '叫号').click();
    await expect.poll(() => current(page).textContent()).toBe('A001');
    expect(await button(page, '叫号').isDisabled()).toBe(true);
    expect(await page.locator('#why-callNext').textContent()).toBe('请先开始办理或过号');
    await button(page, '重呼').click();
    await page.getByText('已重呼 1 次').waitFor();
    expect((await ticket(tickets.A001)).recalls).toBe(1);
    await shot(page, 'caller-called');
    await button(page, '过号').click();
    await page.getByText('当前无号票，按“叫号”呼叫下一位').waitFor();
    expect((await ticket(tickets.A001)).status).toBe('no-show');
    await expect.poll(() => page.getByTestId('count-noshow').textContent()).toBe('1');
  });

  it('开始办理 then 办结 serves A002 and counts it finished today', async () => {
    await button(page, '叫号').click();
    await expect.poll(() => current(page).textContent()).toBe('A002');
    await button(page, '开始办理').click();
    await page.getByText('办理中').waitFor();
    expect(await button(page, '开始办理').isDisabled()).toBe(true);
    expect(await page.locator('#why-start').textContent()).toBe('只有已叫号未办理时可用');
    expect((await ticket(tickets.A002)).status).toBe('serving');
    await shot(page, 'caller-serving');
    await button(page, '办结').click();
    await page.getByText('当前无号票，按“叫号”呼叫下一位').waitFor();
    expect((await ticket(tickets.A002)).status).toBe('done');
    await expect.poll(() => page.getByTestId('count-served').textContent()).toBe('1');
  });

  it('转移 sends A003 to window 2, where it is called next', async () => {
    await button(page, '叫号').click();
    await expect.poll(() => current(page).textContent()).toBe('A003');
    await button(page, '转移').click();
    await page.getByRole('dialog').getByLabel('转移到').selectOption('w:w2');
    await shot(page, 'transfer-dialog');
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await page.getByText('当前无号票，按“叫号”呼叫下一位').waitFor();
    expect((await ticket(tickets.A003)).status).toBe('waiting');
    const staff2 = await server.login('staff2');
    await server.api('POST', '/api/windows/w2/open', { token: staff2 });
    const r = await server.api('POST', '/api/windows/w2/call-next', { token: staff2, body: {} });
    expect(r.body.ticket.number).toBe('A003');
  });

  it('暂停 needs a reason; while paused 叫号 is disabled with the reason shown; 恢复 reopens', async () => {
    await button(page, '暂停').click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByRole('button', { name: '确定' }).isDisabled()).toBe(true);
    await dialog.getByLabel('暂停原因').fill('临时离开');
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.getByText('已暂停：临时离开').waitFor();
    expect(await button(page, '叫号').isDisabled()).toBe(true);
    expect(await page.locator('#why-callNext').textContent()).toBe('窗口已暂停');
    const w = await win('w1');
    expect([w.status, w.pauseReason]).toEqual(['paused', '临时离开']);
    await shot(page, 'caller-paused');
    await button(page, '恢复').click();
    await button(page, '暂停').waitFor();
    expect((await win('w1')).status).toBe('open');
  });

  it('F1–F8 act without the mouse: call, recall, start, finish, pause dialog, reservation mode; F5 does not reload', async () => {
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    await page.keyboard.press('F1');
    await expect.poll(() => current(page).textContent()).toBe('A004');
    await page.keyboard.press('F2');
    await page.getByText('已重呼 1 次').waitFor();
    await page.keyboard.press('F4');
    await page.getByText('办理中').waitFor();
    await page.keyboard.press('F5');
    await page.getByText('当前无号票，按“叫号”呼叫下一位').waitFor();
    expect((await ticket(tickets.A004)).status).toBe('done');
    expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(42);
    await page.keyboard.press('F7');
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.keyboard.press('F8');
    await expect.poll(async () => (await win('w1')).mode).toBe('reservation');
    // the switch shows the window's state once the answer is back: F8 again toggles from there
    const modeSwitch = page.getByRole('switch', { name: '预约模式' });
    await expect.poll(() => modeSwitch.getAttribute('aria-checked')).toBe('true');
    // two quick presses: the second toggles from what the first made, so the window is back where it was
    await page.evaluate(() => { for (let i = 0; i < 2; i++) window.dispatchEvent(new KeyboardEvent('keydown', { key: 'F8' })); }); // in one task: no answer comes between
    await expect.poll(() => page.locator('.caller').getAttribute('aria-busy')).toBe('false');
    await expect.poll(async () => (await win('w1')).mode).toBe('reservation');
    await page.keyboard.press('F8');
    await expect.poll(async () => (await win('w1')).mode).toBe('normal');
    await expect.poll(() => modeSwitch.getAttribute('aria-checked')).toBe('false');
    for (const [key, label] of [['F1', '叫号'], ['F3', '过号'], ['F6', '转移'], ['F7', '暂停 / 恢复'], ['F8', '预约模式']])
      expect(await page.locator('.keys-help').textContent()).toContain(key + label);
  });

  it('a lead sees every window and calls a chosen ticket out of order at window 3 with a reason', async () => {
    const lead = await openConsole(browser, server);
    await signIn(lead, 'lead1');
    await lead.locator('.window-choice').first().waitFor();
    expect(await lead.locator('.window-choice').count()).toBe(13);
    // 2026-11-23 is within 45 days of 2027, whose holiday schedule chinese-days does not carry yet
    await expect.poll(() => lead.locator('.hall-warning').textContent()).toBe(
      '尚未载入 2027 年的节假日安排：请在配置文件 hours.overrides 中填写国务院公布的放假与调休日期，或升级 hallq。');
    await shot(lead, 'lead-holiday-warning');
    expect(await page.locator('.hall-warning').count()).toBe(0); // staff at a window are not asked to act on it
    await chooseWindow(lead, 3);
    await lead.getByRole('button', { name: '全厅窗口' }).click();
    await lead.getByRole('heading', { name: '全厅窗口状态' }).waitFor();
    expect(await lead.locator('.wcard').count()).toBe(13);
    const form = lead.locator('form.ooo');
    await form.getByLabel('窗口').selectOption('w3');
    await expect.poll(() => form.getByLabel('选择号票').locator('option').count()).toBeGreaterThan(2);
    await form.getByLabel('选择号票').selectOption(tickets.A006);
    expect(await form.getByRole('button', { name: '在此窗口呼叫' }).isDisabled()).toBe(true);
    await form.getByLabel('原因').fill('老年人优先');
    await form.getByRole('button', { name: '在此窗口呼叫' }).click();
    await lead.getByText('已呼叫 A006').waitFor();
    const t6 = await ticket(tickets.A006);
    expect([t6.status, t6.windowId]).toEqual(['called', 'w3']);
    expect((await ticket(tickets.A005)).status).toBe('waiting');
    await expect.poll(() => lead.locator('.wcard', { hasText: '3号窗口' }).locator('.num').textContent()).toBe('A006');
    await shot(lead, 'lead-view');
    await lead.context().close();
  });
});
