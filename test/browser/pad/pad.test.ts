/**
 * The evaluator pad (issue 16) in Chromium: paired as a display bound to window 4, it shows the
 * window and its staff; a finish at that window brings the request within a second; a level-2 rating
 * with a tapped reason is stored; an unanswered request goes back to idle unrated. Screenshots at
 * 800×1280 and 1280×800 under test-artifacts/pad/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { artifact, launchBrowser } from '../../helpers/browser.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';

let srv: TestServer;
let browser: Browser;
let kiosk: string, staff4: string, lead: string, padToken: string;
const act = (token: string, w: string, action: string) => srv.api('POST', `/api/windows/${w}/${action}`, { token });

async function finishOne(): Promise<{ id: string; number: string }> {
  const t = (await srv.api('POST', '/api/tickets', { token: kiosk, body: { serviceId: 's-b01' } })).body.ticket;
  await act(staff4, 'w4', 'call-next');
  await act(staff4, 'w4', 'finish');
  return { id: t.id, number: t.number };
}
async function openPad(size: { width: number; height: number }, extra = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: size, locale: 'zh-CN' });
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (e) => console.error('pad page error', e));
  await page.goto(`${srv.url}/pad/#token=${padToken}&window=4${extra}`);
  await page.waitForSelector('.idle-staff:has-text("工作人员")');
  return page;
}

beforeAll(async () => {
  srv = await startTestServer();
  browser = await launchBrowser();
  kiosk = await srv.deviceToken('kiosk', 'kiosk-pad');
  padToken = await srv.deviceToken('display', 'pad-w4');
  staff4 = await srv.login('staff4');
  lead = await srv.login('lead1');
  await act(staff4, 'w4', 'open');
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});

describe('the evaluator pad', () => {
  for (const size of [{ width: 800, height: 1280 }, { width: 1280, height: 800 }]) {
    const tag = `${size.width}x${size.height}`;
    it(`${tag}: idle shows the window and staff; a finish asks within a second; 不满意 asks a reason; thanks; stored`, async () => {
      const page = await openPad(size);
      expect(await page.locator('.idle-no').textContent()).toBe('4号窗口');
      await page.screenshot({ path: artifact(`pad/idle-${tag}`) });
      const started = Date.now();
      const t = await finishOne();
      await page.waitForSelector(`.ticket-no:text-is("${t.number}")`, { timeout: 1_000 });
      expect(Date.now() - started).toBeLessThan(1_500);
      expect(await page.locator('.level').allTextContents()).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
      await page.screenshot({ path: artifact(`pad/ask-${tag}`) });
      await page.getByRole('button', { name: '不满意', exact: true }).click();
      await page.waitForSelector('.chip');
      await page.getByRole('button', { name: '等候时间太长' }).click();
      await page.screenshot({ path: artifact(`pad/reasons-${tag}`) });
      await page.getByRole('button', { name: '提交评价' }).click();
      await page.waitForSelector('.thanks');
      await page.screenshot({ path: artifact(`pad/thanks-${tag}`) });
      const list = (await srv.api('GET', '/api/evaluations?maxLevel=2', { token: lead })).body as any[];
      expect(list.find((e) => e.ticketId === t.id)).toMatchObject({ level: 2, reasons: ['等候时间太长'], channel: 'pad' });
      await page.close();
    }, 60_000);
  }

  it('a request not answered in time goes back to idle and leaves the ticket unrated; English on tap', async () => {
    const page = await openPad({ width: 800, height: 1280 }, '&timeout=5');
    const t = await finishOne();
    await page.waitForSelector(`.ticket-no:text-is("${t.number}")`, { timeout: 1_000 });
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.locator('.level').first().textContent()).toBe('Very satisfied');
    await page.screenshot({ path: artifact('pad/ask-en-800x1280') });
    await page.waitForSelector('.idle', { timeout: 8_000 });
    const list = (await srv.api('GET', '/api/evaluations', { token: lead })).body as any[];
    expect(list.find((e) => e.ticketId === t.id)).toBeUndefined();
    expect((await srv.api('GET', `/api/public/tickets/${t.id}`)).body.evaluation.rated).toBe(false);
    await page.close();
  }, 60_000);
});
