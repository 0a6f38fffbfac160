import { describe, expect, it } from 'vitest';
import { hashWithoutToken, pair } from '../../../apps/kit/pairing.js';

function fakes(stored: Record<string, string> = {}) {
  const store = new Map(Object.entries(stored));
  const urls: string[] = [];
  return {
    store, urls,
    storage: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) },
    history: { replaceState: (_s: unknown, _t: string, url?: string | URL | null) => void urls.push(String(url)) },
  };
}

describe('device pairing', () => {
  it('drops only the token from the fragment kept in the address bar', () => {
    expect(hashWithoutToken('#token=abc&window=5')).toBe('#window=5');
    expect(hashWithoutToken('#token=abc')).toBe('');
  });

  it('stores a token from the fragment and removes it from the address bar, keeping the other settings', () => {
    const f = fakes();
    const p = pair('k', { hash: '#token=t1&idle=30', pathname: '/kiosk/', search: '?x=1' }, f.storage, f.history);
    expect(p.token).toBe('t1');
    expect(p.params.get('idle')).toBe('30');
    expect(p.params.has('token')).toBe(false);
    expect(f.store.get('k')).toBe('t1');
    expect(f.urls).toEqual(['/kiosk/?x=1#idle=30']);
  });

  it('uses the stored token when the address has none, and leaves the address alone', () => {
    const f = fakes({ k: 'old' });
    expect(pair('k', { hash: '#idle=30', pathname: '/kiosk/', search: '' }, f.storage, f.history).token).toBe('old');
    expect(f.urls).toEqual([]);
  });

  it('is not paired without a token anywhere', () => {
    const f = fakes();
    expect(pair('k', { hash: '', pathname: '/', search: '' }, f.storage, f.history).token).toBeNull();
  });
});
