/**
 * `npm start`: the hall server. Reads HALLQ_* (CONTRACT.md), builds the browser apps if missing,
 * starts, prints its URLs, tells systemd it is ready, and shuts down cleanly on SIGTERM/SIGINT.
 * A fatal fault exits non-zero so systemd restarts it.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { startHall } from './start.js';
import { sdNotify } from './systemd.js';
import { ConfigError } from './config.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const APPS = ['kiosk', 'window-display', 'console', 'admin', 'pad', 'reports', 'forms'];
const APPS_DIR = `${ROOT}apps/`;

async function buildAppsIfMissing(log: pino.Logger) {
  const missing = APPS.filter((a) => existsSync(`${APPS_DIR}${a}/index.html`) && !existsSync(`${ROOT}dist/${a}/index.html`));
  if (!missing.length) return;
  log.info({ apps: missing }, 'building the browser apps (first start)');
  const { build } = await import('vite');
  await build({ logLevel: 'warn', configFile: `${ROOT}vite.config.ts` });
}

async function main() {
  if (process.argv.includes('--demo') && process.env.HALLQ_DEMO === undefined) process.env.HALLQ_DEMO = '1';
  // npm start's demo runs the demo schedule (open around the clock) unless told otherwise
  if (process.argv.includes('--demo') && process.env.HALLQ_DEMO_ALLDAY === undefined) process.env.HALLQ_DEMO_ALLDAY = '1';
  const log = pino({ level: process.env.HALLQ_LOG_LEVEL ?? 'info', base: { app: 'hallq' } });
  const notify = sdNotify(log);
  if (process.env.HALLQ_SKIP_BUILD !== '1') await buildAppsIfMissing(log);
  const running = await startHall({ env: process.env, logger: log });
  const { url, demoTokens, adminPassword, env } = running;

  const lines = [
    ...(running.publicUrlWarning ? [`  ⚠ ${running.publicUrlWarning}`] : []),
    `  大厅 hall     ${running.hall.settings.hallName}   数据库 ${env.HALLQ_DB}`,
    `  控制台 console   ${url}/console/`,
    `  管理后台 admin   ${url}/admin/`,
    ...(demoTokens['kiosk-1'] ? [
      `  取号机 kiosk     ${url}/kiosk/#token=${demoTokens['kiosk-1']}`,
      `  大厅屏 lobby     ${url}/window-display/#token=${demoTokens.lobby}`,
      `  窗口屏 window 1  ${url}/window-display/#token=${demoTokens.lobby}&window=1`,
    ] : []),
    // issue 18: kiosk-2's printer, reader and scanner through a device agent (simulated), as on a kiosk PC
    ...(demoTokens['kiosk-2'] ? [
      `  取号机 kiosk-2   ${url}/kiosk/#token=${demoTokens['kiosk-2']}`,
      `  设备代理 agent   HALLQ_SERVER=${url} HALLQ_TOKEN=${demoTokens['kiosk-2']} npm run agent -- --demo`,
    ] : []),
    // a password set through HALLQ_ADMIN_PASSWORD is never printed (stdout is the journal): whoever set it knows it
    adminPassword ? `  管理员 admin     用户名 admin  密码 ${adminPassword}`
      : env.HALLQ_ADMIN_PASSWORD ? '  管理员 admin     用户名 admin  (password from HALLQ_ADMIN_PASSWORD)'
        : '  管理员 admin     (password unchanged; set HALLQ_ADMIN_PASSWORD to reset)',
    ...(env.HALLQ_DEMO === '1' ? ['  窗口人员 staff   用户名 staff1…staff12, staff48  密码 demo1234   带班 lead1 / demo1234'] : []),
  ];
  // the listening line, which tests and scripts wait for (CONTRACT.md), first and in the same write as
  // the rest: whoever reads up to it finds the URLs with it (two writes could arrive apart on a pipe)
  process.stdout.write(`hallq listening on ${url}\n${lines.join('\n')}\n`);
  notify.ready(`serving ${url}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    notify.stopping();
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await running.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err) => {
  if (err instanceof ConfigError) process.stderr.write(`hallq: ${err.message}\n`);
  else process.stderr.write(`hallq: fatal: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
