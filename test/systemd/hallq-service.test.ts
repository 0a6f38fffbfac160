/**
 * systemd/hallq.service holds what the server relies on: Type=notify with access for the
 * systemd-notify child, the watchdog, restart on failure, a dedicated user and state directory,
 * hardening that still lets serial ports and printers through, and a clean SIGTERM stop.
 * When systemd-analyze is installed, the unit must also pass `systemd-analyze verify`.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseUnit } from './units.js';

const PATH = fileURLToPath(new URL('../../systemd/hallq.service', import.meta.url));

const unit = parseUnit(readFileSync(PATH, 'utf8'));
const svc = unit.Service;
const one = (key: string) => {
  expect(svc[key], `[Service] ${key}`).toBeDefined();
  return svc[key].at(-1)!;
};
const env = Object.fromEntries(svc.Environment.map((e) => e.split('=', 2) as [string, string]));

describe('systemd/hallq.service', () => {
  it('is Type=notify with NotifyAccess=all (systemd-notify is a child of node), a 30 s watchdog and restart on failure', () => {
    expect(one('Type')).toBe('notify');
    expect(one('NotifyAccess')).toBe('all');
    expect(one('WatchdogSec')).toBe('30');
    expect(one('Restart')).toBe('on-failure');
    expect(unit.Install.WantedBy).toEqual(['multi-user.target']);
  });

  it('stops with SIGTERM and gives main.ts longer than its own 10 s forced exit', () => {
    expect(one('KillSignal')).toBe('SIGTERM');
    expect(Number(one('TimeoutStopSec'))).toBeGreaterThan(10);
  });

  it('runs as a dedicated unprivileged user with its database in the state directory', () => {
    expect(one('User')).toBe('hallq');
    expect(one('DynamicUser')).toBe('yes');
    expect(one('StateDirectory')).toBe('hallq');
    expect(env.HALLQ_DB).toBe('/var/lib/hallq/hallq.db');
    expect(one('CapabilityBoundingSet')).toBe('');
    expect(one('ExecStart')).toMatch(/^\/\S*node .*server\/main\.ts$/);
  });

  it('sets HALLQ_* for production: system clock, no demo, no build at start, listening on the LAN', () => {
    expect(env).toMatchObject({ HALLQ_CLOCK: 'system', HALLQ_DEMO: '0', HALLQ_SKIP_BUILD: '1', HALLQ_HOST: '0.0.0.0', HALLQ_TZ: 'Asia/Shanghai' });
    expect(Object.keys(env).filter((k) => k.startsWith('HALLQ_') || k === 'NODE_ENV')).toEqual(Object.keys(env));
    expect(svc.Environment.join(' ')).not.toMatch(/PASSWORD/); // secrets live in the EnvironmentFile
  });

  it('is hardened, without hiding serial ports and printers', () => {
    for (const [key, value] of Object.entries({
      ProtectSystem: 'strict', ProtectHome: 'yes', NoNewPrivileges: 'yes', PrivateTmp: 'yes', ProtectKernelModules: 'yes',
      ProtectKernelTunables: 'yes', ProtectControlGroups: 'yes', RestrictSUIDSGID: 'yes', DevicePolicy: 'closed',
    })) expect(one(key), key).toBe(value);
    expect(svc.PrivateDevices).toBeUndefined();
    expect(svc.MemoryDenyWriteExecute).toBeUndefined(); // V8's JIT would crash
    const devices = svc.DeviceAllow.map((d) => d.split(/\s+/)[0]);
    expect(devices).toEqual(expect.arrayContaining(['char-ttyUSB', 'char-ttyACM', 'char-usb', 'char-lp']));
    expect(one('SupplementaryGroups').split(/\s+/)).toEqual(expect.arrayContaining(['dialout', 'lp']));
  });

  const analyze = spawnSync('systemd-analyze', ['--version'], { encoding: 'utf8' });
  it.skipIf(analyze.status !== 0)('passes systemd-analyze verify', () => {
    // an unknown key or a bad value is only a warning on stderr: any output at all fails the test
    const r = spawnSync('systemd-analyze', ['verify', PATH], { encoding: 'utf8' });
    expect(`${r.stdout}${r.stderr}`.trim()).toBe('');
    expect(r.status).toBe(0);
  });
});
