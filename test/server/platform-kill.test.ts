/**
 * A SIGKILL between commit and delivery loses no platform event (issue 17): a child server commits
 * tickets while its platform is unreachable and is killed; restarted on the same file with a live
 * receiver, it pushes every committed ticket's event, in seq order without a gap.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startReceiver } from '../helpers/receiver.js';
import { startTestServer } from '../helpers/server.js';

const CHILD = fileURLToPath(new URL('./platform-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'hallq-platform-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runAndKill(file: string, webhookUrl: string, killAfter: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file, webhookUrl], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let killed = false;
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`child too slow: ${err}`)); }, 30_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      if (!killed && (out.match(/^T /gm) ?? []).length >= killAfter) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (c) => (err += c));
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      if (!killed) reject(new Error(`child ended on its own: ${err}`));
      else resolve(out.split('\n').filter((l) => l.startsWith('T ')).map((l) => l.slice(2)));
    });
  });
}

describe('platform outbox across SIGKILL', () => {
  it('every committed ticket reaches the platform after the restart, in seq order, without a gap', async () => {
    const file = join(dir, 'hall.db');
    const dead = await startReceiver();
    const deadUrl = dead.url;
    await dead.close(); // a closed port: every connection refused
    const tickets = await runAndKill(file, deadUrl, 40);
    expect(tickets.length).toBeGreaterThanOrEqual(40);

    const rx = await startReceiver();
    const s = await startTestServer({ db: file, config: { platform: { webhookUrl: rx.url, secret: 'platform-test-secret-0123456789' } },
      platform: { baseMs: 5, capMs: 50, idleMs: 10 } });
    try {
      // the stored platform section still names the dead URL (the file seeds only an empty database): point it here
      expect((await s.api('PUT', '/api/config/platform', { token: s.adminToken, body: { webhookUrl: rx.url, secret: 'platform-test-secret-0123456789' } })).status).toBe(200);
      type Ev = { seq: number; type: string; data: { ticketId?: string } };
      const evs = () => rx.requests.filter((q) => q.answered === 'ok').flatMap((q) => (JSON.parse(q.body) as { events: Ev[] }).events);
      await rx.until(() => tickets.every((id) => evs().some((e) => e.type === 'ticket.issued' && e.data.ticketId === id)), 20_000);
      const seqs = [...new Set(evs().map((e) => e.seq))];
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    } finally {
      await s.close();
      await rx.close();
    }
  }, 60_000);
});
