/**
 * Keyboard-wedge QR scanner: the scanner "types" its text very fast and ends with Enter. Keys that
 * arrive < 50 ms apart form a burst; a burst of ≥ 6 characters ending in Enter is a scan. Burst keys
 * are captured whatever has focus and never reach a field or a focused button (the final Enter
 * would otherwise press it). Slow keys (a person on a keyboard) pass through untouched.
 */
export interface WedgeOptions {
  onScan(text: string): void;
  /** max gap between keys of one burst */
  gapMs?: number;
  minLength?: number;
  now?: () => number;
}

const isEditable = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || t.tagName === 'INPUT' || t.tagName === 'TEXTAREA');

export function attachWedge(target: Window, o: WedgeOptions): () => void {
  const gap = o.gapMs ?? 50;
  const min = o.minLength ?? 6;
  const now = o.now ?? (() => performance.now());
  let buffer = '';
  let last = -Infinity;

  const onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.altKey || e.metaKey) return;
    const t = now();
    const inBurst = buffer.length > 0 && t - last < gap;
    if (e.key === 'Enter') {
      if (inBurst && buffer.length >= min) {
        e.preventDefault();
        e.stopImmediatePropagation();
        const text = buffer;
        buffer = '';
        o.onScan(text);
      } else buffer = '';
      return;
    }
    if (e.key.length !== 1) return; // Tab, arrows, Shift…: navigation stays with the person
    if (!inBurst) buffer = '';
    buffer += e.key;
    last = t;
    // the first key of a burst cannot be told from a person's key, except it must never type into a
    // field either: the kiosk has no text fields, so printable keys other than Space are always kept
    if (inBurst || e.key !== ' ' || isEditable(e.target)) {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
  };
  target.addEventListener('keydown', onKey, { capture: true });
  return () => target.removeEventListener('keydown', onKey, { capture: true });
}
