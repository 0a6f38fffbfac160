/**
 * The hall's settings as the config file and the admin see them (CONTRACT.md "Hall settings"). The
 * database holds them, one row per section (server/hall/settings.ts); `HALLQ_CONFIG` seeds the
 * sections it names that the database does not hold yet (and its `catalog` into an empty hall), so
 * a later start never overwrites what an admin changed. Every change is checked with the config
 * file's own schema (server/config.ts), the whole config at once so that cross-section rules hold,
 * and refused with `invalid-config` naming the path.
 */
import type pino from 'pino';
import { HallError } from '../protocol/errors.js';
import type { ConfigApplied, ConfigSectionResult, HallConfigView } from '../protocol/responses.js';
import { SYSTEM, type Actor, type Hall } from './hall.js';
import {
  checkHallConfig, ConfigError, effectiveConfig, isScalarSection, liveSettings, RESTART_SECTIONS, SECTIONS, type HallConfig,
} from './config.js';

/** What GET /api/config shows instead of a secret (a PUT that sends it back keeps the stored value). */
export const MASKED = '********';
const SECRET_KEY = /secret|password|token/i;

type Issues = { path: string; message: string }[];
type Json = Record<string, unknown>;

const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** 400 invalid-config naming the first fault's path ('hours.weekend.0'); every fault in `details.issues`. */
function invalidConfig(issues: Issues, section?: string): HallError {
  const first = issues.find((i) => section !== undefined && (i.path === section || i.path.startsWith(`${section}.`))) ?? issues[0];
  return new HallError('invalid-config', { path: first.path, reason: first.message, issues });
}

/** Secrets masked, at any depth, by their key's name (platform.secret and the like). */
export function mask(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(mask);
  if (!isRecord(v)) return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, SECRET_KEY.test(k) && typeof x === 'string' && x ? MASKED : mask(x)]));
}

/** A masked secret sent back unchanged keeps the stored one. */
export function unmask(v: unknown, stored: unknown): unknown {
  if (Array.isArray(v)) return v.map((x, i) => unmask(x, Array.isArray(stored) ? stored[i] : undefined));
  if (!isRecord(v)) return v;
  const old = isRecord(stored) ? stored : {};
  return Object.fromEntries(Object.entries(v).map(([k, x]) =>
    [k, SECRET_KEY.test(k) && x === MASKED && typeof old[k] === 'string' ? old[k] : unmask(x, old[k])]));
}

const pick = (cfg: HallConfig, keys: string[]): Json => Object.fromEntries(keys.map((k) => [k, (cfg as Json)[k]]));

export class Settings {
  constructor(private readonly hall: Hall, private readonly tz: string, private readonly log: pino.Logger) {}

  /** The stored sections this version knows (one it does not know is left alone, with a warning at start). */
  private known(stored: Json): Json {
    return Object.fromEntries(Object.entries(stored).filter(([k]) => SECTIONS.includes(k)));
  }

  /**
   * At start: seeds the sections `file` names that the database does not hold, and the file's catalog
   * into an empty hall; puts the settings into effect. Answers the config in effect (the devices are
   * built from it). A fault in the file or in the stored settings is a ConfigError naming the path.
   */
  boot(file: { json: unknown; source: string } | null): HallConfig {
    let fromFile: HallConfig | null = null;
    if (file) {
      const r = checkHallConfig(file.json);
      if (!r.ok) throw new ConfigError(`invalid hall config (${file.source}):\n${r.issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`);
      fromFile = r.config;
    }
    const all = this.hall.config.stored();
    const unknown = Object.keys(all).filter((k) => !SECTIONS.includes(k));
    if (unknown.length) this.log.warn({ sections: unknown }, 'the database holds settings sections this version does not know: ignored');
    const stored = this.known(all);
    const named = fromFile && isRecord(file?.json) ? Object.keys(file.json).filter((k) => SECTIONS.includes(k)) : [];
    const seed = fromFile ? pick(fromFile, named.filter((k) => !(k in stored))) : {};
    const kept = fromFile ? named.filter((k) => k in stored && !same(stored[k], (fromFile as Json)[k])) : [];
    if (kept.length && file?.source !== 'demo') // the demo's hall name is no file an installer wrote
      this.log.warn({ sections: kept, file: file?.source },
        'the config file differs from the settings in the database, which win (an admin changed them); POST /api/config/apply re-applies the file');

    const merged = checkHallConfig({ ...stored, ...seed });
    if (!merged.ok)
      throw new ConfigError(`the hall settings in the database are invalid:\n${merged.issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}\n` +
        '(fix them with PUT /api/config/:section on a server that starts, or start with an empty database)');
    this.hall.config.write(SYSTEM, seed, liveSettings(merged.config, this.tz), { via: 'seed', restartRequired: false });
    if (Object.keys(seed).length) this.log.info({ sections: Object.keys(seed).sort(), file: file?.source }, 'seeded the hall settings from the config file');

    if (fromFile?.catalog && this.hall.catalog.isEmpty()) {
      try {
        const n = this.hall.catalog.import(SYSTEM, fromFile.catalog);
        this.log.info({ queues: n.queues, services: n.services, windows: n.windows }, 'imported the catalog of the config file');
      } catch (err) {
        if (err instanceof HallError) throw new ConfigError(`invalid hall config (${file?.source}):\n  catalog: ${err.message} ${JSON.stringify(err.details ?? {})}`);
        throw err;
      }
    }
    return merged.config;
  }

