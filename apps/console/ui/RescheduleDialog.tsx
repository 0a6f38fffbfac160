/** 申请改期 (seed 004 二(4)): a new date and slot from GET /api/slots, and the reason; a lead decides. */
import { useEffect, useState } from 'preact/hooks';
import type { Booking, SlotInfo } from '../../../protocol/domain.js';
import { Dialog } from '../../kit/ui/Dialog.js';
import { useApp } from '../context.js';
import { latest } from '../latest.js';
import { refusalText } from '../refusal.js';

export function RescheduleDialog({ booking, onClose }: { booking: Booking; onClose: () => void }) {
  const { store, cmd } = useApp();
  const { t } = store;
  const [date, setDate] = useState(booking.date);
  const [slots, setSlots] = useState<SlotInfo[] | null>(null);
  const [slot, setSlot] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setSlots(null);
    const live = latest();
    cmd.slots(booking.serviceId, date).then(live(setSlots), live((e: unknown) => { setSlots([]); setError(refusalText(e, t)); }));
    return live.stop;
  }, [date]);
  const visit = booking.kind === 'visit';
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      await cmd.requestReschedule(booking.id, { date, slot, reason: reason.trim() });
      store.say('info', t('rescheduleSent'));
      onClose();
    } catch (err) {
      setError(refusalText(err, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title={t('rescheduleTitle', { code: booking.code ?? '', date: booking.date, slot: booking.slot })} onClose={onClose}>
      <form class="reschedule" onSubmit={submit} data-testid="reschedule-dialog">
        <p class="hint">{t('rescheduleHint')}</p>
        <label>{t('rescheduleNewDate')}<input type="date" name="newDate" value={date} min={store.today.value} onInput={(e) => { setDate(e.currentTarget.value); setSlot(''); }} required /></label>
        <fieldset class="slots"><legend>{t('rescheduleNewSlot')}</legend>
          {slots && slots.length === 0 && <p class="hint">{t('noSlots')}</p>}
          {slots?.map((s) => {
            const same = date === booking.date && s.slot === booking.slot;
            const full = s.available <= 0 && !visit;
            return (
              <label key={s.slot} class={`slot ${full || same ? 'full' : ''} ${slot === s.slot ? 'on' : ''}`}>
                <input type="radio" name="newSlot" value={s.slot} checked={slot === s.slot} disabled={full || same} onChange={() => setSlot(s.slot)} />
                {s.slot}{s.end ? `–${s.end}` : ''} <small>{s.available > 0 ? t('slotFree', { n: s.available }) : t('slotFull')}</small>
              </label>
            );
          })}
        </fieldset>
        <label>{t('rescheduleReason')}<input name="reason" value={reason} maxLength={200} onInput={(e) => setReason(e.currentTarget.value)} required /></label>
        {error && <p class="error" role="alert" data-testid="reschedule-error">{error}</p>}
        <div class="row">
          <button type="submit" class="primary" disabled={busy || !slot || !reason.trim()}>{t('rescheduleSubmit')}</button>
          <button type="button" onClick={onClose}>{t('cancel')}</button>
        </div>
      </form>
    </Dialog>
  );
}
