/**
 * The simulated hall (issue 20): 10 queues, 20 services, 100 windows each serving two queues, run by
 * the real server in its own process (so its CPU and memory are its own, read from /proc), on a file
 * database and the system clock (a soak runs for hours), open around the clock on every kind of day.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WINDOWS = 100;
const QUEUES = 'ABCDEFGHJK'.split('');
export const SERVICES = QUEUES.flatMap((p, q) => [0, 1].map((i) => ({ id: `s-${p}${i}`, code: `SIM-${p}${i}`, name: `事项${p}${i}`, queueId: `q${q}` })));
export const ADMIN_PASSWORD = 'sim-admin-password';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function hallConfig() {
  return {
    hall: { name: '模拟政务服务中心' },
    // open around the clock on every kind of day, so a run never meets a closing time
    hours: { days: Object.fromEntries(['workday', 'weekend', 'holiday', 'makeup-workday']
      .map((kind) => [kind, [{ sessions: [{ kind: 'regular', start: '00:00', end: '24:00' }] }]])) },
    catalog: {
      queues: QUEUES.map((prefix, i) => ({ id: `q${i}`, name: `队列${prefix}`, prefix })),
      services: SERVICES,
      windows: Array.from({ length: WINDOWS }, (_, i) => ({
        id: `w${i + 1}`, number: i + 1, name: `${i + 1}号窗口`,
        queueIds: [`q${i % QUEUES.length}`, `q${(i + 1) % QUEUES.length}`],
      })),
    },
  };
}

const TICKS = 100; // USER_HZ on Linux

/** A process's CPU seconds so far (user + system), from /proc; 0 once it is gone. */
export function cpuSecondsOf(pid: number): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / TICKS; // utime + stime
  } catch {
    return 0;
  }
}

/** The ids of every running process whose command name starts with `prefix` (e.g. Chromium's). */
export function pidsOfCommand(prefix: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').startsWith(prefix)) pids.push(Number(entry));
    } catch { /* gone meanwhile */ }
  }
  return pids;
}

/** CPU seconds of every running process whose command name starts with `prefix`. */
export const cpuSecondsOfCommand = (prefix: string) => pidsOfCommand(prefix).reduce((s, pid) => s + cpuSecondsOf(pid), 0);

export interface SimServer { url: string; pid: number; cpuSeconds(): number; rssMb(): number; stop(): Promise<void> }

/** Starts `server/main.ts` (not the demo) on the simulated hall; resolves once it listens. */
export function startServer(dir: string): Promise<SimServer> {
  const config = join(dir, 'hall.json');
  writeFileSync(config, JSON.stringify(hallConfig()));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env, HALLQ_CONFIG: config, HALLQ_DB: join(dir, 'hall.db'), HALLQ_PORT: '0', HALLQ_HOST: '127.0.0.1',
      HALLQ_ADMIN_PASSWORD: ADMIN_PASSWORD, HALLQ_LOG_LEVEL: 'warn', HALLQ_SKIP_BUILD: '1',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const pid = child.pid!;
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the server did not start within 60 s:\n${out}`)), 60_000);
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}:\n${out}`)));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /hallq listening on (http:\/\/\S+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout!.removeAllListeners('data');
      child.stdout!.resume();
      resolve({
        url: m[1], pid,
        cpuSeconds: () => cpuSecondsOf(pid),
        rssMb: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024,
        stop: () => new Promise<void>((r) => {
          child.removeAllListeners('exit');
          child.once('exit', () => r());
          child.kill('SIGTERM');
        }),
      });
    });
  });
}
