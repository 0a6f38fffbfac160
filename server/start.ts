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
import { TokenBucket } from './auth/bucket.js';
import { createApp } from './http/app.js';
import { attachRealtime, type Realtime } from './realtime/io.js';
import { Presence } from './realtime/presence.js';
import { ConfigError, liveSettings, parseEnv, parseHallConfig, readHallConfigFile, type Env, type HallConfig } from './config.js';
import { Settings } from './settings.js';
import { DEMO_ADMIN_PASSWORD, DEMO_ALLDAY_LABEL, DEMO_KIOSKS, DEMO_WINDOW_NUMBERS, demoAllDayHours, seedDemo } from './demo.js';
import { devicePort, startDevices, type DevicesHandle } from './devices-binding.js';
import { AgentHub } from './realtime/agent-hub.js';
import type { ServerContext } from './http/context.js';
import { StorageWatch, storageFault } from './storage/faults.js';
import { Backups } from './storage/backups.js';
import { refuseIfCountersBehind } from './storage/consistency.js';
import { localDate, zonedInstant } from './engine/calendar.js';
import { PlatformDelivery, type DeliveryOptions } from './platform/delivery.js';
import { SmsSender, type SmsSenderOptions } from './platform/sms.js';

export const VERSION = '0.1.0';
/** ID-number check-ins that find nothing, per kiosk: a burst of 10, then one try every 6 s (issue 13 item 11) */
export const CHECKIN_MISSES = { burst: 10, refillMs: 6_000 };
const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

export interface StartOptions {
  env?: Partial<Env> | NodeJS.ProcessEnv;
  /** a hall config object (the file's JSON), instead of HALLQ_CONFIG */
  config?: unknown;
  logger?: pino.Logger;
  distDir?: string;
  /** run device simulators / drivers (default: true) */
  devices?: boolean;
  /** open the database read-only (tests: a store that refuses every write, as a read-only mount does) */
  readonlyDb?: boolean;
  /** the platform push and the SMS sender's timings (tests: short backoffs) */
  platform?: DeliveryOptions;
  sms?: SmsSenderOptions;
}

export interface RunningHall {
  url: string;
  /** said at start when `publicUrl` is unset (null when set) */
  publicUrlWarning: string | null;
  port: number;
  hall: Hall;
  auth: Auth;
  realtime: Realtime;
  /** the store's state (read-only, disk full) and its connection */
  storage: StorageWatch;
  devices: DevicesHandle | null;
  /** the kiosk PCs' device agents (null when devices are off) */
  agents: AgentHub | null;
  /** the hall config in effect at start: the database's settings, seeded from the file */
  config: HallConfig;
  settings: Settings;
  /** the platform push and the SMS sender (docs/platform.md) */
  platform: PlatformDelivery;
  sms: SmsSender;
  env: Env;
  /** the demo's device tokens by name (kiosks, lobby display), the same at every start */
  demoTokens: Record<string, string>;
  /** the admin password to print once (generated, or the demo's); null when it came from HALLQ_ADMIN_PASSWORD or is unchanged */
  adminPassword: string | null;
  close(): Promise<void>;
}

/**
 * A database that cannot even be read (a WAL file in a read-only folder without its -shm: SQLite
 * cannot open it for reading either) is refused with what to fix, not a raw SqliteError. One that
 * can be read but not written starts degraded (server/storage/faults.ts).
 */
function openOrExplain(file: string, readonly?: boolean) {
  try {
    return openDb(file, { readonly });
  } catch (err) {
    const fault = storageFault(err);
    if (!fault) throw err;
    throw new ConfigError(`cannot open the database ${file} (${(err as { code?: string }).code}, ${fault}): hallq must be able to ` +
      `read it and to create ${file}-wal and ${file}-shm beside it. Fix the permissions or the mount of its folder (docs/operations.md)`);
  }
}

