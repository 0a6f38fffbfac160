/**
 * Live and honest: when the server goes away the lobby shows 连接中断 and dims what it shows; when
 * the server is back (same port, same SQLite file) the lobby reconnects by itself and the snapshot
 * replaces the picture, including a call made before the screen was back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { artifact, launchBrowser } from '../../helpers/browser.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { act, issue, openDisplay } from './display-helpers.js';

const freePort = () => new Promise<number>((resolve, reject) => {
  const s = createServer();
  s.once('error', reject);
  s.listen(0, '127.0.0.1', () => {
    const { port } = s.address() as { port: number };
    s.close(() => resolve(port));
  });
});

let dir: string;
let db: string;
let port: number;
let srv: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hallq-display-'));
  db = join(dir, 'hall.db');
  port = await freePort();
  srv = await startTestServer({ db, port });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  page.on('pageerror', (e) => console.error('page error', e));
  const display = await srv.deviceToken('display', 'lobby-reconnect');
  await openDisplay(page, srv.url, `token=${display}&voice=0`);
});

afterAll(async () => {
  await browser?.close();
  await srv?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('lobby across a server restart', () => {
  it('marks 连接中断 when the server stops, then recovers with the numbers of the restarted server', async () => {
    const kiosk = await srv.deviceToken('kiosk', 'kiosk-t');
    const first = await issue(srv, kiosk, 's-a01');
    await act(srv, await srv.login('staff1'), 'w1', 'call-next');
    await page.waitForSelector(`[data-testid="window-1-ticket"]:text-is("${first}")`, { timeout: 1_000 });

    await srv.close();
    await page.waitForSelector('[data-testid="connection-mark"]:has-text("连接中断")', { timeout: 5_000 });
    // what is still on screen is dimmed as not current
    expect(await page.locator('.root').getAttribute('class')).toContain('stale');
    await page.screenshot({ path: artifact('display/lobby-offline'), animations: 'disabled' });

    // same file, same port: tokens and tickets survive; a call is made at once, before the screen is back
    srv = await startTestServer({ db, port });
    const staff1 = await srv.login('staff1');
    await act(srv, staff1, 'w1', 'start');
    const second = await issue(srv, kiosk, 's-a01');
    expect(second).not.toBe(first);
    expect((await act(srv, staff1, 'w1', 'call-next'))!.number).toBe(second);

    await page.waitForSelector('[data-testid="connection-mark"]', { state: 'detached', timeout: 10_000 });
    await page.waitForSelector(`[data-testid="window-1-ticket"]:text-is("${second}")`, { timeout: 2_000 });
    expect(await page.locator('.root').getAttribute('class')).not.toContain('stale');
    const recent = await page.locator('[data-testid="recent-calls"] li').allTextContents();
    expect(recent[0]).toContain(second);
    expect(recent.some((r) => r.includes(first))).toBe(true);
    await page.screenshot({ path: artifact('display/lobby-recovered'), animations: 'disabled' });
  }, 40_000);
});
