/**
 * Issue 20: the issue path's cost must not grow with the line. Tickets/s over HTTP from 16 kiosks
 * (bench/http.ts's loop) with an empty line, then with 20,000 tickets waiting (put in through the
 * hall's own command, as a kiosk, so every index and count is what HTTP would have made).
 * Goal: with 20,000 waiting a ticket costs at most 1.5× what it costs with none.
 * Run alone: `npx tsx bench/deep-line.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SYSTEM } from '../server/hall.js';
import { post, startBenchHall, ticketRate } from './http.js';

const WAITING = 20_000;
const SERVICES = ['s-a01', 's-b01', 's-c01', 's-d01', 's-e01', 's-f01'];

export async function benchDeepLine(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'hallq-bench-deep-'));
  const hall = await startBenchHall(dir);
  try {
    const created = Array.from({ length: 16 }, (_, i) => hall.auth.createDevice(SYSTEM, { kind: 'kiosk', name: `deep-kiosk-${i}` }));
    const issue = (round: string) => async (k: number, n: number) => {
      await post(`${hall.url}/api/tickets`, created[k].token, { serviceId: SERVICES[(k + n) % SERVICES.length], requestId: `${round}-${k}-${n}` });
    };
    const empty = await ticketRate(issue('empty'));
    const kiosk = { kind: 'device' as const, id: created[0].id, role: 'kiosk' as const, name: 'deep-kiosk-0' };
    const t0 = performance.now();
    // in slices, so the server's timers and idle connections are served meanwhile as in a real hall
    for (let i = 0; i < WAITING; i++) {
      hall.hall.issueTicket(kiosk, { serviceId: SERVICES[i % SERVICES.length] });
      if (i % 100 === 99) await new Promise((r) => setImmediate(r));
    }
    const fillS = (performance.now() - t0) / 1000;
    const deep = await ticketRate(issue('deep'));
    const r = {
      'deepLine.tickets16.emptyPerSec': Math.round(empty),
      'deepLine.tickets16.waiting20kPerSec': Math.round(deep),
      'deepLine.costRatio': Math.round((empty / deep) * 100) / 100,
    };
    console.log(`tickets over HTTP, 16 kiosks: ${r['deepLine.tickets16.emptyPerSec']}/s with an empty line, ${r['deepLine.tickets16.waiting20kPerSec']}/s with ${WAITING} waiting (filled in ${fillS.toFixed(1)} s)`);
    console.log(`  cost ratio ${r['deepLine.costRatio']}× (goal ≤ 1.5×: ${r['deepLine.costRatio'] <= 1.5 ? 'goal met' : 'GOAL MISSED'})`);
    return r;
  } finally {
    await hall.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchDeepLine().then(() => process.exit(0), (err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
