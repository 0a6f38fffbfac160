/**
 * Starts the real hall server on port 0 with `:memory:` SQLite and a manual clock (Monday
 * 2026-11-23 09:00 Beijing time unless told), seeded with the demo hall. Real HTTP, real Socket.IO.
 */
import { io as connect, type Socket } from 'socket.io-client';
import { createClient, type Client } from '../../protocol/client.js';
import { startHall, type RunningHall, type StartOptions } from '../../server/start.js';
import type { ClientToServerEvents, ServerToClientEvents } from '../../protocol/events.js';

export const MONDAY_9AM = '2026-11-23T09:00:00+08:00';

export interface TestServer {
  url: string;
  running: RunningHall;
  adminToken: string;
  /** bearer token of a demo user (password demo1234, or admin's) */
  login(username: string, password?: string): Promise<string>;
  deviceToken(kind: 'kiosk' | 'display' | 'platform', name: string): Promise<string>;
  setClock(iso: string): Promise<void>;
  /** raw HTTP, for tests that send malformed input on purpose or assert a status */
  api<T = any>(method: string, path: string, opts?: { token?: string; body?: unknown }): Promise<{ status: number; body: T }>;
  /** the typed client (protocol/client.ts) acting with `token`; failures throw ApiError */
  client(token?: string | null): Client;
  /** the typed client acting as admin */
  admin: Client;
  socket(token: string): Socket<ServerToClientEvents, ClientToServerEvents>;
  close(): Promise<void>;
}

export async function startTestServer(opts: {
  now?: string; demo?: boolean; config?: unknown; devices?: boolean; db?: string; port?: number;
  /** the platform push's and SMS sender's timings (issue 17) */
  platform?: StartOptions['platform']; sms?: StartOptions['sms'];
} = {}): Promise<TestServer> {
  const running = await startHall({
    env: {
      HALLQ_PORT: String(opts.port ?? 0), HALLQ_HOST: '127.0.0.1', HALLQ_DB: opts.db ?? ':memory:', HALLQ_CLOCK: 'manual',
      HALLQ_NOW: opts.now ?? MONDAY_9AM, HALLQ_DEMO: opts.demo === false ? '0' : '1', HALLQ_LOG_LEVEL: 'silent',
      HALLQ_ADMIN_PASSWORD: 'admin-test-pw',
    },
    config: opts.config,
    devices: opts.devices ?? false,
    platform: opts.platform,
    sms: opts.sms,
  });
  const url = running.url;
  const sockets: Socket[] = [];
  const api = async (method: string, path: string, o: { token?: string; body?: unknown } = {}) => {
    const res = await fetch(url + path, {
      method,
      headers: { ...(o.token ? { authorization: `Bearer ${o.token}` } : {}), ...(o.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: o.body === undefined ? undefined : typeof o.body === 'string' ? o.body : JSON.stringify(o.body),
    });
    const text = await res.text();
    let body: unknown = text;
    try { body = JSON.parse(text); } catch { /* not JSON: keep the text for the assertion to show */ }
    return { status: res.status, body: body as any };
  };
  const client = (token: string | null = null) => createClient({ base: url, token: () => token });
  const login = async (username: string, password = username === 'admin' ? 'admin-test-pw' : 'demo1234') => {
    try {
      return (await client().call('POST /api/auth/login', { body: { username, password } })).token;
    } catch (e) {
      throw new Error(`login ${username} failed: ${String(e)}`, { cause: e });
    }
  };
  const adminToken = await login('admin');
  const devices = new Map<string, string>();
  const admin = client(adminToken);
  return {
    url, running, adminToken, api, login, client, admin,
    async deviceToken(kind, name) {
      // one token per name for the server's life (registering a name again would revoke the first);
      // `replace` takes over a demo device of that name. A fresh admin sign-in: tests move the clock.
      const key = `${kind}:${name}`;
      if (!devices.has(key)) {
        const r = await client(await login('admin')).call('POST /api/devices', { body: { kind, name, replace: true } });
        devices.set(key, r.token);
      }
      return devices.get(key)!;
    },
    async setClock(iso) {
      await client().call('PUT /api/_clock', { body: { now: iso } });
    },
    socket(token) {
      const s = connect(url, { auth: { token }, transports: ['websocket'], reconnection: true, reconnectionDelay: 100, reconnectionDelayMax: 500 });
      sockets.push(s);
      return s;
    },
    async close() {
      sockets.forEach((s) => s.close());
      await running.close();
    },
  };
}
