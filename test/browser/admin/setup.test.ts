/**
 * Issue 12's done-when: a hall set up from an empty database through /admin/ alone — a queue, a
 * service, a window, a staff account, a kiosk paired through its link (the kiosk shows the
 * service) — then the new staff member signs in at the console and calls the ticket that kiosk
 * issued. Forms refuse bad input at the field, with the schema's or the server's Chinese message.
 * Screenshots of every page at 1440×900 and 1280×800 (test-artifacts/admin/).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../helpers/browser.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { chooseWindow, openConsole, signIn as consoleSignIn } from '../console/console-page.js';
import { button, dialog, fieldError, goTo, openAdmin, shot, signIn, SIZES } from './admin-page.js';

let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ demo: false }), launchBrowser()]);
  page = await openAdmin(browser, server);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const PAGES = ['开始使用', '大厅', '人员', '事项与队列', '设备', '日历与时间', '预约规则', '叫号规则', '公告', '日志'] as const;
const SLUG: Record<(typeof PAGES)[number], string> = {
  开始使用: 'start', 大厅: 'hall', 人员: 'people', 事项与队列: 'catalog', 设备: 'devices', 日历与时间: 'calendar', 预约规则: 'booking', 叫号规则: 'calling', 公告: 'notices', 日志: 'audit',
};

async function shootAll(stage: string) {
  for (const [size, viewport] of Object.entries(SIZES)) {
    await page.setViewportSize(viewport);
    for (const p of PAGES) {
      await goTo(page, p);
      await shot(page, `${stage}-${SLUG[p]}-${size}`);
    }
  }
  await page.setViewportSize(SIZES.wide);
}

describe('setting up a hall through /admin/', () => {
  it('a fresh install opens on the checklist: every item missing, each with a link to fix it', async () => {
    await page.getByLabel('用户名').waitFor();
    await shot(page, 'login-wide');
    await signIn(page, 'admin', 'admin-test-pw');
    await page.getByTestId('checklist-summary').waitFor();
    expect(await page.getByTestId('checklist-summary').textContent()).toBe('还有 6 项需要设置，完成后大厅即可开始取号叫号。');
    for (const key of ['hall', 'queues', 'services', 'windows', 'staff', 'devices']) {
      expect(await page.getByTestId(`check-${key}`).getAttribute('class')).toBe('todo');
    }
    expect(await page.getByTestId('check-hours').getAttribute('class')).toBe('done'); // the default hours open on Monday 09:00
    await shootAll('empty');
    await goTo(page, '开始使用');
    await page.getByTestId('check-queues').getByRole('link', { name: '去设置事项与队列' }).click();
    await page.getByRole('heading', { level: 2, name: '事项与队列' }).waitFor();
  });

  it('the hall name, through 大厅: an empty name is refused at the field with the server\'s message; the kiosk and screens follow', async () => {
    await goTo(page, '大厅');
    await page.getByLabel('大厅名称').fill(' ');
    await button(page, '保存').click();
    await expect.poll(() => page.locator('[data-field="name"] .field-error').count()).toBe(1);
    await shot(page, 'hall-refused-wide');
    await page.getByLabel('大厅名称').fill('西峡县政务服务中心');
    await button(page, '保存').click();
    await expect.poll(async () => (await server.client().call('GET /api/public/hall')).hallName).toBe('西峡县政务服务中心');
    await expect.poll(() => page.locator('header h1').textContent()).toBe('西峡县政务服务中心 · 大厅管理');
    await goTo(page, '事项与队列');
  });

  it('a queue: the schema refuses an empty name at the field; the server refuses a used letter at the field', async () => {
    await button(page, '新建队列').click();
    expect(await dialog(page).getByLabel('字母').inputValue()).toBe('A'); // the first free letter
    await button(page, '保存').click();
    await expect.poll(() => fieldError(page, 'name').textContent()).toMatch(/^数值过小|^太小|字符/); // zod's Chinese message, no request sent
    await dialog(page).getByLabel('队列名称').fill('综合受理');
    await button(page, '保存').click();
    await dialog(page).waitFor({ state: 'detached' });
    await page.getByTestId('queues').getByText('综合受理').waitFor();

    // a second queue with the same letter: the server's 409 message next to the letter
    await button(page, '新建队列').click();
    await dialog(page).getByLabel('队列名称').fill('不动产');
    await dialog(page).getByLabel('字母').fill('A');
    await button(page, '保存').click();
    await expect.poll(() => fieldError(page, 'prefix').textContent()).toBe('队列字母已被使用');
    await shot(page, 'queue-refused-wide');
    await button(page, '取消').click();
  });

  it('a service and a window', async () => {
    await button(page, '新建事项').click();
    const d = dialog(page);
    await d.getByLabel('事项编号').fill('SF-001');
    await d.getByLabel('事项名称').fill('居民身份证换领');
    await d.getByLabel('办理窗口说明').fill('1号窗口');
    await d.getByLabel('咨询电话').fill('0914-2345678');
    await d.getByLabel('每时段预约名额').fill('abc');
    await button(page, '保存').click();
    await expect.poll(() => fieldError(page, 'slotCapacity').count()).toBe(1);
    await shot(page, 'service-refused-wide');
    await d.getByLabel('每时段预约名额').fill('6');
    await button(page, '保存').click();
    await d.waitFor({ state: 'detached' });
    await page.getByTestId('services').getByText('居民身份证换领').waitFor();

    await button(page, '新建窗口').click();
    expect(await dialog(page).getByLabel('窗口号').inputValue()).toBe('1');
    await dialog(page).getByLabel('窗口名称').fill('综合受理');
    await shot(page, 'window-dialog-wide');
    await dialog(page).getByRole('button', { name: /A 综合受理$/ }).click();
    await button(page, '保存').click();
    await dialog(page).waitFor({ state: 'detached' });
    await page.getByTestId('windows').getByText('A 综合受理').waitFor();
    const windows = await server.admin.call('GET /api/windows');
    expect(windows.map((w) => [w.number, w.name, w.queueIds.length])).toEqual([[1, '综合受理', 1]]);
  });

  it('a staff account bound to window 1: a short password is refused at the field with the server\'s message', async () => {
    await goTo(page, '人员');
    await button(page, '新建账号').click();
    const d = dialog(page);
    await d.getByLabel('用户名').fill('zhangmin');
    await d.getByLabel('姓名').fill('张敏');
    await d.getByLabel('密码').fill('short');
    await d.getByLabel(/^1号窗口/).check();
    await button(page, '保存').click();
    await expect.poll(() => fieldError(page, 'password').textContent()).toBe('密码至少需要8个字符');
    await shot(page, 'user-refused-wide');
    await d.getByLabel('密码').fill('zhangmin-2026');
    await button(page, '保存').click();
    await d.waitFor({ state: 'detached' });
    await page.getByTestId('user-zhangmin').getByText('1号窗口').waitFor();
  });

  let link = '';
  it('a kiosk registered and paired through its link: the kiosk shows the service and issues A001', async () => {
    await goTo(page, '设备');
    await button(page, '登记取号机').click();
    await dialog(page).getByLabel('设备名称').fill('kiosk-1');
    await button(page, '登记').click();
    link = (await page.getByTestId('pairing-link').textContent()) ?? '';
    expect(link).toMatch(new RegExp(`^${server.url}/kiosk/#token=`));
    expect(await page.getByTestId('pairing-qr').locator('svg path').count()).toBe(1);
    await shot(page, 'device-paired-wide');
    await button(page, '完成').click();

    const kioskContext = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
    const kiosk = await kioskContext.newPage();
    kiosk.on('pageerror', (e) => console.error('kiosk page error:', e));
    await kiosk.goto(link);
    await kiosk.getByRole('button', { name: /^现场取号/ }).click();
    await kiosk.getByRole('button', { name: /^居民身份证换领/ }).click();
    await expect.poll(() => kiosk.locator('[data-testid=ticket-number]').textContent(), { timeout: 10_000 }).toBe('A001');
    await kioskContext.close();

    // the admin sees it online (the list refreshes itself), and the checklist counts it
    await expect.poll(async () => (await server.admin.call('GET /api/devices'))[0].lastSeenAt !== null).toBe(true);
  });

  it('the new staff member signs in at the console, sees no admin link, and calls A001', async () => {
    const consolePage = await openConsole(browser, server);
    await consoleSignIn(consolePage, 'zhangmin', 'zhangmin-2026');
    await chooseWindow(consolePage, 1);
    expect(await consolePage.getByRole('link', { name: '大厅管理' }).count()).toBe(0);
    await consolePage.getByRole('button', { name: '叫号', exact: true }).click();
    await expect.poll(() => consolePage.getByTestId('current-number').textContent()).toBe('A001');
    await consolePage.context().close();
  });

  it('the staff member is refused at /admin/ with a clear reason', async () => {
    const other = await openAdmin(browser, server);
    await signIn(other, 'zhangmin', 'zhangmin-2026');
    await expect.poll(() => other.getByRole('alert').textContent()).toBe('此账号不是管理员，不能进入大厅管理。窗口人员和带班负责人请使用窗口叫号台（/console/）。');
    await shot(other, 'login-refused-wide');
    await other.context().close();
  });

  it('the checklist now shows what is left (a lobby screen), and the audit log names who did what', async () => {
    await goTo(page, '开始使用');
    for (const key of ['queues', 'services', 'windows', 'staff']) {
      await expect.poll(() => page.getByTestId(`check-${key}`).getAttribute('class')).toBe('done');
    }
    expect(await page.getByTestId('check-hall').getAttribute('class')).toBe('done');
    expect(await page.getByTestId('check-devices').getAttribute('class')).toBe('todo'); // no lobby screen yet
    await goTo(page, '日志');
    await page.getByTestId('audit').getByText('新建账号').first().waitFor();
    await page.getByLabel('类型').selectOption('window.created');
    await expect.poll(() => page.getByTestId('audit').locator('tbody tr').count()).toBe(1);
    await shootAll('setup');
  });
});
