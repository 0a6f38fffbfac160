import { describe, expect, it } from 'vitest';
import { callOrder, pickNext, servesReservations, servesWalkIns, type Candidate, type CallOptions, type WindowView } from '../../protocol/rules/calling.js';
import { MINUTE } from '../../server/engine/time.js';

const T0 = new Date('2026-11-23T09:00:00+08:00').getTime();
const walk = (id: string, queueId: string, issuedMin: number): Candidate => ({ id, kind: 'walk-in', queueId, issuedAt: T0 + issuedMin * MINUTE });
const res = (id: string, queueId: string, slotMin: number, checkedInMin: number, issuedMin = checkedInMin): Candidate => ({
  id, kind: 'reservation', queueId, issuedAt: T0 + issuedMin * MINUTE, slotStart: T0 + slotMin * MINUTE, checkedInAt: T0 + checkedInMin * MINUTE,
});
const win = (over: Partial<WindowView> = {}): WindowView => ({ id: 'w1', queueIds: ['qA', 'qB'], reservationOnly: false, mode: 'normal', ...over });
const opts = (over: Partial<CallOptions> = {}): CallOptions => ({ now: T0, policy: 'auto', eligibleBeforeMs: 15 * MINUTE, ...over });
const pick = (c: Candidate[], w = win(), o = opts()) => {
  const r = pickNext(c, w, o);
  return r && `${r.ticket.id}:${r.reason}`;
};

describe('call-next order (DESIGN.md Tickets and calling)', () => {
  it('walk-ins leave oldest first across the window queues', () => {
    expect(pick([walk('a2', 'qA', 5), walk('b1', 'qB', 1), walk('a1', 'qA', 3)])).toBe('b1:walk-in');
  });
  it('equal issue times are broken by the window queue order', () => {
    expect(pick([walk('b1', 'qB', 1), walk('a1', 'qA', 1)])).toBe('a1:walk-in');
    expect(pick([walk('b1', 'qB', 1), walk('a1', 'qA', 1)], win({ queueIds: ['qB', 'qA'] }))).toBe('b1:walk-in');
  });
  it('ignores tickets of queues the window does not serve', () => {
    expect(pick([walk('c1', 'qC', 0)])).toBeNull();
  });
  it('an eligible reservation jumps every walk-in', () => {
    expect(pick([walk('a1', 'qA', -60), res('r1', 'qA', 10, 5)])).toBe('r1:reservation');
  });
  it('a reservation becomes eligible at slot start − 15 min, not before', () => {
    const r = res('r1', 'qA', 15, -5);
    expect(pick([walk('a1', 'qA', -60), r], win(), opts({ now: T0 - 1 }))).toBe('a1:walk-in');
    expect(pick([walk('a1', 'qA', -60), r], win(), opts({ now: T0 }))).toBe('r1:reservation');
  });
  it('reservations go by slot start, then check-in time', () => {
    expect(pick([res('late', 'qA', 10, 1), res('early', 'qA', 0, 5)])).toBe('early:reservation');
    expect(pick([res('second', 'qA', 0, 5), res('first', 'qA', 0, 2)])).toBe('first:reservation');
  });
  it('a ticket transferred to this window comes before reservations and walk-ins', () => {
    const t: Candidate = { ...walk('t1', 'qC', 30), targetWindowId: 'w1' };
    expect(pick([res('r1', 'qA', 0, 0), walk('a1', 'qA', -60), t])).toBe('t1:transfer');
  });
  it('a ticket transferred to another window is not called here, even in a queue this window serves', () => {
    const t: Candidate = { ...walk('t1', 'qA', -90), targetWindowId: 'w2' };
    expect(pick([t, walk('a1', 'qA', 0)])).toBe('a1:walk-in');
  });
  it('transfers keep their place: the oldest issued transfer is called first', () => {
    const t1: Candidate = { ...walk('t-new', 'qA', 30), targetWindowId: 'w1' };
    const t2: Candidate = { ...walk('t-old', 'qB', 2), targetWindowId: 'w1' };
    expect(pick([t1, t2])).toBe('t-old:transfer');
  });
});

describe('reservation priority policy and modes', () => {
  const line = [walk('a1', 'qA', -60), res('r1', 'qA', 0, -10)];
  it('auto: a normal window calls eligible reservations first', () => {
    expect(pick(line, win(), opts({ policy: 'auto' }))).toBe('r1:reservation');
  });
  it('manual: a normal window leaves reservations to reservation windows and calls walk-ins', () => {
    expect(pick(line, win(), opts({ policy: 'manual' }))).toBe('a1:walk-in');
    expect(pick([res('r1', 'qA', 0, -10)], win(), opts({ policy: 'manual' }))).toBeNull();
  });
  it('manual: a window in reservation mode calls reservations', () => {
    expect(pick(line, win({ mode: 'reservation' }), opts({ policy: 'manual' }))).toBe('r1:reservation');
    expect(pick(line, win(), opts({ policy: 'manual', mode: 'reservation' }))).toBe('r1:reservation');
  });
  it('reservation mode serves transfers and reservations only, never walk-ins', () => {
    expect(pick([walk('a1', 'qA', -60)], win(), opts({ mode: 'reservation' }))).toBeNull();
    expect(servesWalkIns(win(), opts({ mode: 'reservation' }))).toBe(false);
  });
  it('seed 002 §四(三) 预约专窗: a reservation-only window never calls walk-ins, under either policy', () => {
    const w = win({ reservationOnly: true });
    expect(pick([walk('a1', 'qA', -60)], w, opts({ policy: 'auto' }))).toBeNull();
    expect(pick(line, w, opts({ policy: 'manual' }))).toBe('r1:reservation');
    expect(servesReservations(w, opts({ policy: 'manual' }))).toBe(true);
  });
  it('a call-next mode overrides the window mode for that call', () => {
    expect(pick(line, win({ mode: 'reservation' }), opts({ policy: 'manual', mode: 'normal' }))).toBe('a1:walk-in');
  });
  it('a reservation not yet eligible is not called even by a reservation window', () => {
    expect(pick([res('r1', 'qA', 60, -10)], win({ reservationOnly: true }))).toBeNull();
  });
});

describe('ties in time', () => {
  it('walk-ins of one queue issued in the same millisecond leave in sequence order, whatever their ids', () => {
    const a = { ...walk('zzz', 'qA', 0), seq: 1 };
    const b = { ...walk('aaa', 'qA', 0), seq: 2 };
    expect(pick([b, a])).toBe('zzz:walk-in');
  });
  it('reservations with the same slot and check-in instant go in sequence order', () => {
    const a = { ...res('zzz', 'qA', 0, 0), seq: 7 };
    const b = { ...res('aaa', 'qA', 0, 0), seq: 8 };
    expect(pick([b, a])).toBe('zzz:reservation');
  });
  it('transfers to a window issued in the same millisecond go in sequence order, not by queue (as the hall\'s transfer head reads them)', () => {
    const fromB = { ...walk('b', 'qB', 0), seq: 1, targetWindowId: 'w1' };
    const fromA = { ...walk('a', 'qA', 0), seq: 2, targetWindowId: 'w1' };
    expect(pick([fromA, fromB])).toBe('b:transfer');
    expect(callOrder([fromA, fromB], win(), opts()).map((o) => o.ticket.id)).toEqual(['b', 'a']);
  });
});
