/**
 * The import-boundary rules (.dependency-cruiser.cjs) each refuse the import they name and let the
 * allowed ones through: the real config is run over a small tree laid out like the repository.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** file → its one import; `type:` marks an `import type` */
const FILES: Record<string, string> = {
  'protocol/domain.ts': '',
  'protocol/bad-server.ts': '../server/hall.js',
  'protocol/bad-node.ts': 'node:fs',
  'server/clock.ts': '',
  'server/hall.ts': './hall/core.js',
  'server/hall/core.ts': '../engine/time.js',
  'server/hall/bad-http.ts': '../http/routes.js',
  'server/hall/ok-clock.ts': 'type:../clock.js',
  'server/engine/time.ts': '../../protocol/domain.js',
  'server/engine/bad-hall.ts': '../hall.js',
  'server/engine/bad-node.ts': 'node:crypto',
  'server/db/repo.ts': 'type:../engine/time.js',
  'server/db/bad-engine-value.ts': '../engine/time.js',
  'server/db/bad-hall.ts': '../hall.js',
  'server/http/routes.ts': '../hall.js',
  'server/http/bad-db.ts': '../db/repo.js',
  'server/http/bad-hall-inside.ts': 'type:../hall/core.js',
  'server/http/bad-driver.ts': '../../drivers/led.js',
  'server/realtime/bad-hall-inside.ts': '../hall/core.js',
  'server/devices/led.ts': '../../drivers/led.js',
  'server/devices-binding.ts': './hall.js',
  'server/bad-test.ts': '../test/helper.js',
  'server/bad-missing.ts': './missing.js',
  'drivers/led.ts': '../protocol/domain.js',
  'drivers/bad-server.ts': '../server/clock.js',
  'apps/kit/api.ts': '../../protocol/domain.js',
  'apps/kiosk/main.ts': '../kit/api.js',
  'apps/kiosk/bad-console.ts': '../console/store.js',
  'apps/kiosk/bad-server.ts': '../../server/hall.js',
  'apps/kiosk/bad-node.ts': 'node:path',
  'apps/console/store.ts': './main.js',
  'apps/console/main.ts': '../../protocol/domain.js',
  'test/helper.ts': '../server/db/repo.js',
  'bench/run.ts': '../server/db/repo.js',
};

let dir: string;
let violations: string[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hallq-boundaries-'));
  for (const [file, target] of Object.entries(FILES)) {
    mkdirSync(join(dir, dirname(file)), { recursive: true });
    const line = !target
      ? ''
      : target.startsWith('type:')
        ? `import type { T } from '${target.slice(5)}';\n`
        : `import { v } from '${target}';\n`;
    writeFileSync(join(dir, file), `${line}export const v = 1;\nexport type T = number;\n`);
  }
  for (const f of ['.dependency-cruiser.cjs', 'tsconfig.base.json', 'tsconfig.test.json']) copyFileSync(join(ROOT, f), join(dir, f));
  const bin = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
  // exit code 1..n = the number of errors: the report is what we read
  let out: string;
  try {
    out = execFileSync(
      process.execPath,
      [bin, '-c', '.dependency-cruiser.cjs', '-T', 'json', 'protocol', 'server', 'drivers', 'apps', 'test', 'bench'],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    );
  } catch (err) {
    out = (err as { stdout: string }).stdout;
  }
  const report = JSON.parse(out) as { summary: { violations: { from: string; to: string; rule: { name: string } }[] } };
  violations = report.summary.violations.map((v) => `${v.rule.name}: ${v.from}`).sort();
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('import boundaries', () => {
  it('refuse each forbidden import with the rule that forbids it, and nothing else', () => {
    expect(violations).toEqual(
      [
        'protocol-is-pure: protocol/bad-server.ts',
        'protocol-is-pure: protocol/bad-node.ts',
        'engine-only-protocol: server/engine/bad-hall.ts',
        'engine-only-protocol: server/engine/bad-node.ts',
        'db-engine-types-only: server/db/bad-engine-value.ts',
        'db-only-protocol-and-engine: server/db/bad-hall.ts',
        'hall-below-its-callers: server/hall/bad-http.ts',
        'callers-through-hall-ts: server/http/bad-db.ts',
        'callers-through-hall-ts: server/http/bad-hall-inside.ts',
        'callers-through-hall-ts: server/realtime/bad-hall-inside.ts',
        'drivers-only-through-devices: server/http/bad-driver.ts',
        'drivers-stand-alone: drivers/bad-server.ts',
        'apps-only-protocol-and-kit: apps/kiosk/bad-console.ts',
        'apps-only-protocol-and-kit: apps/kiosk/bad-server.ts',
        'apps-no-node: apps/kiosk/bad-node.ts',
        'not-to-tests: server/bad-test.ts',
        'not-to-unresolvable: server/bad-missing.ts',
      ].sort(),
    );
  });
});
