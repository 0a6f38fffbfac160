/** Debian's Chromium driven by playwright-core (never a browser download). Screenshots go to test-artifacts/. */
import { chromium, type Browser } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export const CHROMIUM = process.env.HALLQ_CHROMIUM ?? '/usr/bin/chromium';

export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required', ...extraArgs,
    ],
  });
}

/** Where a test keeps a screenshot for people to look at: test-artifacts/<name>.png */
export function artifact(name: string): string {
  const p = `test-artifacts/${name}.png`;
  mkdirSync(dirname(p), { recursive: true });
  return p;
}
