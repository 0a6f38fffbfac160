/**
 * `npm start` as systemd runs it: server/main.ts in a child process prints
 * `hallq listening on http://HOST:PORT`, serves, and exits 0 on SIGTERM; a bad config exits non-zero
 * with a message naming the fault.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'hallq-main-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function startMain(env: Record<string, string>): { child: ChildProcess; out: () => string; err: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--demo'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir, HALLQ_PORT: '0', HALLQ_SKIP_BUILD: '1', HALLQ_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => { out += d; });
  child.stderr!.on('data', (d) => { err += d; });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, out: () => out, err: () => err, exit };
}

async function waitFor(pred: () => boolean, ms: number, what: string) {
  const until = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('server/main.ts in a child process', () => {
  it('prints the listening line, serves the demo hall, and exits 0 on SIGTERM', async () => {
    const p = startMain({ HALLQ_DB: join(dir, 'main.db') });
    try {
      await waitFor(() => /hallq listening on http:\/\/127\.0\.0\.1:\d+\n/.test(p.out()), 20_000, `the listening line (stderr: ${p.err()})`);
      const url = p.out().match(/hallq listening on (http:\/\/127\.0\.0\.1:\d+)/)![1];
      expect(p.out()).toContain(`${url}/console/`);
      expect(p.out()).toMatch(/staff1/);
      const health = await fetch(`${url}/api/health`);
      expect(await health.json()).toMatchObject({ status: 'ok' });
      const login = await fetch(`${url}/api/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'staff1', password: 'demo1234' }),
      });
      expect(login.status).toBe(200);
      p.child.kill('SIGTERM');
      expect(await p.exit).toBe(0);
    } finally {
      p.child.kill('SIGKILL');
    }
  });

  it('a password set through HALLQ_ADMIN_PASSWORD is never printed (stdout is the journal), and it signs in', async () => {
    const secret = 'journal-must-not-see-1';
    const p = startMain({ HALLQ_DB: join(dir, 'env-pw.db'), HALLQ_ADMIN_PASSWORD: secret, HALLQ_LOG_LEVEL: 'debug' });
    try {
      await waitFor(() => /hallq listening on http:\/\/127\.0\.0\.1:\d+\n/.test(p.out()) && /管理员 admin/.test(p.out()), 20_000, `the listening line (stderr: ${p.err()})`);
      const url = p.out().match(/hallq listening on (http:\/\/127\.0\.0\.1:\d+)/)![1];
      const login = await fetch(`${url}/api/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: secret }),
      });
      expect(login.status).toBe(200);
      expect(p.out()).toContain('HALLQ_ADMIN_PASSWORD');
      expect(p.out() + p.err()).not.toContain(secret);
      p.child.kill('SIGTERM');
      expect(await p.exit).toBe(0);
    } finally {
      p.child.kill('SIGKILL');
    }
  });

  it('an unknown key in HALLQ_CONFIG → exits non-zero, naming the key, without listening', async () => {
    const config = join(dir, 'bad.json');
    writeFileSync(config, JSON.stringify({ hall: { name: '测试大厅' }, printerz: [] }));
    const p = startMain({ HALLQ_DB: join(dir, 'bad.db'), HALLQ_CONFIG: config });
    try {
      const code = await p.exit;
      expect(code).not.toBe(0);
      expect(p.err()).toMatch(/invalid hall config/);
      expect(p.err()).toContain('printerz');
      expect(p.err()).not.toMatch(/\n\s+at /); // a message, not a stack trace
      expect(p.out()).not.toContain('hallq listening');
    } finally {
      p.child.kill('SIGKILL');
    }
  });

  it('an invalid environment (HALLQ_CLOCK=fast) → exits non-zero naming the variable', async () => {
    const p = startMain({ HALLQ_DB: join(dir, 'env.db'), HALLQ_CLOCK: 'fast' });
    try {
      expect(await p.exit).not.toBe(0);
      expect(p.err()).toContain('HALLQ_CLOCK');
    } finally {
      p.child.kill('SIGKILL');
    }
  });
});
