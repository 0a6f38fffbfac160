/**
 * The pad's pairing and settings from the address: `#token=…` (a display device token, kept by the
 * kit's pairing), `&window=N` (the window it rates: required), `&lang=en`, `&timeout=60` (seconds a
 * request waits for a tap before the pad goes back to idle, the ticket left unrated).
 */
import { parseLang, type Lang } from '../kit/i18n.js';
import { pair } from '../kit/pairing.js';

export const TOKEN_KEY = 'hallq.pad.token';
export const DEFAULT_TIMEOUT_S = 60;

export interface PadSettings { token: string | null; window: number | null; lang: Lang; timeoutMs: number }

export function parseSettings(p: URLSearchParams): Omit<PadSettings, 'token'> {
  const win = Number(p.get('window'));
  const timeout = Number(p.get('timeout'));
  return {
    window: Number.isInteger(win) && win > 0 ? win : null,
    lang: parseLang(p.get('lang')),
    timeoutMs: (Number.isFinite(timeout) && timeout >= 5 && timeout <= 600 ? timeout : DEFAULT_TIMEOUT_S) * 1000,
  };
}

export function loadSettings(loc: Location, storage: Storage, history: History): PadSettings {
  const { token, params } = pair(TOKEN_KEY, loc, storage, history);
  return { token, ...parseSettings(params) };
}
