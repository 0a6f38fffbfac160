/** Opening the console in Chromium, signing in, choosing a window, and keeping screenshots under test-artifacts/console/. */
import type { Browser, Page } from 'playwright-core';
import { artifact } from '../../helpers/browser.js';
import type { TestServer } from '../../helpers/server.js';

export async function openConsole(browser: Browser, server: TestServer): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (e) => console.error('console page error:', e));
  await page.goto(server.url + '/console/');
  return page;
}

export async function signIn(page: Page, username: string, password = 'demo1234') {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

/** From the window picker to the caller of window `n`. */
export async function chooseWindow(page: Page, n: number) {
  await page.getByRole('button', { name: new RegExp(`^${n}号窗口`) }).click();
  await page.getByRole('button', { name: '叫号', exact: true }).waitFor();
}

export const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
export const current = (page: Page) => page.getByTestId('current-number');

/** Buttons whose accessible name differs from their visible text (should be none). */
export function buttonNamesMatchLabels(page: Page): Promise<string[]> {
  return page.$$eval('button', (els) => els
    .filter((b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim() !== (b.textContent ?? '').trim())
    .map((b) => b.outerHTML.slice(0, 80)));
}

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: artifact(`console/${name}`), fullPage: true });
}
