/** 办理情况 (seed 004 二(5)): done or not, from–to, 承办人1/2 and notes; filled from the ticket for a window booking, by hand for a visit. */
import { useState } from 'preact/hooks';
import type { Booking } from '../../../protocol/domain.js';
import { Dialog } from '../../kit/ui/Dialog.js';
import { useApp } from '../context.js';
import { refusalText } from '../refusal.js';

/** HH:MM of an ISO time with the hall's offset (what the server answers) */
const hhmm = (iso?: string) => (iso ? iso.slice(11, 16) : '');

export function ServiceDialog({ booking, onClose }: { booking: Booking; onClose: () => void }) {
  const { store, cmd } = useApp();
  const { t } = store;
  const s = booking.service;
  const [done, setDone] = useState(s?.done ?? true);
  const [from, setFrom] = useState(hhmm(s?.from));
  const [to, setTo] = useState(hhmm(s?.to));
  const [h1, setH1] = useState(s?.handlers[0] ?? '');
  const [h2, setH2] = useState(s?.handlers[1] ?? '');
  const [notes, setNotes] = useState(s?.notes ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const handlers = [h1.trim(), h2.trim()].filter(Boolean);
      const r = await cmd.recordService(booking.id, { done, ...(from ? { from } : {}), ...(to ? { to } : {}), handlers, notes: notes.trim() });
      store.rememberBookings([r.booking]);
      store.say('info', t('serviceSaved'));
      onClose();
    } catch (err) {
      setError(refusalText(err, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title={t('serviceTitle', { code: booking.code ?? '', date: booking.date, slot: booking.slot })} onClose={onClose}>
      <form class="service-record" onSubmit={submit} data-testid="service-dialog">
        <fieldset class="channel"><legend>{t('serviceDone')}</legend>
          <label class="radio"><input type="radio" name="done" checked={done} onChange={() => setDone(true)} />{t('serviceDoneYes')}</label>
          <label class="radio"><input type="radio" name="done" checked={!done} onChange={() => setDone(false)} />{t('serviceDoneNo')}</label>
        </fieldset>
        <div class="row">
          <label class="inline">{t('serviceFrom')}<input type="time" name="from" value={from} onInput={(e) => setFrom(e.currentTarget.value)} /></label>
          <label class="inline">{t('serviceTo')}<input type="time" name="to" value={to} onInput={(e) => setTo(e.currentTarget.value)} /></label>
          {s?.minutes !== undefined && <span class="hint">{t('serviceMinutes', { n: s.minutes })}</span>}
          {s?.by && <span class="hint">{t('serviceBy', { name: s.by })}</span>}
        </div>
        <div class="row">
          <label class="inline">{t('serviceHandler1')}<input name="handler1" value={h1} maxLength={32} onInput={(e) => setH1(e.currentTarget.value)} /></label>
          <label class="inline">{t('serviceHandler2')}<input name="handler2" value={h2} maxLength={32} onInput={(e) => setH2(e.currentTarget.value)} /></label>
        </div>
        <label>{t('serviceNotes')}<textarea name="notes" rows={3} maxLength={500} value={notes} onInput={(e) => setNotes(e.currentTarget.value)} /></label>
        {error && <p class="error" role="alert">{error}</p>}
        <div class="row">
          <button type="submit" class="primary" disabled={busy}>{t('serviceSave')}</button>
          <button type="button" onClick={onClose}>{t('cancel')}</button>
        </div>
      </form>
    </Dialog>
  );
}
