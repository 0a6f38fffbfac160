/**
 * 上门办 (seed 002 三(四)): the visits from today on — a staff member's own, a lead's all — masked, with
 * the audited reveal (POST /api/bookings/:id/reveal) for the call before the visit, 办理情况, 改期 and
 * (lead) 指派. Rows show the store's copy of each booking, kept current by `booking:updated`.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Booking } from '../../../protocol/domain.js';
import { Dialog } from '../../kit/ui/Dialog.js';
import { addDays } from '../../kit/time.js';
import { useApp } from '../context.js';
import { latest } from '../latest.js';
import { refusalText } from '../refusal.js';
import { BookingChangeButtons } from './BookingChangeButtons.js';

type Person = { id: string; name: string; role: string };

export function VisitsList() {
  const { store, cmd } = useApp();
  const { t } = store;
  const today = store.today.value;
  const [list, setList] = useState<Booking[] | null>(null);
  const [people, setPeople] = useState<Person[]>([]);
  const [revealed, setRevealed] = useState<Record<string, Booking>>({});
  const [revealing, setRevealing] = useState<Booking | null>(null);
  const [assigning, setAssigning] = useState<Booking | null>(null);
  const lead = store.role.value !== 'staff';
  useEffect(() => {
    const live = latest();
    cmd.visits({ from: today, to: addDays(today, 30) }).then(live((l: Booking[]) => { setList(l); store.rememberBookings(l); }), live(cmd.fail));
    cmd.assignees().then(live(setPeople), live(() => setPeople([])));
    return live.stop;
  }, [today]);
  const service = new Map(store.services.value.map((s) => [s.id, s]));
  const nameOf = (id?: string) => (id ? people.find((p) => p.id === id)?.name ?? id : '—');
  return (
    <section class="visits" aria-labelledby="visits-title" data-testid="visits">
      <h2 id="visits-title">{t(lead ? 'visitsAll' : 'visitsMine')}</h2>
      <p class="hint">{t('maskedNote')}</p>
      {list && list.length === 0 && <p class="hint">{t('visitsNone')}</p>}
      {list && list.length > 0 && (
        <table class="list">
          <thead><tr><th>{t('date')}</th><th>{t('slot')}</th><th>{t('bookingCode')}</th><th>{t('service')}</th><th>{t('name')}</th><th>{t('phone')}</th><th>{t('visitAddress')}</th><th>{t('assignee')}</th><th>{t('status')}</th><th /></tr></thead>
          <tbody>
            {list.map((b0) => {
              const b = store.bookingsById.value[b0.id] ?? b0;
              const clear = revealed[b.id];
              return (
                <tr key={b.id} data-booking={b.id}>
                  <td>{b.date}</td><td>{b.slot}</td><td class="booking-code">{b.code ?? ''}</td><td>{service.get(b.serviceId)?.name ?? b.serviceId}</td>
                  <td>{clear?.name ?? b.name}</td><td>{clear?.phone ?? b.phone}</td><td class="address">{clear?.address ?? b.address ?? ''}</td>
                  <td>{nameOf(b.assigneeId)}</td>
                  <td class={`bst ${b.status}`}>{t(`bstatus_${b.status}`)}{b.service && !b.service.done ? `（${t('serviceDoneNo')}）` : ''}</td>
                  <td class="actions">
                    {!clear && <button type="button" data-action="reveal" onClick={() => setRevealing(b)}>{t('reveal')}</button>}
                    {lead && b.status === 'booked' && <button type="button" data-action="assign" onClick={() => setAssigning(b)}>{t('assign')}</button>}
                    <BookingChangeButtons booking={b} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {revealing && <RevealDialog booking={revealing} onClose={(b) => { if (b) setRevealed({ ...revealed, [b.id]: b }); setRevealing(null); }} />}
      {assigning && <AssignDialog booking={assigning} people={people} onClose={() => setAssigning(null)} />}
    </section>
  );
}

function RevealDialog({ booking, onClose }: { booking: Booking; onClose: (b?: Booking) => void }) {
  const { store, cmd } = useApp();
  const { t } = store;
  const [reason, setReason] = useState(t('revealDefault'));
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      const b = await cmd.revealBooking(booking.id, reason.trim());
      store.say('info', t('revealed'));
      onClose(b);
    } catch (err) {
      setError(refusalText(err, t));
    }
  };
  return (
    <Dialog title={`${t('reveal')} ${booking.code ?? ''}`} onClose={() => onClose()}>
      <form onSubmit={submit}>
        <label>{t('revealReason')}<input name="revealReason" value={reason} maxLength={200} onInput={(e) => setReason(e.currentTarget.value)} required /></label>
        {error && <p class="error" role="alert">{error}</p>}
        <div class="row">
          <button type="submit" class="primary" disabled={!reason.trim()}>{t('confirm')}</button>
          <button type="button" onClick={() => onClose()}>{t('cancel')}</button>
        </div>
      </form>
    </Dialog>
  );
}

function AssignDialog({ booking, people, onClose }: { booking: Booking; people: Person[]; onClose: () => void }) {
  const { store, cmd } = useApp();
  const { t } = store;
  const [assigneeId, setAssigneeId] = useState(booking.assigneeId ?? people[0]?.id ?? '');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      store.rememberBookings([(await cmd.assignVisit(booking.id, assigneeId)).booking]);
      store.say('info', t('assigned'));
      onClose();
    } catch (err) {
      setError(refusalText(err, t));
    }
  };
  return (
    <Dialog title={t('assignTitle', { code: booking.code ?? '' })} onClose={onClose}>
      <form onSubmit={submit}>
        <label>{t('assignee')}
          <select name="assigneeId" value={assigneeId} onChange={(e) => setAssigneeId(e.currentTarget.value)}>
            {people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </label>
        {error && <p class="error" role="alert">{error}</p>}
        <div class="row">
          <button type="submit" class="primary" disabled={!assigneeId}>{t('confirm')}</button>
          <button type="button" onClick={onClose}>{t('cancel')}</button>
        </div>
      </form>
    </Dialog>
  );
}
