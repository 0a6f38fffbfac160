/**
 * Device pairing: a kiosk or a display gets its device token once, in the URL fragment
 * (`#token=…&…`). The token is kept in localStorage and removed from the address bar, so a
 * passer-by photographing the screen never sees it; the fragment's other settings stay, so a
 * reload keeps the screen's mode.
 */

/** The fragment's parameters (`#a=1&b=2`). */
export const fragment = (hash: string): URLSearchParams => new URLSearchParams(hash.replace(/^#/, ''));

/** The fragment without the token (what the address bar keeps). */
export function hashWithoutToken(hash: string): string {
  const p = fragment(hash);
  p.delete('token');
  const rest = p.toString();
  return rest ? `#${rest}` : '';
}

export interface Paired {
  /** the device token: from the fragment, else the one stored earlier, else null (not paired) */
  token: string | null;
  /** the fragment's other settings */
  params: URLSearchParams;
}

/** Reads the fragment; a token in it is stored under `key` and stripped from the address bar. */
export function pair(key: string, loc: Pick<Location, 'hash' | 'pathname' | 'search'>, storage: Pick<Storage, 'getItem' | 'setItem'>, history: Pick<History, 'replaceState'>): Paired {
  const params = fragment(loc.hash);
  const given = params.get('token');
  if (given) {
    storage.setItem(key, given);
    history.replaceState(null, '', loc.pathname + loc.search + hashWithoutToken(loc.hash));
  }
  params.delete('token');
  return { token: given || storage.getItem(key), params };
}
