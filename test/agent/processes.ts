/**
 * The hall server and a kiosk PC's device agent as separate processes, as they run in a hall: the
 * server is `server/main.ts --demo` on a file database in a temp folder, the agent `agent/main.ts`
 * with HALLQ_SERVER, HALLQ_TOKEN and HALLQ_AGENT_CONFIG. Waits poll with generous deadlines (a
 * loaded 2-core machine starts tsx slowly); nothing is asserted on a fixed sleep.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { io as connect, type Socket } from 'socket.io-client';
import type { DeviceHealth, DeviceScanEvent, PrintResultEvent } from '../../protocol/events.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Deadlines, not durations: on an idle 2-core machine a test here takes 5–15 s (a tsx start is
 * most of it). On a loaded one (several test runs at once) a process may take many times that to
 * start, so waits are generous and a test fails only when something never happens.
 */
export const BOOT_MS = 45_000;
export const TEST_MS = 90_000;

export interface Proc {
  child: ChildProcess;
  out: () => string;
  exit: Promise<number | null>;
  /** SIGTERM, then SIGKILL if it lingers; resolves with the exit code */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

function run(script: string, args: string[], env: Record<string, string>): Proc {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => {
    out += d;
  });
  child.stderr!.on('data', (d) => {
    out += d;
  });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    out: () => out,
    exit,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(signal);
        const t = setTimeout(() => child.kill('SIGKILL'), 8_000);
        await exit;
        clearTimeout(t);
      }
      return exit;
    },
  };
}

export async function waitFor<T>(probe: () => T | Promise<T>, ms: number, what: string): Promise<NonNullable<T>> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v as NonNullable<T>;
    if (Date.now() > until) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface HallProcess {
  url: string;
  dir: string;
  kioskToken: string;
  proc: Proc;
  /** stops the server and starts it again on the same port and database (the demo tokens stay) */
  restart(): Promise<void>;
  api<T = unknown>(method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: T }>;
  /** a staff member's token (GET /api/devices/health) */
  staff(): Promise<string>;
  admin(): Promise<string>;
  health(): Promise<DeviceHealth[]>;
  /** a walk-in ticket at the demo kiosk: the response body */
  issue(token?: string): Promise<{ ticket: { id: string; number: string }; print: 'queued' | 'none' }>;
  /** a socket.io client as the kiosk page: what it hears */
  kioskPage(token?: string): Promise<{ socket: Socket; prints: PrintResultEvent[]; scans: DeviceScanEvent[] }>;
  close(): Promise<void>;
}

export async function startHallProcess(): Promise<HallProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'hallq-agent-test-'));
  const launch = async (port: string) => {
    const proc = run('server/main.ts', ['--demo'], {
      HALLQ_PORT: port,
      HALLQ_DB: join(dir, 'hall.db'),
      HALLQ_SKIP_BUILD: '1',
      HALLQ_LOG_LEVEL: 'warn',
    });
    const line = await waitFor(
      () => /取号机 kiosk\s+(http:\/\/127\.0\.0\.1:(\d+))\/kiosk\/#token=(\S+)/.exec(proc.out()),
      45_000,
      `the server's kiosk line (${proc.out()})`,
    );
    return { proc, url: line[1], port: line[2], kioskToken: line[3] };
  };
  const first = await launch('0');
  const { url, kioskToken, proc } = first;
  const sockets: Socket[] = [];
  const api = async <T>(method: string, path: string, token: string, body?: unknown) => {
    const r = await fetch(url + path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: r.status, body: (await r.json()) as T };
  };
  const login = async (username: string, password: string) => {
    const r = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    return ((await r.json()) as { token: string }).token;
  };
  let staffToken: string | null = null;
  let serviceId: string | null = null;
  const h: HallProcess = {
    url,
    dir,
    kioskToken,
    proc,
    api,
    async restart() {
      await h.proc.stop();
      h.proc = (await launch(first.port)).proc;
    },
    async staff() {
      return (staffToken ??= await login('staff1', 'demo1234'));
    },
    admin: () => login('admin', 'admin1234'),
    async health() {
      return (await api<DeviceHealth[]>('GET', '/api/devices/health', await h.staff())).body;
    },
    async issue(token = kioskToken) {
      serviceId ??= (await api<{ id: string }[]>('GET', '/api/services', token)).body[0].id;
      const r = await api<{ ticket: { id: string; number: string }; print: 'queued' | 'none' }>('POST', '/api/tickets', token, {
        serviceId,
      });
      if (r.status !== 201) throw new Error(`ticket not issued: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    },
    async kioskPage(token = kioskToken) {
      const socket = connect(url, { auth: { token }, transports: ['websocket'], reconnectionDelay: 100, reconnectionDelayMax: 500 });
      sockets.push(socket);
      const prints: PrintResultEvent[] = [];
      const scans: DeviceScanEvent[] = [];
      socket.on('print:result', (e: PrintResultEvent) => prints.push(e));
      socket.on('device:scan', (e: DeviceScanEvent) => scans.push(e));
      await waitFor(() => socket.connected, 10_000, 'the kiosk page socket');
      return { socket, prints, scans };
    },
    async close() {
      sockets.forEach((s) => s.close());
      await h.proc.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return h;
}

let configs = 0;
/** `npm run agent` with this config (the `devices` list); HALLQ_LOG_LEVEL info, so its log can be read */
/** `devices` null: no HALLQ_AGENT_CONFIG (the demo's simulators, with `--demo`) */
export function startAgent(
  hall: HallProcess,
  devices: unknown[] | null,
  o: { token?: string; args?: string[]; env?: Record<string, string> } = {},
): Proc {
  const config = join(hall.dir, `agent-${++configs}.json`);
  if (devices) writeFileSync(config, JSON.stringify({ devices }));
  return run('agent/main.ts', o.args ?? [], {
    HALLQ_SERVER: hall.url,
    HALLQ_TOKEN: o.token ?? hall.kioskToken,
    ...(devices ? { HALLQ_AGENT_CONFIG: config } : {}),
    HALLQ_LOG_LEVEL: 'info',
    HALLQ_AGENT_PRINTS: join(hall.dir, 'agent-prints'),
    ...o.env,
  });
}

/** the agent's devices as the server lists them, once each has the wanted status */
export async function agentHealth(
  hall: HallProcess,
  kiosk: string,
  ids: string[],
  status: DeviceHealth['status'],
  ms = BOOT_MS,
): Promise<DeviceHealth[]> {
  return waitFor(
    async () => {
      const list = (await hall.health()).filter((d) => ids.includes(d.id.replace(`${kiosk}/`, '')) && d.id.startsWith(`${kiosk}/`));
      return list.length === ids.length && list.every((d) => d.status === status) ? list : null;
    },
    ms,
    `${kiosk}'s agent devices ${ids.join(', ')} ${status}`,
  );
}
