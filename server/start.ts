/**
 * The composition root: config → db → hall → auth → http + realtime → devices. No module-level
 * singletons: everything is built here and passed down. Used by `main.ts` and by tests (port 0,
 * `:memory:`, a manual clock).
 */
import { createServer, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { openDb } from './db/open.js';
import { createRepos } from './db/repos.js';
import { ManualClock, SystemClock } from './clock.js';
import { Hall } from './hall.js';
import { Auth } from './auth/auth.js';
import { Limiter } from './auth/limiter.js';
import { verifyPassword } from './auth/passwords.js';
import { createApp } from './http/app.js';
import { attachRealtime, type Realtime } from './realtime/io.js';
import { hoursOf, loadHallConfig, parseEnv, parseHallConfig, type Env, type HallConfig } from './config.js';
import { DEMO_ADMIN_PASSWORD, DEMO_KIOSKS, DEMO_WINDOW_NUMBERS, seedDemo } from './demo.js';
import { DEFAULT_POLICY } from './engine/policy.js';
import { startDevices, type DevicesHandle } from './devices-binding.js';
import type { ServerContext } from './http/context.js';

export const VERSION = '0.1.0';
const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

export interface StartOptions {
  env?: Partial<Env> | NodeJS.ProcessEnv;
  /** a parsed hall config object, instead of HALLQ_CONFIG */
  config?: unknown;
  logger?: pino.Logger;
  distDir?: string;
  /** run device simulators / drivers (default: true) */
  devices?: boolean;
}

export interface RunningHall {
  url: string;
  port: number;
  hall: Hall;
  auth: Auth;
  realtime: Realtime;
  devices: DevicesHandle | null;
  config: HallConfig;
  env: Env;
  /** the demo's device tokens by name (kiosks, lobby display), made fresh at each start */
  demoTokens: Record<string, string>;
  adminPassword: string | null;
  close(): Promise<void>;
}

function ensureAdmin(auth: Auth, hall: Hall, env: Env, demo: boolean, log: pino.Logger): string | null {
  const existing = hall.repos.users.byUsername('admin');
  if (env.HALLQ_ADMIN_PASSWORD) {
    // only a changed password resets it (and revokes admin's tokens): a restart must not log the admin out
    if (existing) {
      if (!verifyPassword(env.HALLQ_ADMIN_PASSWORD, existing.password_hash)) auth.setPassword('admin', env.HALLQ_ADMIN_PASSWORD);
    } else auth.createUser({ username: 'admin', name: '管理员', role: 'admin', password: env.HALLQ_ADMIN_PASSWORD }, 'u-admin');
    return env.HALLQ_ADMIN_PASSWORD;
  }
  if (existing) return demo ? DEMO_ADMIN_PASSWORD : null;
  const password = demo ? DEMO_ADMIN_PASSWORD : randomBytes(9).toString('base64url');
  auth.createUser({ username: 'admin', name: '管理员', role: 'admin', password }, 'u-admin');
  if (!demo) log.warn('created user admin with a generated password (printed once on stdout)');
  return password;
}

function qrSecret(hall: Hall): string {
  let s = hall.repos.settings.get('qr-secret');
  if (!s) {
    s = randomBytes(32).toString('base64url');
    hall.repos.settings.put('qr-secret', s);
  }
  return s;
}

export async function startHall(opts: StartOptions = {}): Promise<RunningHall> {
  const env = parseEnv({ ...(opts.env as NodeJS.ProcessEnv) });
  const config = opts.config !== undefined ? parseHallConfig(opts.config) : loadHallConfig(env.HALLQ_CONFIG);
  const log = opts.logger ?? pino({ level: env.HALLQ_LOG_LEVEL, base: { app: 'hallq' } });
  const demo = env.HALLQ_DEMO === '1';

  const db = openDb(env.HALLQ_DB);
  const repos = createRepos(db);
  const clock = env.HALLQ_CLOCK === 'manual' ? new ManualClock(env.HALLQ_NOW ?? new Date()) : new SystemClock();
  // the demo is a real city's hall (seed 000); a config file names its own
  const hallName = demo && !env.HALLQ_CONFIG && opts.config === undefined ? '商洛市政务服务中心' : config.hall.name;
  const settings = { hallName, hours: hoursOf(config, env.HALLQ_TZ), policy: { ...DEFAULT_POLICY, ...config.policy }, secret: '' };
  const hall = new Hall(repos, clock, settings, log.child({ module: 'hall' }));
  settings.secret = qrSecret(hall);
  const auth = new Auth(repos, () => clock.now().getTime());
  if (demo && seedDemo(hall, auth)) log.info('seeded the demo hall');
  const adminPassword = ensureAdmin(auth, hall, env, demo, log);

  const demoTokens: Record<string, string> = {};
  if (demo) {
    for (const k of DEMO_KIOSKS) demoTokens[k] = auth.createDevice('kiosk', k).token;
    demoTokens.lobby = auth.createDevice('display', 'lobby').token;
  }

  const ctx: ServerContext = {
    hall, auth, clock, log: log.child({ module: 'http' }), devices: null, version: VERSION,
    checkinLimiter: new Limiter(10, 60_000, () => clock.now().getTime()),
  };
  const http: Server = createServer(createApp(ctx, opts.distDir ?? DIST));
  http.keepAliveTimeout = 65_000;
  const realtime = attachRealtime(http, ctx);

  let devices: DevicesHandle | null = null;
  if (opts.devices !== false) {
    const devConfig = demo && config.devices.length === 0 ? null : config;
    devices = await startDevices({ hall, realtime, log: log.child({ module: 'devices' }), config: devConfig,
      demo: demo ? { windowNumbers: DEMO_WINDOW_NUMBERS, kiosks: DEMO_KIOSKS } : null,
      publicUrl: () => config.publicUrl ?? url });
    ctx.devices = devices;
  }

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(env.HALLQ_PORT, env.HALLQ_HOST, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  const url = `http://${env.HALLQ_HOST}:${port}`;
  hall.startTimers();

  let closed: Promise<void> | null = null;
  const close = () => (closed ??= (async () => {
    hall.stopTimers();
    await devices?.stop();
    http.closeIdleConnections();
    await realtime.close(); // closes the http server too, after in-flight requests finish
    db.close();
  })());

  return { url, port, hall, auth, realtime, devices, config, env, demoTokens, adminPassword, close };
}