export async function startHall(opts: StartOptions = {}): Promise<RunningHall> {
  const env = parseEnv({ ...(opts.env as NodeJS.ProcessEnv) });
  // the file's JSON as written: the sections it names seed an empty database (server/settings.ts)
  const file = opts.config !== undefined ? { json: opts.config, source: 'config' }
    : env.HALLQ_CONFIG ? { json: readHallConfigFile(env.HALLQ_CONFIG), source: env.HALLQ_CONFIG } : null;
  if (file) parseHallConfig(file.json, file.source); // a faulty file is refused before anything opens
  const log = opts.logger ?? pino({ level: env.HALLQ_LOG_LEVEL, base: { app: 'hallq' } });
  const demo = env.HALLQ_DEMO === '1';

  const db = openOrExplain(env.HALLQ_DB, opts.readonlyDb);
  const clock = env.HALLQ_CLOCK === 'manual' ? new ManualClock(env.HALLQ_NOW ?? new Date()) : new SystemClock();
  const storage = new StorageWatch(db, log.child({ module: 'storage' }), () => clock.now().getTime());
  // a store that cannot be written is found now (one log line), not by the first citizen's ticket
  storage.probe();
  /** a start-up write that a read-only or full store refuses: the hall still starts (degraded) and serves reads */
  const orDegraded = async <T>(what: string, fn: () => T | Promise<T>, fallback: () => T): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      if (!storage.failed(err)) throw err;
      log.warn({ step: what }, `start-up step skipped: the store cannot be written (${storage.degraded!.fault})`);
      return fallback();
    }
  };
  // a file that lost writes (a -wal deleted after a crash) would number today's tickets again: refused
  {
    const tz = liveSettings(parseHallConfig(file?.json ?? {}, file?.source), env.HALLQ_TZ).hours.tz;
    const today = localDate(clock.now(), tz);
    try {
      refuseIfCountersBehind(db, env.HALLQ_DB, today, zonedInstant(today, '00:00', tz).getTime(), (at) => localDate(new Date(at), tz));
    } catch (err) {
      db.close();
      throw err;
    }
  }
  // until the settings are loaded (below, before anyone acts): the defaults
  const hall = new Hall(createRepos(db), clock, { ...liveSettings(parseHallConfig({}), env.HALLQ_TZ), secret: '' }, log.child({ module: 'hall' }));
  const settings = new Settings(hall, env.HALLQ_TZ, log.child({ module: 'settings' }));
  // the demo is a real city's hall (seed 000); a config file names its own
  const seed = file ?? (demo ? { json: { hall: { name: '商洛市政务服务中心' } }, source: 'demo' } : null);
  let config: HallConfig;
  try {
    config = await orDegraded('settings', () => settings.boot(seed), () => parseHallConfig(seed?.json ?? {}, seed?.source));
  } catch (err) {
    db.close();
    throw err;
  }
  // the demo schedule (npm start): open around the clock, and the hall's name says so on every screen
  // (in effect only, never stored: the settings keep the real hall's hours); a hall config file
  // (HALLQ_CONFIG=halls/xixia.json npm start) runs that hall's own hours
  if (demo && env.HALLQ_DEMO_ALLDAY === '1' && !file) {
    hall.config.write(SYSTEM, {}, { hallName: `${hall.settings.hallName}${DEMO_ALLDAY_LABEL}`, hours: demoAllDayHours(hall.settings.hours) },
      { via: 'seed', restartRequired: false });
  }
  const auth = new Auth(hall, () => clock.now().getTime());
  if (demo && (await orDegraded('demo seed', () => seedDemo(hall), () => false))) log.info('seeded the demo hall');
  const admin = await orDegraded('admin account',
    () => hall.people.ensureAdmin({ password: env.HALLQ_ADMIN_PASSWORD, demoPassword: demo ? DEMO_ADMIN_PASSWORD : undefined }),
    () => ({ printPassword: null, source: 'unchanged' as const }));
  if (admin.source === 'generated') log.warn('created user admin with a generated password (printed once on stdout)');

  const demoTokens = demo
    ? await orDegraded('demo devices', () => hall.people.demoDeviceTokens(
      [...DEMO_KIOSKS.map((name) => ({ kind: 'kiosk' as const, name })), { kind: 'display', name: 'lobby' }],
      (d) => auth.createDevice(SYSTEM, { ...d, replace: true }).token), () => ({}) as Record<string, string>)
    : {};

  const ctx: ServerContext = {
    hall, auth, settings, clock, log: log.child({ module: 'http' }), devices: null, version: VERSION, presence: new Presence(), storage,
    backups: config.backup
      ? new Backups(db, config.backup, log.child({ module: 'backup' }), () => clock.now().getTime(), hall.settings.hours.tz,
        (b, reason, by) => hall.recordBackup(by, { file: b.file, bytes: b.bytes, reason }))
      : null,
    checkinMisses: new TokenBucket(CHECKIN_MISSES.burst, CHECKIN_MISSES.refillMs, () => clock.now().getTime()),
  };
  const http: Server = createServer(createApp(ctx, opts.distDir ?? DIST));
  http.keepAliveTimeout = 65_000;
  // kiosk PCs' device agents (namespace /agent): only where devices run at all
  const agents = opts.devices !== false ? new AgentHub({ log: log.child({ module: 'agents' }), now: () => clock.now() }) : null;
  const realtime = attachRealtime(http, ctx, agents ? { hub: agents, log: log.child({ module: 'agents' }) } : undefined);
  agents?.on('health', (h) => realtime.health(h));

  let devices: DevicesHandle | null = null;
  if (opts.devices !== false) {
    const devConfig = demo && config.devices.length === 0 ? null : config;
    devices = await startDevices({ hall, realtime, log: log.child({ module: 'devices' }), config: devConfig,
      demo: demo ? { windowNumbers: DEMO_WINDOW_NUMBERS, kiosks: DEMO_KIOSKS } : null,
      publicUrl: () => hall.settings.publicUrl ?? url });
    ctx.devices = devicePort({ hall, realtime, log: log.child({ module: 'devices' }), own: devices, agents: agents!, publicUrl: () => hall.settings.publicUrl ?? url });
  }

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(env.HALLQ_PORT, env.HALLQ_HOST, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  const url = `http://${env.HALLQ_HOST}:${port}`;
  const warning = publicUrlWarning(hall.settings.publicUrl ?? undefined, url);
  if (warning) log.warn({ publicUrl: null, fallback: url }, warning);
  // a tick the store refuses (forfeits, day end) is retried on the next one: the timer never dies
  hall.startTimers(undefined, (err) => storage.failed(err) !== null);
  ctx.backups?.start();
  // after the listen: what a crash left pending is pushed now
  const platform = new PlatformDelivery(hall, log.child({ module: 'platform' }), opts.platform);
  const sms = new SmsSender(hall, log.child({ module: 'sms' }), opts.sms);
  platform.start();
  sms.start();

  let closed: Promise<void> | null = null;
  const close = () => (closed ??= (async () => {
    hall.stopTimers();
    await Promise.all([platform.stop(), sms.stop()]);
    storage.stop();
    await ctx.backups?.stop();
    await devices?.stop();
    http.closeIdleConnections();
    await realtime.close(); // closes the http server too, after in-flight requests finish
    db.close();
  })());

  return { url, port, hall, auth, realtime, storage, devices, agents, config, settings, platform, sms, env, demoTokens, adminPassword: admin.printPassword, publicUrlWarning: warning, close };
}

/**
 * Without `publicUrl` the printed ticket's QR code points at the address the server listens on,
 * which a citizen's phone often cannot reach (127.0.0.1, a LAN name): said at start (issue 14).
 */
export function publicUrlWarning(publicUrl: string | undefined, listenUrl: string): string | null {
  if (publicUrl) return null;
  return `publicUrl 未设置：号票二维码将指向 ${listenUrl}，群众手机可能无法打开；请在配置文件中设置 publicUrl (publicUrl is not set: ticket QR codes point at ${listenUrl})`;
}
