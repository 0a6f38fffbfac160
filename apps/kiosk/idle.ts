/**
 * Returns the kiosk home after a stretch without input (issue 5: 30 s). A ticket whose printing
 * failed, or that no printer printed, stays three times as long: the citizen has to note it down.
 */
import { PRINT_TIMEOUT_MS, type KioskStore } from './store.js';

/** How the kiosk's printing of a ticket went, as the citizen is told. */
export function printStatus(store: KioskStore, s: { print: 'queued' | 'none'; shownAt: number; ticket: { id: string } }, now: number): 'none' | 'printing' | 'ok' | 'failed' {
  if (s.print === 'none') return 'none';
  const outcome = store.prints.value[s.ticket.id];
  if (outcome) return outcome.ok ? 'ok' : 'failed';
  return now - s.shownAt >= PRINT_TIMEOUT_MS ? 'failed' : 'printing';
}

export function idleLimitMs(store: KioskStore): number {
  const base = store.idleSeconds * 1000;
  const s = store.screen.value;
  if (s.name !== 'ticket') return base;
  const st = printStatus(store, s, Date.now());
  return st === 'none' || st === 'failed' ? base * 3 : base;
}

export function attachIdle(target: Window, store: KioskStore, tickMs = 500): () => void {
  const onInput = () => store.touch();
  const events = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;
  for (const e of events) target.addEventListener(e, onInput, { capture: true, passive: true });
  const timer = setInterval(() => {
    const now = Date.now();
    store.nowMs.value = now;
    const s = store.screen.value;
    if (s.name === 'home' || s.name === 'busy') return;
    if (now - store.lastInput.value >= idleLimitMs(store)) store.go({ name: 'home' });
  }, tickMs);
  return () => {
    clearInterval(timer);
    for (const e of events) target.removeEventListener(e, onInput, { capture: true });
  };
}
