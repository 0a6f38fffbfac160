/** Opening the admin app in Chromium, signing in, moving between pages, and screenshots under test-artifacts/admin/. */
import type { Browser, Page } from 'playwright-core';
import { artifact } from '../../helpers/browser.js';
import type { TestServer } from '../../helpers/server.js';

export const SIZES = { wide: { width: 1440, height: 900 }, narrow: { width: 1280, height: 800 } } as const;

export async function openAdmin(browser: Browser, server: TestServer, viewport: { width: number; height: number } = SIZES.wide): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (e) => console.error('admin page error:', e));
  page.on('dialog', (d) => void d.accept()); // confirm() of a delete, a deactivation, a revocation
  await page.goto(server.url + '/admin/');
  return page;
}

export async function signIn(page: Page, username: string, password: string) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

export async function goTo(page: Page, nav: string) {
  await page.getByRole('navigation').getByRole('link', { name: nav, exact: true }).click();
  await page.getByRole('heading', { level: 2, name: nav, exact: true }).waitFor();
}

export const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
/** the open dialog */
export const dialog = (page: Page) => page.getByRole('dialog');
/** the error shown under field `name` of the open dialog */
export const fieldError = (page: Page, name: string) => dialog(page).locator(`[data-field="${name}"] .field-error`);

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: artifact(`admin/${name}`), fullPage: true });
}
