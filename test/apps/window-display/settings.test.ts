import { describe, expect, it } from 'vitest';
import { DEFAULT_REPEAT, loadSettings, parseSettings, TOKEN_KEY } from '../../../apps/window-display/settings.js';

const frag = (h: string) => new URLSearchParams(h.replace(/^#/, ''));

describe('display settings from the address', () => {
  it('reads the window number, repeat count, voice and language from the fragment', () => {
    expect(parseSettings(frag('#token=abc&window=5&repeat=3&voice=0&lang=en'))).toEqual({ window: 5, repeat: 3, voice: false, lang: 'en' });
  });

  it('falls back to lobby mode, voice on, the default repeat', () => {
    expect(parseSettings(frag(''))).toEqual({ window: null, repeat: DEFAULT_REPEAT, voice: true, lang: 'zh' });
  });

  it('ignores a window or repeat that is not a whole number and caps the repeat', () => {
    const s = parseSettings(frag('#window=abc&repeat=-1'));
    expect(s.window).toBeNull();
    expect(s.repeat).toBe(DEFAULT_REPEAT);
    expect(parseSettings(frag('#repeat=99')).repeat).toBe(5);
  });

  it('takes the token from the fragment, else the stored one', () => {
    const store = new Map<string, string>([[TOKEN_KEY, 'stored']]);
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) } as Storage;
    const history = { replaceState: () => undefined } as unknown as History;
    expect(loadSettings({ hash: '#window=2', pathname: '/window-display/', search: '' } as Location, storage, history).token).toBe('stored');
    expect(loadSettings({ hash: '#token=new&window=2', pathname: '/window-display/', search: '' } as Location, storage, history)).toMatchObject({ token: 'new', window: 2 });
    expect(store.get(TOKEN_KEY)).toBe('new');
  });
});
