/**
 * Which caller buttons can act now, and why not (shown under a disabled button). Read from the
 * ticket lifecycle table the server applies (protocol/rules/lifecycle.ts), so a button is enabled
 * exactly when the server would accept the press.
 */
import type { HallWindow, WindowState } from '../../protocol/domain.js';
import { allows } from '../../protocol/rules/lifecycle.js';
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
  const st = w.current?.status ?? null;
  // the commands only a called ticket takes say so when the ticket is in another state
  const onCalled = (cmd: 'recall' | 'no-show' | 'start') => (allows(cmd, st) ? yes : no(st ? 'whyNotCalled' : 'whyNoCurrent'));
  const onActive = (cmd: 'finish' | 'transfer') => (allows(cmd, st) ? yes : no('whyNoCurrent'));
  return {
    callNext: w.status === 'paused' ? no('whyPaused') : allows('call-next', st) ? yes : no('whyCalled'),
    recall: onCalled('recall'),
    noShow: onCalled('no-show'),
    start: onCalled('start'),
    finish: onActive('finish'),
    transfer: onActive('transfer'),
    pause: yes,
    mode: hw?.reservationOnly ? no('whyReservationOnly') : yes,
  };
}
