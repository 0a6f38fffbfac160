/**
 * Pairing and settings from the address: `#token=…` (a display device token, then kept in
 * localStorage and removed from the address bar), `&window=5` (window mode for window number 5),
 * `&repeat=2` (times each call is announced), `&voice=0` (mute), `&lang=en`. Settings other than
 * the token stay in the fragment so a reload keeps the mode.
 */
export const TOKEN_KEY = 'hallq.display.token';

export interface DisplaySettings {
  token: string | null;
  /** window number in window mode; null = lobby */
  window: number | null;
  repeat: number;
  voice: boolean;
  lang: 'zh' | 'en';
}

export const DEFAULT_REPEAT = 2;
export const MAX_REPEAT = 5;

export function parseSettings(hash: string, stored: string | null): DisplaySettings {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const win = Number(p.get('window'));
  const rep = Number(p.get('repeat'));
  return {
    token: p.get('token') || stored,
    window: Number.isInteger(win) && win > 0 ? win : null,
    repeat: p.has('repeat') && Number.isInteger(rep) && rep >= 0 ? Math.min(rep, MAX_REPEAT) : DEFAULT_REPEAT,
    voice: p.get('voice') !== '0',
    lang: p.get('lang') === 'en' ? 'en' : 'zh',
  };
}

/** The fragment without the token (what the address bar keeps). */
export function hashWithoutToken(hash: string): string {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  p.delete('token');
  const rest = p.toString();
  return rest ? `#${rest}` : '';
}

/** Reads the settings, stores a new token, and strips it from the address bar. */
export function loadSettings(loc: Location, storage: Storage, history: History): DisplaySettings {
  const s = parseSettings(loc.hash, storage.getItem(TOKEN_KEY));
  if (new URLSearchParams(loc.hash.replace(/^#/, '')).has('token') && s.token) {
    storage.setItem(TOKEN_KEY, s.token);
    history.replaceState(null, '', loc.pathname + loc.search + hashWithoutToken(loc.hash));
  }
  return s;
}
