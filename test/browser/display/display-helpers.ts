/** Shared steps of the display browser tests: open the page, issue tickets, read the audio log. */
import type { Page } from 'playwright-core';
import type { TestServer } from '../../helpers/server.js';
import type { AudioLogEntry } from '../../../apps/window-display/voice/announcer.js';

let req = 0;

/** a walk-in ticket issued by a kiosk; returns its number */
export async function issue(srv: TestServer, kioskToken: string, serviceId: string): Promise<string> {
  const r = await srv.client(kioskToken).call('POST /api/tickets', { body: { serviceId, requestId: `disp-${process.pid}-${++req}` } });
  return r.ticket.number;
}

/** a window action as its staff member; returns the ticket in the answer */
export async function act(srv: TestServer, token: string, windowId: string, action: string, body: unknown = {}) {
  const r = await srv.api('POST', `/api/windows/${windowId}/${action}`, { token, body });
  if (r.status !== 200) throw new Error(`${action} ${windowId}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.ticket as { number: string; kind: string } | null;
}

export async function openDisplay(page: Page, url: string, fragment: string) {
  await page.goto(`${url}/window-display/#${fragment}`);
  // live: a snapshot arrived and no connection mark is shown
  await page.waitForSelector('.root:not(.stale)', { timeout: 10_000 });
}

export const audioLog = (page: Page) => page.evaluate(() => window.__hallqAudioLog ?? []) as Promise<AudioLogEntry[]>;

/** waits until the clips played so far are exactly `expected` and the last one has ended */
export async function waitForClips(page: Page, expected: string[], timeout = 30_000): Promise<AudioLogEntry[]> {
  await page.waitForFunction(
    (n) => { const l = window.__hallqAudioLog ?? []; return l.length >= n && l[n - 1].endedAt !== undefined; },
    expected.length, { timeout, polling: 100 },
  );
  return audioLog(page);
}
