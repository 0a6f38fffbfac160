/**
 * Booking registration in the console (Friday 2026-11-20 10:00 for Monday 2026-11-23): a refusal shown
 * in place, the printable confirmation whose QR is read back and checked in at the kiosk API, the
 * bookings list with a recorded cancellation, the 交办单, and the reservation called before walk-ins.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { idCheckChar } from '../../../protocol/identity.js';
import { launchBrowser } from '../../helpers/browser.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { button, chooseWindow, current, openConsole, shot, signIn } from './console-page.js';

const FRIDAY_10AM = '2026-11-20T10:00:00+08:00';
const id17 = (n: number) => `11010119850101${String(n).padStart(3, '0')}`;
const idNumber = (n: number) => id17(n) + idCheckChar(id17(n));

let server: TestServer;
let browser: Browser;
let page: Page;
let qr = '';
let bookingId = '';
let kiosk = '';
/** a fresh admin token: user tokens expire, and the clock jumps from Friday to Monday */
const admin = () => server.login('admin');

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ now: FRIDAY_10AM }), launchBrowser()]);
  kiosk = await server.deviceToken('kiosk', 'kiosk-1');
  page = await openConsole(browser, server);
  await signIn(page, 'staff1');
  await chooseWindow(page, 1);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function fillBooking(p: Page, o: { name: string; id: string; phone: string; service: string; date: string; slot: string; channel?: string }) {
  const form = p.locator('form.booking');
  if (o.channel) await form.getByLabel(o.channel).check();
  await form.getByLabel('预约人姓名').fill(o.name);
  await form.getByLabel('身份证号码').fill(o.id);
  await form.getByLabel('联系电话').fill(o.phone);
  await form.getByLabel('预约事项').selectOption(o.service);
  await form.getByLabel('预约日期').fill(o.date);
  await form.locator(`input[name=slot][value="${o.slot}"]`).check();
}

