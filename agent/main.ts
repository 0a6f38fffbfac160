/**
 * `npm run agent`: the kiosk PC's device agent (CONTRACT.md "Kiosk PC device agent"). It drives this
 * PC's printer, ID card reader and scanner with the server's own device manager and drivers, and
 * connects to the hall server as its kiosk: prints the kiosk's tickets, forwards its scans, reports
 * its devices' health. It exits non-zero with a Chinese + English line when it must not go on
 * (EXIT in env.ts); systemd restarts it after any other failure.
 */
import pino from 'pino';
import { DeviceManager } from '../server/devices/manager.js';
import { AGENT_KIOSK, forKiosk } from '../server/devices/config.js';
import type { DeviceHost } from '../server/devices/host.js';
import { AgentConfigError, agentSettings, EXIT } from './env.js';
import { BACKOFF, ServerLink } from './link.js';
import { PrintJobs } from './jobs.js';
import { demoConsole } from './demo.js';

async function main() {
  const settings = agentSettings(process.env, process.argv.slice(2));
  const log = pino({ level: settings.logLevel, base: { app: 'hallq-agent' } });
  let link: ServerLink | null = null;
  /** the agent has no LED screens, keypads or evaluators (its config cannot name any): the hall's events are not its business */
  const host: DeviceHost = {
    hallName: () => '',
    events: { on: () => {} },
    now: () => new Date(),
    windowAction: async () => {},
    rate: async () => {},
    scan: (_kiosk, e) => link?.scan(e),
  };
  const manager = new DeviceManager({
    config: forKiosk(settings.devices, AGENT_KIOSK),
    host,
    logger: log.child({ module: 'devices' }),
    printsDir: settings.printsDir,
  });
  link = new ServerLink({
    server: settings.server,
    token: settings.token,
    log: log.child({ module: 'link' }),
    health: () => manager.health(),
    backoff: { ...BACKOFF, maxMs: settings.retryMaxMs },
  });
  manager.on('health', () => link.health(manager.health()));
  const jobs = new PrintJobs({
    print: (ticket) => manager.printTicket(AGENT_KIOSK, ticket),
    report: (r) => link.printed(r),
    log: log.child({ module: 'print' }),
  });
  link.on('print', (job) => jobs.take(job));

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => process.exit(code || 1), 5_000);
    force.unref();
    link.stop();
    await jobs.idle();
    await manager.stop();
    process.exit(code);
  };
  link.on('fatal', (code, message) => {
    log.fatal({ exitCode: code }, message);
    process.stderr.write(`hallq-agent: ${message}\n`);
    void stop(code);
  });
  process.on('SIGTERM', () => void stop(0));
  process.on('SIGINT', () => void stop(0));

  await manager.start();
  if (settings.demo && process.stdin.isTTY) demoConsole(manager.simulators, log);
  link.start();
  log.info({ server: settings.server, devices: settings.devices.devices.map((d) => d.id) }, 'device agent started');
}

main().catch((err) => {
  if (err instanceof AgentConfigError) {
    process.stderr.write(`hallq-agent: ${err.message}\n`);
    process.exit(EXIT.config);
  }
  process.stderr.write(`hallq-agent: fatal: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
