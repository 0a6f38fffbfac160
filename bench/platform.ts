/**
 * Platform link bench (issue 17): the outbox's delivery throughput to a local receiver (events/s,
 * batches of 100, each signed), and tickets issued per second through the hall with durable commits,
 * with the outbox on (every ticket.issued also writes its outbox row) and off, in adjacent pairs whose
 * median ratio is the figure. Goal: on ≥ 80 % of off. Run alone: `npx tsx bench/platform.ts`.
 */
import { createServer } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pino from 'pino';
import { ManualClock } from '../server/clock.js';
import { openDb } from '../server/db/open.js';
import { createRepos } from '../server/db/repos.js';
import { Hall, type Actor } from '../server/hall.js';
import { DEFAULT_HOURS } from '../server/engine/calendar.js';
import { DEFAULT_POLICY } from '../server/engine/policy.js';
import { PlatformDelivery, sign } from '../server/platform/delivery.js';

const ADMIN: Actor = { kind: 'user', id: 'u-bench', role: 'admin' };
const KIOSK: Actor = { kind: 'device', id: 'd-bench', role: 'kiosk' };
const START = '2026-11-23T09:00:00+08:00';
const EVENTS = 5000;
const PAIRS = 5;
const ISSUE_MS = 600;
const round = (n: number) => Math.round(n * 10) / 10;

function benchHall(file: string, outbox: boolean) {
  const hall = new Hall(createRepos(openDb(file)), new ManualClock(START), {
    hallName: 'bench', hours: DEFAULT_HOURS, policy: DEFAULT_POLICY, secret: 'bench-secret',
    platform: { secret: 'bench-platform-secret', personalData: 'masked', retentionDays: 7 },
  }, pino({ level: 'silent' }));
  hall.catalog.import(ADMIN, {
    queues: [{ id: 'qA', name: '综合受理', prefix: 'A', sortOrder: 0 }],
    services: [{ id: 'a1', code: '11610000MB0000001A', name: '营业执照', queueId: 'qA', bookable: true, extended: false, slotCapacity: 4 }],
    windows: [{ id: 'w1', number: 1, name: '综合窗口', queueIds: ['qA'], reservationOnly: false, status: 'open' }],
  });
  // "off": the hall without its outbox and SMS taps (a bench-only reach into the closed hall)
  if (!outbox) (hall as unknown as { core: { taps: unknown[] } }).core.taps.length = 0;
  return hall;
}

function issueRate(dir: string, outbox: boolean, n: number): number {
  const hall = benchHall(join(dir, `issue-${outbox ? 'on' : 'off'}-${n}.db`), outbox);
  for (let i = 0; i < 50; i++) hall.issueTicket(KIOSK, { serviceId: 'a1' }); // warm
  let count = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < ISSUE_MS) { hall.issueTicket(KIOSK, { serviceId: 'a1' }); count++; }
  return count / ((performance.now() - t0) / 1000);
}

/**
 * The loop's synchronous work per batch (read 100 events, render, stringify, sign), the longest of 20
 * batches: what one step holds the event loop for (goal < 10 ms), apart from the cursor's commit,
 * which is stored at most once a second.
 */
function batchSyncMs(dir: string): number {
  const hall = benchHall(join(dir, 'sync.db'), true);
  for (let i = 0; i < 2000; i++) hall.issueTicket(KIOSK, { serviceId: 'a1' });
  let max = 0;
  for (let after = 0; after < 2000; after += 100) {
    const t0 = performance.now();
    sign('bench-platform-secret', JSON.stringify({ hall: 'bench', events: hall.platform.nextBatch(after, 100) }));
    max = Math.max(max, performance.now() - t0);
  }
  return max;
}

/** events/s delivered, and the event loop's delay meanwhile (median and longest, ms) */
async function deliveryThroughput(dir: string): Promise<{ perSecond: number; loopDelayP50Ms: number; maxLoopDelayMs: number }> {
  let received = 0;
  let done: () => void = () => {};
  const all = new Promise<void>((r) => (done = r));
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received += (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { events: unknown[] }).events.length;
      res.writeHead(204).end();
      if (received >= EVENTS) done();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const hall = benchHall(join(dir, 'delivery.db'), true);
  for (let i = 0; i < EVENTS; i++) hall.issueTicket(KIOSK, { serviceId: 'a1' });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  Object.assign(hall.platform.config().platform!, { webhookUrl: url });
  const delivery = new PlatformDelivery(hall, pino({ level: 'silent' }), { idleMs: 5 });
  // the receiver runs in this process too: the figure bounds what delivery and receiving hold together
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const t0 = performance.now();
  delivery.start();
  await all;
  const s = (performance.now() - t0) / 1000;
  loop.disable();
  await delivery.stop();
  server.close();
  return { perSecond: EVENTS / s, loopDelayP50Ms: loop.percentile(50) / 1e6, maxLoopDelayMs: loop.max / 1e6 };
}

export async function benchPlatform(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'hallq-bench-platform-'));
  try {
    const { perSecond, loopDelayP50Ms, maxLoopDelayMs } = await deliveryThroughput(dir);
    const syncMs = batchSyncMs(dir);
    console.log(`  outbox delivery to a local receiver: ${Math.round(perSecond)} events/s (batches of 100, signed)`);
    console.log(`  one batch's synchronous work: ${round(syncMs)} ms at most (goal < 10); event-loop delay while delivering: ` +
      `median ${round(loopDelayP50Ms)} ms, longest ${round(maxLoopDelayMs)} ms (a shared machine's scheduling included)`);
    const ratios: number[] = [];
    let on = 0, off = 0;
    for (let i = 0; i < PAIRS; i++) {
      const a = issueRate(dir, false, i);
      const b = issueRate(dir, true, i);
      ratios.push(b / a);
      off += a / PAIRS;
      on += b / PAIRS;
    }
    const median = ratios.sort((x, y) => x - y)[Math.floor(PAIRS / 2)];
    console.log(`  tickets issued/s, outbox off: ${Math.round(off)}, on: ${Math.round(on)} (median pair ratio ${round(median * 100)} %, goal ≥ 80 %)`);
    return {
      platformDeliveryEventsPerSecond: Math.round(perSecond),
      platformBatchSyncMaxMs: round(syncMs),
      platformDeliveryLoopDelayP50Ms: round(loopDelayP50Ms),
      platformDeliveryLoopDelayMaxMs: round(maxLoopDelayMs),
      issuePerSecondOutboxOff: Math.round(off),
      issuePerSecondOutboxOn: Math.round(on),
      issueOutboxOnVsOffPercent: round(median * 100),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const figures = await benchPlatform();
  console.log(JSON.stringify(figures));
}
