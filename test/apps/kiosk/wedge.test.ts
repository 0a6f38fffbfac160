/**
 * The keyboard-wedge scanner's burst rule (apps/kiosk/wedge.ts) at its production gap of 50 ms, with the
 * clock in the test's hands. The browser tests type through Chromium, whose key timing a loaded CI
 * machine cannot promise, so they run with a wider gap; the rule itself is pinned here.
 */
import { describe, expect, it } from 'vitest';
import { attachWedge } from '../../../apps/kiosk/wedge.js';

class FakeElement {}
(globalThis as unknown as { HTMLElement: unknown }).HTMLElement ??= FakeElement;

function setup() {
  let listener: ((e: KeyboardEvent) => void) | null = null;
  const target = { addEventListener: (_: string, l: (e: KeyboardEvent) => void) => { listener = l; }, removeEventListener: () => { listener = null; } };
  let t = 0;
  const scans: string[] = [];
  const detach = attachWedge(target as unknown as Window, { onScan: (s) => scans.push(s), now: () => t });
  /** presses `key` `gap` ms after the previous key; answers whether the key was kept from the page */
  const press = (key: string, gap: number) => {
    t += gap;
    let kept = false;
    listener!({ key, ctrlKey: false, altKey: false, metaKey: false, target: null, preventDefault: () => { kept = true; }, stopImmediatePropagation: () => undefined } as unknown as KeyboardEvent);
    return kept;
  };
  const type = (text: string, gap: number) => [...text].map((k) => press(k, gap));
  return { press, type, scans, detach, listening: () => listener !== null };
}

describe('keyboard-wedge scanner (50 ms bursts)', () => {
  it('keys 5 ms apart ending in Enter are one scan, and none reaches the page', () => {
    const w = setup();
    expect(w.type('HQ1.abc.XYZ', 5).every(Boolean)).toBe(true);
    expect(w.press('Enter', 5)).toBe(true);
    expect(w.scans).toEqual(['HQ1.abc.XYZ']);
  });

  it('a person typing (120 ms apart) makes no scan, and Enter passes through', () => {
    const w = setup();
    w.type('123456789', 120);
    expect(w.press('Enter', 120)).toBe(false);
    expect(w.scans).toEqual([]);
  });

  it('a burst shorter than 6 characters is not a scan', () => {
    const w = setup();
    w.type('12345', 5);
    expect(w.press('Enter', 5)).toBe(false);
    expect(w.scans).toEqual([]);
  });

  it('a pause of 50 ms or more starts a new burst: only the keys after it are scanned', () => {
    const w = setup();
    w.type('xyz', 5);
    w.press('H', 50);
    w.type('Q1.abc', 49);
    w.press('Enter', 5);
    expect(w.scans).toEqual(['HQ1.abc']);
  });

  it('Space typed slowly is left to the page (a person pressing a focused button)', () => {
    const w = setup();
    expect(w.press(' ', 1000)).toBe(false);
    expect(w.press('a', 1000)).toBe(true); // printable keys never type anywhere: the kiosk has no text fields
  });

  it('detaching stops listening', () => {
    const w = setup();
    w.detach();
    expect(w.listening()).toBe(false);
  });
});
