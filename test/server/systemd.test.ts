import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { sdNotify } from '../../server/systemd.js';

// Node has no unix datagram sockets, so the receiving end (systemd's part) is a small python3 listener.
const LISTENER = `
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM); s.bind(sys.argv[1]); s.settimeout(5)
print('bound', flush=True)
try:
    while True: print(s.recv(4096).decode().strip().replace('\\n', '|'), flush=True)
except socket.timeout: pass
`;

const dirs: string[] = [];
afterEach(() => {
  delete process.env.NOTIFY_SOCKET;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('sd_notify relay (systemd Type=notify)', () => {
  it('sends READY with a status, then STOPPING, as datagrams to NOTIFY_SOCKET', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hallq-notify-'));
    dirs.push(dir);
    const path = join(dir, 'notify.sock');
    const listener = spawn('python3', ['-c', LISTENER, path]);
    const lines: string[] = [];
    let buf = '';
    listener.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const parts = buf.split('\n');
      buf = parts.pop()!;
      lines.push(...parts);
    });
    const until = async (ok: () => boolean) => {
      for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 25));
      expect(ok()).toBe(true);
    };
    await until(() => lines.includes('bound'));
    process.env.NOTIFY_SOCKET = path;
    const notify = sdNotify(pino({ level: 'silent' }));
    notify.ready('serving http://127.0.0.1:8080');
    await until(() => lines.some((l) => l.includes('READY=1')));
    notify.stopping();
    await until(() => lines.some((l) => l.includes('STOPPING=1')));
    listener.kill();
    const all = lines.join('|');
    expect(all).toContain('STATUS=serving http://127.0.0.1:8080');
    expect(all.indexOf('READY=1')).toBeLessThan(all.indexOf('STOPPING=1'));
  });

  it('does nothing outside systemd (no NOTIFY_SOCKET)', () => {
    const notify = sdNotify(pino({ level: 'silent' }));
    expect(() => { notify.ready('x'); notify.stopping(); }).not.toThrow();
  });
});
