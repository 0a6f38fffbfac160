/**
 * The kiosk's JavaScript as a kiosk downloads it: every script and modulepreload that
 * dist/kiosk/index.html loads, gzipped (issue 5: ≤ 80 KB). The camera chunk (jsQR) is lazy and
 * reported on its own. Needs a fresh `vite build`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';

const gzipKb = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;
const round = (kb: number) => Math.round(kb * 10) / 10;

export async function benchKioskBundle(distDir = 'dist'): Promise<Record<string, number>> {
  const html = readFileSync(join(distDir, 'kiosk/index.html'), 'utf8');
  const urls = new Set<string>();
  for (const m of html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)) urls.add(m[1]);
  if (urls.size === 0) throw new Error(`no scripts found in ${distDir}/kiosk/index.html: build it first (npx vite build)`);
  const eager = [...urls].reduce((sum, u) => sum + gzipKb(join(distDir, u.replace(/^\//, ''))), 0);
  const camera = readdirSync(join(distDir, 'assets'), { recursive: true })
    .map(String)
    .filter((f) => /(^|\/)camera-[^/]*\.js$/.test(f))
    .reduce((sum, f) => sum + gzipKb(join(distDir, 'assets', f)), 0);
  return { kiosk_bundle_gzip_kb: round(eager), kiosk_camera_chunk_gzip_kb: round(camera) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(await benchKioskBundle());
