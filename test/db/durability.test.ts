/**
 * Durability (issue 2): a child process issues tickets and bookings on a file database and is
 * SIGKILLed mid-stream; reopened, every acknowledged ticket and booking is there, and numbering
 * continues without reusing a number.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN, KIOSK, makeHall } from '../helpers/hall.js';

const CHILD = fileURLToPath(new URL('./durability-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'hallq-durable-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the child until it has acknowledged `killAfter` items, SIGKILLs it, and returns every line it printed. */
function runAndKill(file: string, killAfter: number): Promise<{ lines: string[]; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let acked = 0;
    let killed = false;
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`child too slow: ${err}`)); }, 40_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      acked += (chunk.match(/^[TB] /gm) ?? []).length;
      if (!killed && acked >= killAfter) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (c) => (err += c));
    child.on('error', reject);
    // 'close' waits for the pipe to drain: every line written before the kill is counted
    child.on('close', (_code, signal) => {
      clearTimeout(timer);
      if (!killed) reject(new Error(`child ended on its own: ${err}`));
      else resolve({ lines: out.split('\n').filter(Boolean), signal });
    });
  });
}

describe('durability across SIGKILL (synchronous=FULL, WAL)', () => {
  it('every acknowledged ticket and booking survives, and numbering continues without reuse', async () => {
    const file = join(dir, 'hall.db');
    const first = await runAndKill(file, 60);
    const second = await runAndKill(file, 30); // a second crash on the recovered file
    expect(first.signal).toBe('SIGKILL');
    expect(second.signal).toBe('SIGKILL');
    const lines = [...first.lines, ...second.lines];
    const tickets = lines.filter((l) => l.startsWith('T ')).map((l) => l.split(' '));
    const bookings = lines.filter((l) => l.startsWith('B ')).map((l) => l.split(' ')[1]);
    expect(tickets.length).toBeGreaterThanOrEqual(40);
    expect(bookings.length).toBeGreaterThanOrEqual(20);

    const { hall, db } = makeHall({ file, now: '2026-11-23T09:30:00+08:00' });
    for (const [, id, number] of tickets) expect(hall.ticket(id).ticket.number).toBe(number);
    for (const id of bookings) expect(hall.booking(ADMIN, id).status).toBe('booked');
    // numbers printed are unique across both runs: the second run continued the first
    expect(new Set(tickets.map(([, , n]) => n)).size).toBe(tickets.length);

    const before = db.prepare('SELECT number FROM tickets').all().map((r) => (r as { number: string }).number);
    const maxSeq = (q: string) => (db.prepare("SELECT max(seq) m FROM tickets WHERE queue_id = ? AND day = '2026-11-23'").get(q) as { m: number }).m;
    const [a, b] = [maxSeq('qA'), maxSeq('qB')];
    const nextA = hall.issueTicket(KIOSK, { serviceId: 'a1' }).ticket.number;
    const nextB = hall.issueTicket(KIOSK, { serviceId: 'b1' }).ticket.number;
    expect(nextA).toBe(`A${String(a + 1).padStart(3, '0')}`);
    expect(nextB).toBe(`B${String(b + 1).padStart(3, '0')}`);
    expect(before).not.toContain(nextA);
    expect(before).not.toContain(nextB);
    db.close();
  }, 90_000); // two child processes (tsx start-up included) on a loaded CI machine
});
