/**
 * The composition root: config → db → hall (and its bootstrap) → access → http + realtime → devices.
 * No module-level singletons and no decisions: everything is built here and passed down. Used by
 * `main.ts` and by tests (port 0, `:memory:`, a manual clock).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { openDb } from './db/open.js';
import { createRepos } from './db/repos.js';
import { ManualClock, SystemClock } from './clock.js';
import { Hall, SYSTEM } from './hall.js';
import { Auth } from './auth/auth.js';
import { Limiter } from './auth/limiter.js';
import { createApp } from './http/app.js';
import { attachRealtime, type Realtime } from './realtime/io.js';
import { Presence } from './realtime/presence.js';
import { hoursOf, loadHallConfig, parseEnv, parseHallConfig, type Env, type HallConfig } from './config.js';
import { DEMO_ADMIN_PASSWORD, DEMO_ALLDAY_LABEL, DEMO_KIOSKS, DEMO_WINDOW_NUMBERS, demoAllDayHours, seedDemo } from './demo.js';
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
  /** said at start when `publicUrl` is unset (null when set) */
  publicUrlWarning: string | null;
  port: number;
  hall: Hall;
  auth: Auth;
  realtime: Realtime;
  devices: DevicesHandle | null;
  config: HallConfig;
  env: Env;
  /** the demo's device tokens by name (kiosks, lobby display), the same at every start */
  demoTokens: Record<string, string>;
  /** the admin password to print once (generated, or the demo's); null when it came from HALLQ_ADMIN_PASSWORD or is unchanged */
  adminPassword: string | null;
  close(): Promise<void>;
}

export async function startHall(opts: StartOptions = {}): Promise<RunningHall> {
  const env = parseEnv({ ...(opts.env as NodeJS.ProcessEnv) });
  const config = opts.config !== undefined ? parseHallConfig(opts.config) : loadHallConfig(env.HALLQ_CONFIG);
  const log = opts.logger ?? pino({ level: env.HALLQ_LOG_LEVEL, base: { app: 'hallq' } });
  const demo = env.HALLQ_DEMO === '1';

  const db = openDb(env.HALLQ_DB);
  const clock = env.HALLQ_CLOCK === 'manual' ? new ManualClock(env.HALLQ_NOW ?? new Date()) : new SystemClock();
  // the demo is a real city's hall (seed 000); a config file names its own
  const hallName = demo && !env.HALLQ_CONFIG && opts.config === undefined ? '商洛市政务服务中心' : config.hall.name;
  // the demo schedule (npm start): open around the clock, and the hall's name says so on every screen
  const allDay = demo && env.HALLQ_DEMO_ALLDAY === '1';
  const hours = allDay ? demoAllDayHours(hoursOf(config, env.HALLQ_TZ)) : hoursOf(config, env.HALLQ_TZ);
  const settings = { hallName: allDay ? `${hallName}${DEMO_ALLDAY_LABEL}` : hallName, hours, policy: { ...DEFAULT_POLICY, ...config.policy }, secret: '' };
  const hall = new Hall(createRepos(db), clock, settings, log.child({ module: 'hall' }));
  const auth = new Auth(hall, () => clock.now().getTime());
  if (demo && (await seedDemo(hall))) log.info('seeded the demo hall');
  const admin = await hall.people.ensureAdmin({ password: env.HALLQ_ADMIN_PASSWORD, demoPassword: demo ? DEMO_ADMIN_PASSWORD : undefined });
  if (admin.source === 'generated') log.warn('created user admin with a generated password (printed once on stdout)');

  const demoTokens = demo
    ? hall.people.demoDeviceTokens(
      [...DEMO_KIOSKS.map((name) => ({ kind: 'kiosk' as const, name })), { kind: 'display', name: 'lobby' }],
      (d) => auth.createDevice(SYSTEM, { ...d, replace: true }).token)
    : {};

  const ctx: ServerContext = {
    hall, auth, clock, log: log.child({ module: 'http' }), devices: null, version: VERSION, presence: new Presence(),
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
  const warning = publicUrlWarning(config.publicUrl, url);
  if (warning) log.warn({ publicUrl: null, fallback: url }, warning);
  hall.startTimers();

  let closed: Promise<void> | null = null;
  const close = () => (closed ??= (async () => {
    hall.stopTimers();
    await devices?.stop();
    http.closeIdleConnections();
    await realtime.close(); // closes the http server too, after in-flight requests finish
    db.close();
  })());

  return { url, port, hall, auth, realtime, devices, config, env, demoTokens, adminPassword: admin.printPassword, publicUrlWarning: warning, close };
}

/**
 * Without `publicUrl` the printed ticket's QR code points at the address the server listens on,
 * which a citizen's phone often cannot reach (127.0.0.1, a LAN name): said at start (issue 14).
 */
export function publicUrlWarning(publicUrl: string | undefined, listenUrl: string): string | null {
  if (publicUrl) return null;
  return `publicUrl 未设置：号票二维码将指向 ${listenUrl}，群众手机可能无法打开；请在配置文件中设置 publicUrl (publicUrl is not set: ticket QR codes point at ${listenUrl})`;
}
