/**
 * The kiosk's pairing and settings. The device token arrives once in the URL fragment and is kept by
 * the kit's pairing (localStorage, removed from the address bar). The other settings
 * (`#idle=30&camera=1&lang=en&wedge=50`) are remembered on this PC, so a reload without them keeps them.
 */
import { parseLang, type Lang } from '../kit/i18n.js';
import { pair } from '../kit/pairing.js';

export interface KioskSettings {
  token: string | null;
  /** seconds without input before returning home (issue 5: 30 s) */
  idleSeconds: number;
  /** camera QR scanning; off unless the hall enables it on this kiosk */
  camera: boolean;
  lang: Lang;
  /** max ms between the keys of a wedge scanner's burst (50; a slow USB hub or a loaded test machine may need more) */
  wedgeGapMs: number;
}

export const TOKEN_KEY = 'hallq.kiosk.token';
const SETTINGS_KEY = 'hallq.kiosk';

/** The settings a fragment names, over the stored ones (anything malformed is ignored). */
export function parseSettings(params: URLSearchParams, stored: Partial<Omit<KioskSettings, 'token'>>): Omit<KioskSettings, 'token'> {
  const s = { idleSeconds: 30, camera: false, lang: 'zh' as Lang, wedgeGapMs: 50, ...stored };
  const idle = Number(params.get('idle'));
  if (params.has('idle') && Number.isFinite(idle) && idle > 0) s.idleSeconds = idle;
  const gap = Number(params.get('wedge'));
  if (params.has('wedge') && Number.isFinite(gap) && gap > 0) s.wedgeGapMs = gap;
  if (params.has('camera')) s.camera = params.get('camera') === '1';
  s.lang = parseLang(params.get('lang'), s.lang);
  return s;
}

export function loadSettings(loc: Location, storage: Storage, history: History): KioskSettings {
  const { token, params } = pair(TOKEN_KEY, loc, storage, history);
  let stored: Partial<KioskSettings> = {};
  try {
    stored = JSON.parse(storage.getItem(SETTINGS_KEY) ?? '{}') as Partial<KioskSettings>;
  } catch (e) {
    console.warn('kiosk settings unreadable; defaults used', e);
  }
  delete stored.token;
  const s = parseSettings(params, stored);
  storage.setItem(SETTINGS_KEY, JSON.stringify(s));
  return { token, ...s };
}