  /** The stored sections as a whole config (they were checked when written). */
  private current(actor: Actor): HallConfig {
    const r = checkHallConfig(this.known(this.hall.config.read(actor)));
    if (!r.ok) throw invalidConfig(r.issues); // unreachable: every write is checked
    return r.config;
  }

  /** GET /api/config: every section in effect, in the config file's shape, the catalog as a file would state it; secrets masked. */
  view(actor: Actor): HallConfigView {
    const cfg = this.current(actor);
    const catalog = {
      queues: this.hall.queues().map(({ id, name, nameEn, prefix, sortOrder }) => ({ id, name, ...(nameEn ? { nameEn } : {}), prefix, sortOrder })),
      services: this.hall.services().map((s) => ({
        id: s.id, code: s.code, name: s.name, ...(s.nameEn ? { nameEn: s.nameEn } : {}), queueId: s.queueId, bookable: s.bookable,
        extended: s.extended, slotCapacity: s.slotCapacity, ...(s.phone ? { phone: s.phone } : {}), ...(s.windowLabel ? { windowLabel: s.windowLabel } : {}),
        ...(s.materials ? { materials: s.materials } : {}), ...(s.dailyCap !== undefined ? { dailyCap: s.dailyCap } : {}),
      })),
      windows: this.hall.windows().map(({ id, number, name, queueIds, reservationOnly }) => ({ id, number, name, queueIds, reservationOnly })),
    };
    return { ...(mask(effectiveConfig(cfg, this.tz)) as Json), catalog } as HallConfigView;
  }

  /** PUT /api/config/:section: the section as in the file (a scalar one as `{value}`; `{value: null}` back to its default). */
  put(actor: Actor, section: string, body: unknown): ConfigSectionResult {
    this.hall.authorize(actor, 'settings.edit');
    if (section === 'catalog')
      throw new HallError('invalid-config', { path: 'catalog', reason: '队列、事项和窗口请通过 /api/queues、/api/services、/api/windows 修改' });
    if (!SECTIONS.includes(section)) throw new HallError('not-found', { section, sections: SECTIONS }, '没有该配置项');
    let value = body;
    if (isScalarSection(section)) {
      if (!isRecord(body) || Object.keys(body).join() !== 'value')
        throw new HallError('invalid-config', { path: section, reason: `send {"value": …} (null: back to the default)` });
      value = body.value;
    }
    const stored = this.known(this.hall.config.read(actor));
    value = unmask(value, stored[section]);
    const candidate: Json = { ...stored, [section]: value };
    if (value === null) delete candidate[section];
    const r = checkHallConfig(candidate);
    if (!r.ok) throw invalidConfig(r.issues, section);
    const restartRequired = RESTART_SECTIONS.has(section);
    this.hall.config.write(actor, { [section]: value === null ? undefined : (r.config as Json)[section] }, liveSettings(r.config, this.tz),
      { via: 'put', restartRequired });
    return { section, value: mask(effectiveConfig(r.config, this.tz)[section]), restartRequired };
  }

  /**
   * After a year's holiday schedule was entered (hall.enterHolidayYear puts it into effect): the
   * overrides now in effect are stored in the `hours` section, so a restart keeps them.
   */
  keepOverrides(actor: Actor): void {
    const stored = this.known(this.hall.config.read(actor));
    const hours = isRecord(stored.hours) ? stored.hours : {};
    this.put(actor, 'hours', { ...hours, overrides: { ...this.hall.settings.hours.overrides } });
  }

  /**
   * POST /api/config/apply: a whole config file again, as an admin's audited act. The sections it
   * names replace the stored ones (the others stay); its catalog is imported only into an empty hall.
   */
  apply(actor: Actor, json: unknown): ConfigApplied {
    this.hall.authorize(actor, 'settings.edit');
    const file = checkHallConfig(json);
    if (!file.ok) throw invalidConfig(file.issues);
    const named = isRecord(json) ? Object.keys(json).filter((k) => SECTIONS.includes(k)) : [];
    const stored = this.known(this.hall.config.read(actor));
    const r = checkHallConfig({ ...stored, ...pick(file.config, named) });
    if (!r.ok) throw invalidConfig(r.issues);
    let catalog: ConfigApplied['catalog'] = 'absent';
    if (file.config.catalog) {
      catalog = this.hall.catalog.isEmpty() ? 'imported' : 'skipped';
      if (catalog === 'imported') this.hall.catalog.import(actor, file.config.catalog);
    }
    const restartRequired = named.some((k) => RESTART_SECTIONS.has(k) && !same(stored[k] ?? [], (r.config as Json)[k]));
    this.hall.config.write(actor, pick(r.config, named), liveSettings(r.config, this.tz), { via: 'apply', restartRequired });
    return { sections: named.sort(), restartRequired, catalog };
  }
}
