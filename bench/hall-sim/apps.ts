/**
 * The real apps during the simulation: one staff console (signed in, at window 1) and one lobby
 * screen in Debian's Chromium. Once each has loaded, every HTTP request it sends to /api and every
 * Socket.IO event it receives is counted, so "requests per event" is what the apps really do when
 * the hall is busy (the goal: none — a screen applies what an event told it).
 */
import { existsSync } from 'node:fs';
import { setPriority } from 'node:os';
import { chromium, type Browser, type Page } from 'playwright-core';
import { pidsOfCommand } from './hall.js';

export interface AppsWatch { figures(): Promise<Record<string, number>>; requested(): string[]; close(): Promise<void> }

const CHROMIUM = process.env.HALLQ_CHROMIUM ?? '/usr/bin/chromium';

/**
 * `afterSnapshot`: requests sent within SNAPSHOT_LOAD_MS of a `state:snapshot` (a reconnect on a starved
 * machine: the app loads once what the snapshot does not carry); the rest followed events.
 */
interface Counter { requests: number; afterSnapshot: number; snapshots: number; events: number; counting: boolean; paths: Set<string>; snapshotAt: number }
const SNAPSHOT_LOAD_MS = 5_000;

function count(page: Page): Counter {
  const c: Counter = { requests: 0, afterSnapshot: 0, snapshots: 0, events: 0, counting: false, paths: new Set(), snapshotAt: -Infinity };
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (!c.counting || !path.startsWith('/api/')) return;
    if (performance.now() - c.snapshotAt < SNAPSHOT_LOAD_MS) { c.afterSnapshot++; c.paths.add(`${r.method()} ${path} (after a reconnect's snapshot)`); }
    else { c.requests++; c.paths.add(`${r.method()} ${path}`); }
  });
  page.on('websocket', (ws) => ws.on('framereceived', (f) => {
    if (!c.counting || typeof f.payload !== 'string' || !f.payload.startsWith('42')) return;
    if (f.payload.startsWith('42["state:snapshot"')) { c.snapshots++; c.snapshotAt = performance.now(); }
    else c.events++;
  }));
  return c;
}

/**
 * In a hall each app runs on a PC of its own; here Chromium shares the server's two cores with the
 * server and the timed sockets (through a soak, or in the apps' phase of a compressed hour), so it and
 * the renderers it forks later (which inherit it) get the lowest CPU priority: it still receives and
 * applies every event, only later when the machine is busy, and what it requests is counted as before.
 */
function lowestPriority(commandPrefix: string) {
  for (const pid of pidsOfCommand(commandPrefix)) {
    try { setPriority(pid, 19); } catch { /* gone meanwhile, or not ours */ }
  }
}

export async function watchApps(url: string, displayToken: string, username: string, password: string): Promise<AppsWatch | null> {
  if (!existsSync(CHROMIUM)) return null;
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--autoplay-policy=no-user-gesture-required'] });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });

  const consolePage = await context.newPage();
  const consoleCount = count(consolePage);
  await consolePage.goto(`${url}/console/`);
  await consolePage.getByLabel('用户名').fill(username);
  await consolePage.getByLabel('密码').fill(password);
  await consolePage.getByRole('button', { name: '登录', exact: true }).click();
  await consolePage.getByRole('button', { name: /^1号窗口/ }).click();
  await consolePage.getByRole('button', { name: '叫号', exact: true }).waitFor({ timeout: 20_000 });

  const lobby = await context.newPage();
  const lobbyCount = count(lobby);
  await lobby.goto(`${url}/window-display/#token=${displayToken}&voice=0`);
  await lobby.waitForSelector('.root:not(.stale)', { timeout: 20_000 });

  await new Promise((r) => setTimeout(r, 1_000)); // what loading asked for has been answered
  lowestPriority('chrom');
  consoleCount.counting = lobbyCount.counting = true;
  const per = (c: Counter) => (c.events ? Math.round((c.requests / c.events) * 1000) / 1000 : NaN);
  return {
    figures: async () => ({
      'sim.apps.console.events': consoleCount.events,
      'sim.apps.console.requests': consoleCount.requests,
      'sim.apps.console.requestsPerEvent': per(consoleCount),
      'sim.apps.console.snapshots': consoleCount.snapshots,
      'sim.apps.console.requestsAfterSnapshot': consoleCount.afterSnapshot,
      'sim.apps.lobby.snapshots': lobbyCount.snapshots,
      'sim.apps.lobby.requestsAfterSnapshot': lobbyCount.afterSnapshot,
      'sim.apps.lobby.events': lobbyCount.events,
      'sim.apps.lobby.requests': lobbyCount.requests,
      'sim.apps.lobby.requestsPerEvent': per(lobbyCount),
    }),
    requested: () => [...consoleCount.paths].map((p) => `console ${p}`).concat([...lobbyCount.paths].map((p) => `lobby ${p}`)),
    close: () => browser.close(),
  };
}
