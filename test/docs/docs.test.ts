/**
 * The docs stay current: every error code, socket event, environment variable and config key the
 * code knows is documented; the configuration example parses with the server's own schema; and the
 * README stands alone (it names no file outside the repository).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERRORS } from '../../protocol/errors.js';
import { AGENT_EVENTS, SERVER_EVENTS } from '../../protocol/events.js';
import { PolicySchema } from '../../server/engine/policy.js';
import { DEFAULT_HOURS } from '../../server/engine/calendar.js';
import { parseHallConfig, SECTIONS } from '../../server/config.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFileSync(ROOT + path, 'utf8');
const contract = read('docs/contract.md');
const configuration = read('docs/configuration.md');

/** Every `.ts` file under a folder, recursively. */
function sources(dir: string): string[] {
  return readdirSync(ROOT + dir).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(ROOT + path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

describe('docs/contract.md', () => {
  it('names every error code of protocol/errors.ts', () => {
    const missing = Object.keys(ERRORS).filter((code) => !contract.includes('`' + code + '`'));
    expect(missing, 'error codes missing from docs/contract.md').toEqual([]);
  });
  it('names every socket event of protocol/events.ts', () => {
    const missing = SERVER_EVENTS.filter((e) => !contract.includes('`' + e + '`'));
    expect(missing, 'socket events missing from docs/contract.md').toEqual([]);
  });
  it('names every device agent event of protocol/events.ts (namespace /agent)', () => {
    const missing = AGENT_EVENTS.filter((e) => !contract.includes('`' + e + '`'));
    expect(missing, 'agent events missing from docs/contract.md').toEqual([]);
  });
});

describe('docs/configuration.md', () => {
  it('documents every HALLQ_ environment variable the server, the drivers and the device agent read', () => {
    const names = new Set(['server', 'drivers', 'agent'].flatMap(sources).flatMap((f) => read(f).match(/HALLQ_[A-Z_]*[A-Z]/g) ?? []));
    const missing = [...names].filter((n) => !configuration.includes('`' + n + '`'));
    expect(missing, 'environment variables missing from docs/configuration.md').toEqual([]);
  });
  it('documents every policy key and every hours key', () => {
    const keys = [
      ...Object.keys(PolicySchema.shape).map((k) => `policy.${k}`),
      ...Object.keys(DEFAULT_HOURS).map((k) => `hours.${k}`),
    ];
    const missing = keys.filter((k) => !configuration.includes('`' + k + '`'));
    expect(missing, 'config keys missing from docs/configuration.md').toEqual([]);
  });
  it('documents every settings section of the config file, and the catalog', () => {
    const missing = [...SECTIONS, 'catalog'].filter((k) => !configuration.includes('`' + k));
    expect(missing, 'config sections missing from docs/configuration.md').toEqual([]);
  });
  it('has an example file the server accepts', () => {
    const example = /## Example[\s\S]*?```json\n([\s\S]*?)```/.exec(configuration)?.[1];
    expect(example).toBeDefined();
    const cfg = parseHallConfig(JSON.parse(example!), 'docs/configuration.md');
    expect(cfg.policy.reservationPriority).toBe('manual');
    expect(cfg.devices.length).toBeGreaterThan(0);
  });
});

describe('README.md', () => {
  it('stands alone: names no file outside the repository', () => {
    for (const path of ['README.md', 'docs/architecture.md', 'docs/contract.md', 'docs/configuration.md']) {
      const text = read(path);
      for (const outside of ['../shared', '/work/', 'DESIGN.md', 'CONTRACT.md', 'STYLE.md', 'seeds/'])
        expect(text.includes(outside), `${path} names ${outside}`).toBe(false);
    }
  });
  it('points to the docs', () => {
    const readme = read('README.md');
    for (const doc of ['docs/architecture.md', 'docs/contract.md', 'docs/configuration.md']) expect(readme).toContain(doc);
  });
});
