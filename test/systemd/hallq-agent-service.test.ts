/**
 * systemd/hallq-agent.service (issue 18): the kiosk PC's device agent restarts after a crash but not
 * after a refusal it chose (revoked token, bad config, replaced), reaches serial ports and printers
 * through the dialout and lp groups, and takes its token from a root-only environment file.
 * systemd/hallq-kiosk.service beside it shows the kiosk page in Chromium.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EXIT } from '../../agent/env.js';
import { parseUnit } from './units.js';

const path = (name: string) => fileURLToPath(new URL(`../../systemd/${name}`, import.meta.url));
const agentText = readFileSync(path('hallq-agent.service'), 'utf8');
const agent = parseUnit(agentText);
const svc = agent.Service;
const one = (key: string) => {
  expect(svc[key], `[Service] ${key}`).toBeDefined();
  return svc[key].at(-1)!;
};

describe('systemd/hallq-agent.service', () => {
  it('restarts on failure, but not after the exit codes the agent chooses to stop with', () => {
    expect(one('Restart')).toBe('on-failure');
    expect(one('RestartPreventExitStatus').split(/\s+/).map(Number).sort()).toEqual(Object.values(EXIT).sort());
    expect(one('ExecStart')).toMatch(/^\/\S*node .*agent\/main\.ts$/);
    expect(agent.Install.WantedBy).toEqual(['multi-user.target']);
    expect(Number(one('TimeoutStopSec'))).toBeGreaterThan(5); // the agent's own forced exit
  });

  it('runs unprivileged with the dialout and lp groups and the serial and printer devices', () => {
    expect(one('DynamicUser')).toBe('yes');
    expect(one('User')).not.toBe('root');
    expect(one('SupplementaryGroups').split(/\s+/)).toEqual(expect.arrayContaining(['dialout', 'lp']));
    expect(one('CapabilityBoundingSet')).toBe('');
    expect(one('DevicePolicy')).toBe('closed');
    expect(svc.DeviceAllow.map((d) => d.split(/\s+/)[0])).toEqual(
      expect.arrayContaining(['char-ttyUSB', 'char-ttyACM', 'char-usb', 'char-lp']),
    );
    expect(svc.PrivateDevices).toBeUndefined();
  });

  it('takes the token from /etc/hallq/agent.env (required, root-only 0600, as its comment installs it), never from the unit', () => {
    expect(svc.EnvironmentFile).toEqual(['/etc/hallq/agent.env']);
    expect(agentText).toMatch(/install -m 0600 -o root -g root \/dev\/stdin \/etc\/hallq\/agent\.env/);
    expect((svc.Environment ?? []).join(' ')).not.toMatch(/HALLQ_TOKEN|HALLQ_SERVER/);
  });

  const analyze = spawnSync('systemd-analyze', ['--version'], { encoding: 'utf8' });
  it.skipIf(analyze.status !== 0)('passes systemd-analyze verify', () => {
    const r = spawnSync('systemd-analyze', ['verify', path('hallq-agent.service')], { encoding: 'utf8' });
    expect(`${r.stdout}${r.stderr}`.trim()).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('systemd/hallq-kiosk.service', () => {
  const kiosk = parseUnit(readFileSync(path('hallq-kiosk.service'), 'utf8'));
  it('is a user unit running Chromium in kiosk mode on the kiosk page URL, restarted always', () => {
    const s = kiosk.Service;
    expect(s.ExecStart[0]).toMatch(/^\/usr\/bin\/chromium .*--kiosk .*\$\{HALLQ_KIOSK_URL\}$/);
    expect(s.ExecStart[0]).toMatch(/--disable-pinch/);
    expect(s.EnvironmentFile).toEqual(['%h/.config/hallq-kiosk.env']);
    expect(s.Restart).toEqual(['always']);
    expect(kiosk.Install.WantedBy).toEqual(['graphical-session.target']);
  });
});
