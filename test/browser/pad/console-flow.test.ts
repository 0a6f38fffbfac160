/**
 * 好差评 end to end (issue 16): 办结 at the console of window 4 → the pad of window 4 shows the
 * request within a second → a 不满意 rating with a tapped reason is stored → it appears in the lead's
 * list in the console, where the lead records the follow-up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { artifact, launchBrowser } from '../../helpers/browser.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { button, chooseWindow, current, openConsole, shot, signIn } from '../console/console-page.js';
import { goTo, openAdmin, shot as adminShot, signIn as adminSignIn } from '../admin/admin-page.js';

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('console → pad → lead', () => {
  it('finish at the console, rate at the pad, follow up as the lead', async () => {
    const kiosk = await server.deviceToken('kiosk', 'kiosk-flow');
    const t = (await server.client(kiosk).call('POST /api/tickets', { body: { serviceId: 's-b01' } })).ticket;
    const padToken = await server.deviceToken('display', 'pad-flow-4');
    const pad = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    await pad.goto(`${server.url}/pad/#token=${padToken}&window=4`);
    await pad.locator('.idle').waitFor();

    const staff = await openConsole(browser, server);
    await signIn(staff, 'staff4');
    await chooseWindow(staff, 4);
    await pad.waitForSelector('.idle-staff:has-text("刘洋")', { timeout: 5_000 }); // signed in: the pad names who serves
    await button(staff, '叫号').click();
    await expect.poll(() => current(staff).textContent()).toBe(t.number);
    await button(staff, '开始办理').click();
    await staff.getByText('办理中').first().waitFor();
    const finishedAt = Date.now();
    await button(staff, '办结').click();
    await pad.waitForSelector(`.ticket-no:text-is("${t.number}")`, { timeout: 1_000 });
    expect(Date.now() - finishedAt).toBeLessThan(1_000 + 500); // the click's own round trip included
    await pad.getByRole('button', { name: '不满意', exact: true }).click();
    await pad.getByRole('button', { name: '业务不熟练' }).click();
    await pad.getByRole('button', { name: '提交评价' }).click();
    await pad.locator('.thanks').waitFor();

    const lead = await openConsole(browser, server);
    await signIn(lead, 'lead1');
    await lead.locator('.window-choice').first().waitFor();
    await lead.getByRole('button', { name: '全厅窗口' }).click();
    const row = lead.getByTestId('low-rating').filter({ hasText: t.number });
    await row.waitFor();
    expect(await row.textContent()).toContain('业务不熟练');
    expect(await row.textContent()).toContain('不满意');
    await shot(lead, 'low-ratings');
    await row.getByLabel('回访结果').selectOption('contacted');
    await row.getByLabel('处理说明').fill('已电话回访，向群众致歉并说明办理要求');
    await row.getByRole('button', { name: '记录回访' }).click();
    await row.getByText('已回访：已电话回访').waitFor();
    const stored = (await server.client(await server.login('lead1')).call('GET /api/evaluations', { query: { maxLevel: 2 } }))
      .find((e) => e.ticketId === t.id);
    expect(stored).toMatchObject({ level: 2, reasons: ['业务不熟练'], channel: 'pad', followUp: { outcome: 'contacted' } });
    await pad.screenshot({ path: artifact('pad/flow-thanks-1280x800') });

    // the admin app lists it too, with the follow-up, and filters to the low ones
    const admin = await openAdmin(browser, server);
    await adminSignIn(admin, 'admin', 'admin-test-pw');
    await goTo(admin, '好差评');
    const cell = admin.getByTestId('ratings').locator('tr', { hasText: t.number });
    await cell.waitFor();
    expect(await cell.textContent()).toContain('已回访');
    await admin.getByLabel('评价').selectOption('low');
    await admin.getByRole('button', { name: '查询' }).click();
    await cell.waitFor();
    await adminShot(admin, 'ratings');
  }, 90_000);
});
