/** The kiosk's JavaScript stays small enough for a kiosk PC on the hall LAN (issue 5: ≤ 80 KB gzipped). */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { benchKioskBundle } from '../../../bench/kiosk-bundle.js';

describe('kiosk bundle', () => {
  it.skipIf(!existsSync('dist/kiosk/index.html'))('loads at most 80 KB of gzipped JavaScript before any lazy chunk', async () => {
    const r = await benchKioskBundle();
    expect(r.kiosk_bundle_gzip_kb).toBeGreaterThan(5);
    expect(r.kiosk_bundle_gzip_kb).toBeLessThanOrEqual(80);
  });
});
