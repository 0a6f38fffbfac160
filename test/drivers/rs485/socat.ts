/** Test helper: a connected pty pair from socat (Debian package `socat`), like two ends of a cable. */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface PtyPair {
  a: string;
  b: string;
  stop(): Promise<void>;
}

export function assertSocat(): void {
  const r = spawnSync('socat', ['-V']);
  if (r.error) throw new Error('socat is needed for the end-to-end serial tests: apt-get install -y socat');
}

export async function ptyPair(): Promise<PtyPair> {
  assertSocat();
  const dir = mkdtempSync(join(tmpdir(), 'hallq-pty-'));
  const a = join(dir, 'a');
  const b = join(dir, 'b');
  const child = spawn('socat', [`pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = performance.now() + 5000;
  while (!(existsSync(a) && existsSync(b))) {
    if (child.exitCode !== null || performance.now() > deadline) {
      child.kill();
      throw new Error('socat did not create the pty pair');
    }
    await sleep(10);
  }
  return {
    a,
    b,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
