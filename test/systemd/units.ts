/**
 * A systemd unit file as section → key → every value given (a key may repeat, e.g. DeviceAllow),
 * for the unit tests in this folder. Continuation lines (ending in a backslash) are joined.
 */
import { expect } from 'vitest';

export function parseUnit(text: string): Record<string, Record<string, string[]>> {
  const out: Record<string, Record<string, string[]>> = {};
  let section = '';
  for (const raw of text.replace(/\\\n/g, ' ').split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const head = line.match(/^\[(.+)\]$/);
    if (head) {
      section = head[1];
      out[section] ??= {};
      continue;
    }
    const eq = line.indexOf('=');
    expect(eq, `not key=value: ${line}`).toBeGreaterThan(0);
    expect(section, `outside a section: ${line}`).not.toBe('');
    (out[section][line.slice(0, eq)] ??= []).push(line.slice(eq + 1));
  }
  return out;
}
