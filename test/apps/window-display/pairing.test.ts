import { describe, expect, it } from 'vitest';
import { DEFAULT_REPEAT, hashWithoutToken, parseSettings } from '../../../apps/window-display/pairing.js';

describe('display settings from the address', () => {
  it('reads the token, window number, repeat count, voice and language from the fragment', () => {
    expect(parseSettings('#token=abc&window=5&repeat=3&voice=0&lang=en', null)).toEqual({ token: 'abc', window: 5, repeat: 3, voice: false, lang: 'en' });
  });

  it('falls back to the stored token and lobby mode, voice on, the default repeat', () => {
    expect(parseSettings('', 'stored')).toEqual({ token: 'stored', window: null, repeat: DEFAULT_REPEAT, voice: true, lang: 'zh' });
  });

  it('ignores a window or repeat that is not a whole number and caps the repeat', () => {
    const s = parseSettings('#window=abc&repeat=-1', null);
    expect(s.window).toBeNull();
    expect(s.repeat).toBe(DEFAULT_REPEAT);
    expect(parseSettings('#repeat=99', null).repeat).toBe(5);
  });

  it('drops only the token from the fragment kept in the address bar', () => {
    expect(hashWithoutToken('#token=abc&window=5')).toBe('#window=5');
    expect(hashWithoutToken('#token=abc')).toBe('');
  });
});
