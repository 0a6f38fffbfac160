/**
 * `npm run bench`: every bench in one run, human-readable lines first, then ONE final JSON line of
 * all figures (name → value) so runs can be compared over time. Benches owned by others are loaded
 * dynamically and skipped with a note when absent.
 */
import { benchEngine } from './engine.js';

type Bench = () => Promise<Record<string, number>>;

/** Loads `exportName` from a sibling bench module, or null (with the reason) when it is not there. */
async function optional(module: string, exportName: string): Promise<Bench | string> {
  try {
    const m = (await import(module)) as Record<string, unknown>;
    const fn = m[exportName];
    return typeof fn === 'function' ? (fn as Bench) : `${module} has no ${exportName}()`;
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' && String((err as Error).message).includes(module.replace('./', '')))
      return `${module} not present`;
    throw err;
  }
}

const figures: Record<string, number> = {};
const benches: [string, Bench | string][] = [
  ['engine', benchEngine],
  ['http', await optional('./http.js', 'benchHttp')],
  ['led', await optional('./led.js', 'benchLed')],
  ['printer', await optional('./printer.js', 'benchPrinter')],
  ['event loop while printing', await optional('./loop-delay.js', 'benchLoopDelay')],
  ['kiosk bundle', await optional('./kiosk-bundle.js', 'benchKioskBundle')],
  ['issue rate with 20,000 waiting', await optional('./deep-line.js', 'benchDeepLine')],
  ['whole hall simulated', await optional('./hall-sim.js', 'benchHallSim')],
  ['reports', await optional('./reports.js', 'benchReports')],
  ['platform link', await optional('./platform.js', 'benchPlatform')],
];

for (const [name, bench] of benches) {
  if (typeof bench === 'string') {
    console.log(`[${name}] skipped: ${bench}`);
    continue;
  }
  console.log(`[${name}]`);
  Object.assign(figures, await bench());
}
console.log(JSON.stringify(figures));
