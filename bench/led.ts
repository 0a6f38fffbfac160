/**
 * LED update latency: from "call happened" (LedScreen.showCall invoked, as the device manager does
 * on `ticket:called`) to the last byte of that screen's commit frame on the wire, for 40 screens
 * on one simulated RS-485 bus at 9600 baud with wire-time delay, against the theoretical wire time
 * (bytes × 10 / 9600 s: 8N1, every request and reply byte of the update, nothing else).
 * Run alone: `npx tsx bench/led.ts`.
 */
import { pathToFileURL } from 'node:url';
import { ModbusBus, wireTimeMs } from '../drivers/rs485/bus.js';
import { createSimulatedBus } from '../drivers/rs485/sim-bus.js';
import { LedScreen } from '../drivers/led/screen.js';
import { LedSimulator } from '../drivers/led/simulator.js';
import { REG_COMMIT } from '../drivers/led/registers.js';

const BAUD = 9600;
const SCREENS = 40;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const round = (n: number) => Math.round(n * 10) / 10;

export async function benchLed(): Promise<Record<string, number>> {
  const sim = createSimulatedBus({ baudRate: BAUD });
  const bus = await ModbusBus.open({ path: sim.path, binding: sim.binding, baudRate: BAUD });
  const screens: LedScreen[] = [];
  for (let i = 1; i <= SCREENS; i++) {
    sim.attach(new LedSimulator(i));
    screens.push(new LedScreen(bus, i, i));
  }
  // when each screen's commit frame (the update's last request) finished on the wire
  const committedAt = new Map<number, number>();
  let updateBytes = 0;
  sim.onFrame((f) => {
    updateBytes += f.bytes.length;
    if (f.from === 'master' && f.bytes.readUInt16BE(2) === REG_COMMIT) committedAt.set(f.bytes[0], f.at);
  });

  try {
    // one call on an idle bus
    const t0 = performance.now();
    await screens[0].showCall('A001', 1);
    const single = committedAt.get(1)! - t0;
    const perScreenBytes = updateBytes;
    // the commit frame is the update's last request; its echo (8 bytes) follows after the latency mark
    const singleWire = wireTimeMs(perScreenBytes - 8, BAUD);

    // 40 calls at the same instant (e.g. the morning opening): the bus serialises them
    committedAt.clear();
    const t1 = performance.now();
    await Promise.all(screens.map((s, i) => s.showCall(`A${String(i + 2).padStart(3, '0')}`, i + 1)));
    const latencies = screens.map((_, i) => committedAt.get(i + 1)! - t1).sort((a, b) => a - b);
    const burstWireLast = wireTimeMs(SCREENS * perScreenBytes - 8, BAUD);
    const max = latencies[latencies.length - 1];

    const result = {
      'led.bytesPerUpdate': perScreenBytes,
      'led.single.latencyMs': round(single),
      'led.single.wireMs': round(singleWire),
      'led.single.overheadPct': round(((single - singleWire) / singleWire) * 100),
      'led.burst40.firstMs': round(latencies[0]),
      'led.burst40.p50Ms': round(percentile(latencies, 50)),
      'led.burst40.p95Ms': round(percentile(latencies, 95)),
      'led.burst40.maxMs': round(max),
      'led.burst40.wireMaxMs': round(burstWireLast),
      'led.burst40.overheadPct': round(((max - burstWireLast) / burstWireLast) * 100),
    };
    console.log(`LED update latency, ${SCREENS} screens on one bus at ${BAUD} baud (${perScreenBytes} bytes per update on the wire)`);
    console.log(`  one call, idle bus: ${result['led.single.latencyMs']} ms (wire ${result['led.single.wireMs']} ms, +${result['led.single.overheadPct']}%)`);
    console.log(`  ${SCREENS} calls at once: first ${result['led.burst40.firstMs']} ms, p50 ${result['led.burst40.p50Ms']} ms, ` +
      `p95 ${result['led.burst40.p95Ms']} ms, last ${result['led.burst40.maxMs']} ms (wire ${result['led.burst40.wireMaxMs']} ms, +${result['led.burst40.overheadPct']}%)`);
    return result;
  } finally {
    await bus.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchLed().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
