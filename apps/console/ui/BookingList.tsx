/** Today's and tomorrow's bookings (or any day), searchable, with a hall cancellation whose reason is recorded. */
import { useEffect, useState } from 'preact/hooks';
import type { Booking } from '../../../protocol/domain.js';
import { useApp } from '../context.js';
import { latest } from '../latest.js';
import { refusalText } from '../refusal.js';
import { addDays } from '../../kit/time.js';
import { Dialog } from '../../kit/ui/Dialog.js';
import { HALL_CANCEL_NOTICE_HOURS, hallCancelIsLate } from '../../../protocol/rules/bookings.js';
import { BookingChangeButtons } from './BookingChangeButtons.js';

export function BookingList() {
  const { store, cmd } = useApp();
  const { t } = store;
  const today = store.today.value;
  const [date, setDate] = useState(today);
  const [q, setQ] = useState('');
  const [list, setList] = useState<Booking[] | null>(null);
  const [cancelling, setCancelling] = useState<Booking | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const live = latest();
    const timer = setTimeout(() => cmd.bookings(date, q.trim() || undefined).then(live(setList), live(cmd.fail)), q ? 250 : 0);
    return () => { clearTimeout(timer); live.stop(); };
  }, [date, q, version]);
  const service = new Map(store.services.value.map((s) => [s.id, s]));
  return (
    <section class="bookings" aria-labelledby="bookings-title">
      <h2 id="bookings-title">{t('bookingsTitle')}</h2>
      <div class="row">
        <button class={date === today ? 'tab on' : 'tab'} onClick={() => setDate(today)}>{t('today')}</button>
        <button class={date === addDays(today, 1) ? 'tab on' : 'tab'} onClick={() => setDate(addDays(today, 1))}>{t('tomorrow')}</button>
        <label class="inline">{t('date')}<input type="date" name="date" value={date} onInput={(e) => setDate(e.currentTarget.value)} /></label>
        <label class="inline grow">{t('search')}<input type="search" name="q" value={q} maxLength={64} onInput={(e) => setQ(e.currentTarget.value)} /></label>
      </div>
      {store.role.value !== 'admin' && <p class="hint">{t('maskedNote')}</p>}
      {list && list.length === 0 && <p class="hint">{t('noBookings')}</p>}
      {list && list.length > 0 && (
        <table class="list">
          <thead><tr><th>{t('slot')}</th><th>{t('bookingCode')}</th><th>{t('service')}</th><th>{t('name')}</th><th>{t('idNumber')}</th><th>{t('phone')}</th><th>{t('channel')}</th><th>{t('status')}</th><th /></tr></thead>
          <tbody>
            {list.map((b0) => store.bookingsById.value[b0.id] ?? b0).map((b) => ( // the store's copy follows booking:updated
              <tr key={b.id} data-booking={b.id}>
                <td>{b.slot}</td><td class="booking-code">{b.code ?? ''}</td><td>{service.get(b.serviceId)?.name ?? b.serviceId}</td><td>{b.name}</td><td>{b.idNumber}</td><td>{b.phone}</td>
                <td>{t(`channel_${b.channel}`)}{b.kind === 'visit' ? ` · ${t('visitBadge')}` : ''}</td>
                <td class={`bst ${b.status}`}>{t(`bstatus_${b.status}`)}{b.cancelReason ? `（${b.cancelReason}）` : ''}</td>
                <td>{(b.status === 'booked' || b.status === 'checked-in') && <button onClick={() => setCancelling(b)}>{t('cancelBooking')}</button>}
                  <BookingChangeButtons booking={b} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cancelling && <CancelDialog booking={cancelling} onClose={(changed) => { setCancelling(null); if (changed) setVersion(version + 1); }} />}
    </section>
  );
}

function CancelDialog({ booking, onClose }: { booking: Booking; onClose: (changed: boolean) => void }) {
  const { store, cmd } = useApp();
  const { t } = store;
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  // the slot's start in the hall's offset (the booking's createdAt carries it)
  const slotStart = Date.parse(`${booking.date}T${booking.slot}:00${booking.createdAt.slice(-6)}`);
  const late = hallCancelIsLate(slotStart, store.serverNow.value);
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      await cmd.cancelBooking(booking.id, reason.trim());
      store.say('info', t('cancelled'));
      onClose(true);
    } catch (err) {
      setError(refusalText(err, t));
    }
  };
  return (
    <Dialog title={`${t('cancelBooking')} ${booking.date} ${booking.slot} ${booking.name}`} onClose={() => onClose(false)}>
      <form onSubmit={submit}>
        <label>{t('cancelReason')}<input name="cancelReason" value={reason} maxLength={200} onInput={(e) => setReason(e.currentTarget.value)} /></label>
        {late && <p class="warn" role="status" data-testid="late-cancel">{t('lateCancel', { hours: HALL_CANCEL_NOTICE_HOURS })}</p>}
        {error && <p class="error" role="alert">{error}</p>}
        <div class="row">
          <button type="submit" class="primary" disabled={!reason.trim()}>{t('confirm')}</button>
          <button type="button" onClick={() => onClose(false)}>{t('cancel')}</button>
        </div>
      </form>
    </Dialog>
  );
}
