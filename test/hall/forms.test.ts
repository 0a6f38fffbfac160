/**
 * Who reads a citizen's phone in clear on a printable form (issue 19): a lead or admin always; staff
 * for their own window's bookings — dispatched to one of their windows, or, not dispatched, served by
 * one of their windows' queues. Each reveal is one audit entry with booking ids only.
 */
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../server/hall.js';
import { ADMIN, makeHall, seedCatalog } from '../helpers/hall.js';
import { bookingOf, expectHallError } from './fixtures.js';

const PLATFORM: Actor = { kind: 'device', id: 'd-platform', role: 'platform' };
// seedCatalog: window 1 serves A and B, 2 serves B and A, 3 serves A; a1 is in queue A, b1 in queue B
const AT_W2: Actor = { kind: 'user', id: 'u-w2', role: 'staff', name: '二号', windowIds: ['w2'] };
const AT_W3: Actor = { kind: 'user', id: 'u-w3', role: 'staff', name: '三号', windowIds: ['w3'] };
const NO_WINDOW: Actor = { kind: 'user', id: 'u-none', role: 'staff', name: '后台', windowIds: [] };
const LEAD: Actor = { kind: 'user', id: 'u-lead', role: 'lead', name: '带班' };

function setup() {
  const t = makeHall();
  seedCatalog(t.hall);
  const a = t.hall.book(PLATFORM, bookingOf(1, { serviceId: 'a1' })).booking;
  const b = t.hall.book(PLATFORM, bookingOf(2, { serviceId: 'b1', slot: '10:30' })).booking;
  const reveals = () => t.repos.events.audit({ actor: null, type: 'form.revealed', before: Number.MAX_SAFE_INTEGER, limit: 100 });
  return { ...t, a, b, reveals };
}

describe('the own-window reveal rule of the printable forms', () => {
  it('not dispatched: staff whose window serves the service\'s queue see it in clear; others masked; no window → masked', () => {
    const { hall, a, b, reveals } = setup();
    const byW3 = hall.roster.handoverForm(AT_W3, '2026-11-24', 'online').rows;
    expect(byW3.find((r) => r.bookingId === a.id)).toMatchObject({ revealed: true, phone: '13800000001' });
    expect(byW3.find((r) => r.bookingId === b.id)).toMatchObject({ revealed: false, phone: '138****0002' });
    expect(hall.roster.registrationForm(NO_WINDOW, a.id)).toMatchObject({ revealed: false, phone: '138****0001' });
    const log = reveals();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ actor: 'user:u-w3', type: 'form.revealed' });
    expect(JSON.parse(log[0].data)).toEqual({ form: 'handover', date: '2026-11-24', bookingIds: [a.id] });
  });

  it('dispatched (派单) to a window: only that window\'s staff see it in clear, even if another window serves its queue', () => {
    const { hall, repos, a, reveals } = setup();
    // the dispatch writer is another helper's (desk); here the columns are written as it will write them
    const row = repos.bookings.get(a.id)!;
    repos.bookings.save({ ...row, dispatch_window_id: 'w2', dispatched_at: Date.parse('2026-11-23T09:30:00+08:00'), dispatched_by: 'user:u-admin' });
    expect(hall.roster.registrationForm(AT_W3, a.id)).toMatchObject({ revealed: false, phone: '138****0001', window: '2号窗口 不动产窗口' });
    const own = hall.roster.registrationForm(AT_W2, a.id);
    expect(own).toMatchObject({ revealed: true, phone: '13800000001', dispatchedAt: '2026-11-23 09:30', signedBy: null });
    expect(reveals().map((e) => e.actor)).toEqual(['user:u-w2']);
  });

  it('a lead and an admin see every booking in clear, audited; the log never holds a name or a phone', () => {
    const { hall, a, b, reveals } = setup();
    expect(hall.roster.handoverForm(LEAD, '2026-11-24', 'online').rows.every((r) => r.revealed)).toBe(true);
    expect(hall.roster.dutyForm(ADMIN, '2026-11-24').rows.map((r) => r.phone)).toEqual(['13800000001', '13800000002']);
    const log = reveals();
    expect(log.map((e) => JSON.parse(e.data).bookingIds)).toEqual([[a.id, b.id], [a.id, b.id]]);
    const text = JSON.stringify(log);
    for (const s of ['13800000001', '13800000002', bookingOf(1).name, bookingOf(2).name]) expect(text).not.toContain(s);
  });

  it('a form with nothing revealed writes no audit entry; a kiosk may not read forms', () => {
    const { hall, reveals } = setup();
    hall.roster.handoverForm(NO_WINDOW, '2026-11-24', 'online');
    expect(reveals()).toHaveLength(0);
    expectHallError(() => hall.roster.handoverForm({ kind: 'device', id: 'd-k', role: 'kiosk' }, '2026-11-24', 'online'), 'forbidden');
  });

  it('a visit (上门办) is its assignee\'s own: shown in full to them, 应交办单位 says 上门办理 and who goes', () => {
    const { hall } = setup();
    const staff: Actor = { kind: 'user', id: 'u-staff', role: 'staff', name: '窗口一', windowIds: [] };
    const v = hall.book(ADMIN, bookingOf(3, { serviceId: 'b1', slot: '14:30', channel: 'phone', kind: 'visit', address: '淄博市张店区人民路1号', assigneeId: 'u-staff' })).booking;
    const row = hall.roster.handoverForm(staff, '2026-11-24', 'phone').rows.find((r) => r.bookingId === v.id);
    expect(row).toMatchObject({ revealed: true, phone: '13800000003', unit: '上门办理（窗口一）' });
    expect(hall.roster.handoverForm(AT_W3, '2026-11-24', 'phone').rows.find((r) => r.bookingId === v.id)).toMatchObject({ revealed: false });
  });
});
