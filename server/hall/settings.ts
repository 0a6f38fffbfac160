/**
 * The hall's settings in the database (CONTRACT.md "Hall settings"): one row per config-file section,
 * `config:<section>` → the section's JSON as validated. The composition root (server/settings.ts)
 * validates with the config file's schema and derives the live settings; here they are stored,
 * audited and put into effect at once (the next command reads them; every screen hears `hall:updated`).
 */
import type { Core, HallSettings } from './core.js';
import { record, type Actor } from './core.js';
import { announceHall } from './timers.js';

const PREFIX = 'config:';

/** What a settings change puts into effect without a restart (the QR secret is never among them). */
export type LiveSettings = Partial<Omit<HallSettings, 'secret'>>;

/** The sections stored, by name, as parsed JSON. */
export function stored(core: Core): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { key, value } of core.repos.settings.withPrefix(PREFIX)) out[key.slice(PREFIX.length)] = JSON.parse(value) as unknown;
  return out;
}

export interface WriteOptions { via: 'put' | 'apply' | 'seed'; restartRequired: boolean }

/**
 * Stores `sections` (undefined: the section goes back to its default), records one `settings.updated`,
 * then puts `live` into effect and announces the hall. Nothing to store: only `live` is put into effect
 * (at start). A failed write changes nothing: the live settings change only after the commit.
 */
export function write(core: Core, actor: Actor, sections: Record<string, unknown>, live: LiveSettings, o: WriteOptions): { keys: string[] } {
  const keys = Object.keys(sections).sort();
  if (keys.length) {
    core.run('settings.update', actor, undefined, () => {
      for (const k of keys) {
        const v = sections[k];
        if (v === undefined) core.repos.settings.delete(PREFIX + k);
        else core.repos.settings.put(PREFIX + k, JSON.stringify(v));
      }
      record(core, 'settings.updated', actor, null, { keys, via: o.via, ...(o.restartRequired ? { restartRequired: true } : {}) });
      return {};
    });
  }
  // in place: everything holding the hall's settings object sees the change; a new hours object, so
  // the calendar's per-config caches start afresh
  Object.assign(core.cfg, live);
  // at start (seed) no screen is connected yet, and the first tick notes the hall's openness itself
  if (keys.length && o.via !== 'seed') announceHall(core);
  return { keys };
}
