/**
 * The pad's state (a signals store given to components by context): idle shows the window and its
 * staff; `evaluation:request` asks for a level; a low level asks for reasons; then thanks, and back
 * to idle. A request nobody answers within the timeout is dropped: the ticket stays unrated (never
 * a default rating).
 */
import { signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { StateSnapshot, WindowState } from '../../protocol/domain.js';
import { isLowLevel, type EvaluationLevel, type EvaluationRequestEvent } from '../../protocol/evaluations.js';
import type { Lang } from '../kit/i18n.js';
import type { Link } from '../kit/socket.js';

export type Phase = 'idle' | 'ask' | 'reasons' | 'sending' | 'thanks';
/** how long the thanks stay on screen */
export const THANKS_MS = 5_000;

export interface Timers { setTimeout(fn: () => void, ms: number): unknown; clearTimeout(handle: unknown): void }
/** sends the rating; rejects with `{code, message}` on a refusal */
export type Send = (ticketId: string, level: EvaluationLevel, reasons: string[]) => Promise<void>;

export function createPadStore(deps: { windowNo: number | null; timers: Timers; timeoutMs: number; send: Send; lang?: Lang }) {
  const lang = signal<Lang>(deps.lang ?? 'zh');
  const link = signal<Link>('connecting');
  const hallName = signal('');
  const win = signal<WindowState | null>(null);
  const request = signal<EvaluationRequestEvent | null>(null);
  const phase = signal<Phase>('idle');
  const level = signal<EvaluationLevel | null>(null);
  const chosen = signal<string[]>([]);
  const error = signal<string | null>(null);
  /** the thanks say 已评价 instead when the ticket had been rated elsewhere (the QR page) */
  const alreadyRated = signal(false);
  /** the pairing link names a window the hall does not have */
  const problem = signal<'noWindow' | null>(null);
  let timer: unknown = null;

  const later = (ms: number, fn: () => void) => {
    if (timer !== null) deps.timers.clearTimeout(timer);
    timer = deps.timers.setTimeout(() => { timer = null; fn(); }, ms);
  };
  const toIdle = () => {
    if (timer !== null) deps.timers.clearTimeout(timer);
    timer = null;
    request.value = null; level.value = null; chosen.value = []; error.value = null; alreadyRated.value = false;
    phase.value = 'idle';
  };
  /** any tap keeps the request alive for another timeout */
  const keepAlive = () => later(deps.timeoutMs, toIdle);
  const thank = (already: boolean) => {
    alreadyRated.value = already;
    phase.value = 'thanks';
    later(THANKS_MS, toIdle);
  };

  async function submit() {
    const r = request.value;
    const l = level.value;
    if (!r || l === null || phase.value === 'sending') return;
    phase.value = 'sending';
    error.value = null;
    try {
      await deps.send(r.ticket.id, l, isLowLevel(l) ? chosen.value : []);
      thank(false);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'already-evaluated') return thank(true);
      error.value = (e as Error).message || String(e);
      phase.value = isLowLevel(l) ? 'reasons' : 'ask';
      keepAlive();
    }
  }

  return {
    lang, link, hallName, win, request, phase, level, chosen, error, alreadyRated, problem,
    snapshot(s: StateSnapshot) {
      hallName.value = s.hallName ?? '';
      win.value = s.windows.find((w) => w.number === deps.windowNo) ?? null;
    },
    windowUpdated(w: WindowState) { if (w.number === deps.windowNo) win.value = w; },
    /** a finished ticket at this window: a newer request replaces one not answered (that ticket stays unrated) */
    requested(e: EvaluationRequestEvent) {
      if (deps.windowNo !== null && e.window.number !== deps.windowNo) return;
      toIdle();
      request.value = e;
      phase.value = 'ask';
      keepAlive();
    },
    pick(l: EvaluationLevel) {
      if (phase.value !== 'ask') return;
      level.value = l;
      if (isLowLevel(l)) {
        phase.value = 'reasons';
        keepAlive();
      } else void submit();
    },
    toggle(reason: string) {
      chosen.value = chosen.value.includes(reason) ? chosen.value.filter((x) => x !== reason) : [...chosen.value, reason];
      keepAlive();
    },
    back() { phase.value = 'ask'; level.value = null; chosen.value = []; error.value = null; keepAlive(); },
    submit,
  };
}

export type PadStore = ReturnType<typeof createPadStore>;
export const StoreContext = createContext<PadStore | null>(null);
export function useStore(): PadStore {
  const s = useContext(StoreContext);
  if (!s) throw new Error('no pad store');
  return s;
}
