/** 派单 (issue 19): a lead or an admin hands a booking to a window serving its service (seed 004 二(2)). */
import { useState } from 'preact/hooks';
import type { Booking } from '../../../protocol/domain.js';
import { Dialog } from '../../kit/ui/Dialog.js';
import { useApp } from '../context.js';
import { refusalText } from '../refusal.js';

export function DispatchDialog({ booking, onClose }: { booking: Booking; onClose: (changed: boolean) => void }) {
  const { store, cmd } = useApp();
  const { t } = store;
  const queueId = store.services.value.find((s) => s.id === booking.serviceId)?.queueId;
  const serving = store.windows.value.filter((w) => queueId !== undefined && w.queueIds.includes(queueId));
  const [windowId, setWindowId] = useState(booking.dispatch?.windowId ?? serving[0]?.id ?? '');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      const out = await cmd.desk.dispatch(booking.id, windowId);
      const n = store.windows.value.find((w) => w.id === out.booking.dispatch?.windowId)?.number ?? '';
      store.say('info', t('dispatchDone', { n }));
      onClose(true);
    } catch (err) {
      setError(refusalText(err, t));
    }
  };
  return (
    <Dialog title={t('dispatchTitle', { name: booking.name, date: booking.date, slot: booking.slot })} onClose={() => onClose(false)}>
      <form onSubmit={submit}>
        <label>{t('dispatchTo')}
          <select name="dispatchWindow" value={windowId} onChange={(e) => setWindowId(e.currentTarget.value)}>
            {serving.map((w) => <option key={w.id} value={w.id}>{t('windowN', { n: w.number })} · {w.name}</option>)}
          </select>
        </label>
        {error && <p class="error" role="alert">{error}</p>}
        <div class="row">
          <button type="submit" class="primary" disabled={!windowId}>{t('dispatch')}</button>
          <button type="button" onClick={() => onClose(false)}>{t('cancel')}</button>
        </div>
      </form>
    </Dialog>
  );
}