function readQr(dataUrl: string): string | null {
  const png = PNG.sync.read(Buffer.from(dataUrl.split(',')[1], 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

describe('booking registration', () => {
  it('a phone booking for today is refused in place with the deadline (16:30 of the previous working day)', async () => {
    await page.getByRole('button', { name: '预约登记' }).click();
    await page.locator('form.booking').waitFor();
    await fillBooking(page, { name: '王五', id: idNumber(3), phone: '13900001111', service: 's-a03', date: '2026-11-20', slot: '14:30' });
    await button(page, '登记预约').click();
    await expect.poll(() => page.getByTestId('refusal').textContent(), { timeout: 5000 }).toBe('已超过预约截止时间（截止时间 11-19 16:30）');
    await shot(page, 'booking-refused');
    expect((await server.api('GET', '/api/bookings?date=2026-11-20', { token: await admin() })).body).toEqual([]);
  });

  it('registers a phone booking for Monday 09:30 with the slot\'s free places and the person\'s credit; the confirmation\'s QR reads back', async () => {
    await page.getByRole('button', { name: '叫号台' }).click();
    await page.getByRole('button', { name: '预约登记' }).click();
    await fillBooking(page, { name: '张三', id: idNumber(7), phone: '13812345678', service: 's-a03', date: '2026-11-23', slot: '09:30', channel: '电话预约' });
    expect(await page.locator('label.slot:has(input[value="09:30"])').textContent()).toContain('余 4');
    await expect.poll(() => page.getByTestId('credit').textContent(), { timeout: 5000 }).toBe('信用记录：本月爽约 0 次 · 可以预约');
    await shot(page, 'booking-form');
    await button(page, '登记预约').click();
    await page.getByRole('heading', { name: /预约确认单/ }).waitFor();
    expect(await page.getByTestId('confirm-date').textContent()).toBe('2026-11-23');
    expect(await page.getByTestId('confirm-slot').textContent()).toBe('09:30');
    expect(await page.locator('.confirm').textContent()).toContain('张*');
    expect(await page.locator('.confirm').textContent()).not.toContain('13812345678');
    const src = await page.getByTestId('booking-qr').getAttribute('src');
    qr = readQr(src!) ?? '';
    expect(qr).toMatch(/^HQ1\.[^.]+\.[A-Za-z0-9_-]+$/);
    bookingId = qr.split('.')[1];
    expect(await page.getByTestId('booking-code').textContent()).toMatch(/^[23456789A-HJKMNP-Z]{8}$/);
    const stored = await server.api('POST', `/api/bookings/${bookingId}/reveal`, { token: await admin(), body: { reason: '核对登记' } });
    expect([stored.body.channel, stored.body.slot, stored.body.idNumber]).toEqual(['phone', '09:30', idNumber(7)]);
    await shot(page, 'booking-confirmation');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.top').isVisible()).toBe(false);
    await shot(page, 'booking-confirmation-print');
    await page.emulateMedia({ media: 'screen' });
  });

  it('lists Monday\'s bookings masked, finds one by name, and cancels it with the reason recorded', async () => {
    const staff = await server.login('staff2');
    const other = await server.api('POST', '/api/bookings', { token: staff, body: {
      name: '李四', idNumber: idNumber(8), phone: '13700002222', serviceId: 's-a03', date: '2026-11-23', slot: '10:30', channel: 'onsite' } });
    expect(other.status).toBe(201);
    await page.getByRole('button', { name: '预约名单' }).click();
    await page.locator('section.bookings input[name=date]').fill('2026-11-23');
    await expect.poll(() => page.locator('tr[data-booking]').count(), { timeout: 5000 }).toBe(2);
    const text = await page.locator('table.list').textContent();
    expect(text).toContain('1101**********');
    expect(text).not.toContain(idNumber(8));
    await page.getByLabel('搜索（姓名/证件/电话）').fill('李四');
    await expect.poll(() => page.locator('tr[data-booking]').count(), { timeout: 5000 }).toBe(1);
    await page.getByRole('button', { name: '取消预约' }).click();
    await page.getByRole('dialog').getByLabel('取消原因').fill('群众来电改期');
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await page.locator('td.bst', { hasText: '已取消（群众来电改期）' }).waitFor();
    const b = await server.api('GET', `/api/bookings/${other.body.booking.id}`, { token: await admin() });
    expect([b.body.status, b.body.cancelledBy, b.body.cancelReason]).toEqual(['cancelled', 'hall', '群众来电改期']);
    await page.getByLabel('搜索（姓名/证件/电话）').fill('');
    await expect.poll(() => page.locator('tr[data-booking]').count(), { timeout: 5000 }).toBe(2);
    await shot(page, 'bookings-list');
  });

  it('opens Monday\'s 电话预约业务交办单 in the forms page: the seed\'s columns, window 1\'s own booking with the full phone (issue 19)', async () => {
    await page.getByRole('button', { name: '交办单' }).click();
    const bar = page.locator('section.handover .row').first();
    await bar.getByLabel('预约日期').fill('2026-11-23');
    await bar.getByLabel('预约方式').selectOption('phone');
    // one 交办单: the console links to the printable forms page in the same tab (its session carries over)
    await page.getByRole('link', { name: '打开交办单' }).click();
    await page.getByRole('heading', { name: '电话预约业务交办单' }).waitFor();
    const heads = await page.locator('.sheet-table th').allTextContents();
    expect(heads).toEqual(['序号', '被预约的事项名称', '预约人', '预约的时间段', '联系电话', '应交办单位', '办件情况 是否受理', '预约人签字']);
    // the person's cell also carries the booking code (issue 17), what the citizen reads out at the window; staff at
    // window 1 (which serves 企业开办一件事's queue) see their own booking's name and phone in full (issue 19)
    await expect.poll(() => page.locator('.sheet-table tbody tr').first().locator('td').allTextContents(), { timeout: 5000 })
      .toEqual(['1', '企业开办一件事', expect.stringMatching(/^张三预约码 [23456789A-HJKMNP-Z]{8}登记表$/), '2026-11-23 09:30', '13812345678', '1-3号窗口', '', '']);
    await page.emulateMedia({ media: 'print' });
    await shot(page, 'handover-print');
    await page.emulateMedia({ media: 'screen' });
    await page.goBack();
    await page.getByRole('button', { name: '交办单' }).waitFor();
  });

  it('on Monday the booking checked in by its QR at the kiosk is called first in 预约模式, and 预约模式 calls no walk-in', async () => {
    await server.setClock('2026-11-23T09:10:00+08:00');
    const walkIn = await server.api('POST', '/api/tickets', { token: kiosk, body: { serviceId: 's-a01' } });
    expect(walkIn.status).toBe(201);
    await server.setClock('2026-11-23T09:20:00+08:00');
    const checkin = await server.api('POST', '/api/checkins', { token: kiosk, body: { qr } });
    expect(checkin.status).toBe(201);
    const resv = checkin.body.ticket;
    expect(resv.kind).toBe('reservation');

    // a new working day: Friday's sign-in has expired, staff sign in again
    await page.reload();
    await signIn(page, 'staff1');
    await chooseWindow(page, 1);
    await page.getByText('1 位预约群众等候').waitFor();
    await shot(page, 'caller-reservation-waiting');
    await page.getByRole('switch', { name: '预约模式' }).click();
    await expect.poll(() => page.getByRole('switch', { name: '预约模式' }).getAttribute('aria-checked'), { timeout: 5000 }).toBe('true');
    await button(page, '叫号').click();
    await expect.poll(() => current(page).textContent(), { timeout: 5000 }).toBe(resv.number);
    await page.getByText('预约时段 09:30 · 预约人 张*').waitFor();
    await shot(page, 'caller-reservation-called');
    await button(page, '办结').click();
    await page.getByText('当前无号票，按“叫号”呼叫下一位').waitFor();
    await button(page, '叫号').click();
    await page.getByText('暂无可呼叫的群众').waitFor();
    expect((await server.api('GET', `/api/tickets/${walkIn.body.ticket.id}`, { token: kiosk })).body.ticket.status).toBe('waiting');
    expect((await server.api('GET', `/api/bookings/${bookingId}`, { token: await admin() })).body.status).toBe('served');
    await page.getByRole('switch', { name: '预约模式' }).click();
    await expect.poll(() => page.getByRole('switch', { name: '预约模式' }).getAttribute('aria-checked'), { timeout: 5000 }).toBe('false');
    await button(page, '叫号').click();
    await expect.poll(() => current(page).textContent(), { timeout: 5000 }).toBe(walkIn.body.ticket.number);
  });
});
