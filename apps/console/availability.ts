/**
 * Which caller buttons can act now, and why not (shown under a disabled button). Mirrors the
 * server's window rules (server/hall/windows.ts) so staff see the reason before they press.
 */
import type { HallWindow, WindowState } from '../../protocol/domain.js';
import type { MsgKey } from './i18n.js';

export type ButtonId = 'callNext' | 'recall' | 'noShow' | 'start' | 'finish' | 'transfer' | 'pause' | 'mode';
export interface Availability { enabled: boolean; why?: MsgKey }

const yes: Availability = { enabled: true };
const no = (why: MsgKey): Availability => ({ enabled: false, why });

export function availability(w: WindowState | null, hw: HallWindow | null): Record<ButtonId, Availability> {
  if (!w || w.status === 'closed') {
    const closed = no('whyClosed');
    return { callNext: closed, recall: closed, noShow: closed, start: closed, finish: closed, transfer: closed, pause: closed, mode: closed };
  }
  const st = w.current?.status;
  const called = st === 'called';
  const active = called || st === 'serving';
  const whenCalled = called ? yes : no(st ? 'whyNotCalled' : 'whyNoCurrent');
  return {
    callNext: w.status === 'paused' ? no('whyPaused') : called ? no('whyCalled') : yes,
    recall: whenCalled,
    noShow: whenCalled,
    start: whenCalled,
    finish: active ? yes : no('whyNoCurrent'),
    transfer: active ? yes : no('whyNoCurrent'),
    pause: yes,
    mode: hw?.reservationOnly ? no('whyReservationOnly') : yes,
  };
}
