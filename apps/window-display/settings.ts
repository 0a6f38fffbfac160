/**
 * The display's pairing and settings from the address: `#token=…` (a display device token, kept by
 * the kit's pairing and removed from the address bar), `&window=5` (window mode for window number 5),
 * `&repeat=2` (times each call is announced), `&voice=0` (mute), `&lang=en`. Settings other than
 * the token stay in the fragment so a reload keeps the mode.
 */
import { parseLang, type Lang } from '../kit/i18n.js';
import { pair } from '../kit/pairing.js';

export const TOKEN_KEY = 'hallq.display.token';

export interface DisplaySettings {
  token: string | null;
  /** window number in window mode; null = lobby */
  window: number | null;
  repeat: number;
  voice: boolean;
  lang: Lang;
}

export const DEFAULT_REPEAT = 2;
export const MAX_REPEAT = 5;

/** The settings a fragment names besides the token. */
export function parseSettings(p: URLSearchParams): Omit<DisplaySettings, 'token'> {
  const win = Number(p.get('window'));
  const rep = Number(p.get('repeat'));
  return {
    window: Number.isInteger(win) && win > 0 ? win : null,
    repeat: p.has('repeat') && Number.isInteger(rep) && rep >= 0 ? Math.min(rep, MAX_REPEAT) : DEFAULT_REPEAT,
    voice: p.get('voice') !== '0',
    lang: parseLang(p.get('lang')),
  };
}

export function loadSettings(loc: Location, storage: Storage, history: History): DisplaySettings {
  const { token, params } = pair(TOKEN_KEY, loc, storage, history);
  return { token, ...parseSettings(params) };
}
