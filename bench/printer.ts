/**
 * Ticket printing cost: building the ESC/POS bytes of one ticket, and the round trip of a print
 * (status check, send, GS r confirmation) against the virtual printer over loopback TCP, PNG
 * rendering off (it is a simulator cost, not a printer one). Run alone: `npx tsx bench/printer.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createPrinter, renderTicketBytes, startVirtualPrinter, type TicketPrintJob } from '../drivers/printer/index.js';

const PRINTS = 20;
const job: TicketPrintJob = {
  hallName: '商洛市政务服务中心', ticketNumber: 'A012', kind: 'reservation', serviceName: '不动产登记', slot: '09:30',
  waitingAhead: 3, issuedAt: '2026-11-23T09:12:45+08:00', statusUrl: 'http://127.0.0.1:8080/t/5b1e0c2a', notices: ['过号请重新取号'],
};
const round = (n: number) => Math.round(n * 100) / 100;
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

export async function benchPrinter(): Promise<Record<string, number>> {
  let t = performance.now();
  for (let i = 0; i < 200; i++) renderTicketBytes(job, 80);
  const bytesMs = (performance.now() - t) / 200;

  const dir = mkdtempSync(path.join(tmpdir(), 'hallq-bench-prints-'));
  const vp = await startVirtualPrinter({ dir, png: false });
  const printer = createPrinter({ interface: `tcp://127.0.0.1:${vp.port}`, paperWidth: 80 });
  const times: number[] = [];
  try {
    for (let i = 0; i < PRINTS; i++) {
      t = performance.now();
      const out = await printer.print(job);
      if (!out.ok) throw new Error(`bench print failed: ${out.fault}`);
      times.push(performance.now() - t);
    }
  } finally {
    await printer.close();
    await vp.close();
    rmSync(dir, { recursive: true, force: true });
  }
  times.sort((a, b) => a - b);
  return {
    ticketBytesMs: round(bytesMs),
    printRoundTripP50Ms: round(pct(times, 50)),
    printRoundTripP95Ms: round(pct(times, 95)),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(await benchPrinter());
}
