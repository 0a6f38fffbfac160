/**
 * 交办单 (seed 000 附件3/4): a day's bookings for one window, in the seed's columns, for printing.
 * A window gets the bookings of services in the queues it serves. Personal data as the server gives
 * it: masked unless the reader is an admin.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Booking, BookingChannel } from '../../../protocol/domain.js';
import { useApp } from '../context.js';
import { latest } from '../latest.js';
import type { MsgKey } from '../i18n.js';

const OUTCOME: Partial<Record<Booking['status'], MsgKey>> = {
  'checked-in': 'bstatus_checked-in', served: 'bstatus_served', cancelled: 'bstatus_cancelled', forfeited: 'bstatus_forfeited',
};

export function Handover() {
  const { store, cmd } = useApp();
  const { t } = store;
  const [date, setDate] = useState(store.today.value);
  const [windowId, setWindowId] = useState(store.windowId.value ?? store.windows.value[0]?.id ?? '');
  const [channel, setChannel] = useState<BookingChannel | 'all'>('all');
  const [list, setList] = useState<Booking[]>([]);
  useEffect(() => {
    const live = latest();
    cmd.bookings(date).then(live(setList), live(cmd.fail));
    return live.stop;
  }, [date]);
  const win = store.windows.value.find((w) => w.id === windowId);
  const services = new Map(store.services.value.map((s) => [s.id, s]));
  const rows = list
    .filter((b) => win?.queueIds.includes(services.get(b.serviceId)?.queueId ?? '') && (channel === 'all' || b.channel === channel))
    .sort((a, b) => a.slot.localeCompare(b.slot));
  const title = t(`handoverTitle_${channel}`);
  const blank = Math.max(0, 9 - rows.length); // the seed's form has nine lines; keep blank lines to write on
  return (
    <section class="handover" aria-labelledby="handover-title">
      <div class="row no-print">
        <label class="inline">{t('date')}<input type="date" name="date" value={date} onInput={(e) => setDate(e.currentTarget.value)} /></label>
        <label class="inline">{t('window')}
          <select name="window" value={windowId} onChange={(e) => setWindowId(e.currentTarget.value)}>
            {store.windows.value.map((w) => <option key={w.id} value={w.id}>{t('windowN', { n: w.number })} {w.name}</option>)}
          </select>
        </label>
        <label class="inline">{t('channel')}
          <select name="channel" value={channel} onChange={(e) => setChannel(e.currentTarget.value as BookingChannel | 'all')}>
            {(['all', 'online', 'phone', 'onsite'] as const).map((c) => <option key={c} value={c}>{c === 'all' ? t('all') : t(`channel_${c}`)}</option>)}
          </select>
        </label>
        <button class="primary" onClick={() => window.print()}>{t('print')}</button>
      </div>
      <div class="printable sheet">
        <h2 id="handover-title">{title}</h2>
        <p class="sub">{store.snapshot.value?.hallName ?? ''} · {win ? `${t('windowN', { n: win.number })} ${win.name}` : ''} · {date}</p>
        <table class="sheet-table">
          <thead><tr>
            <th>{t('hoSeq')}</th><th>{t('hoService')}</th><th>{t('hoPerson')}</th><th>{t('hoSlot')}</th><th>{t('hoPhone')}</th>
            <th>{t('hoUnit')}</th><th>{t('hoAccepted')}</th><th>{t('hoSign')}</th>
          </tr></thead>
          <tbody>
            {rows.map((b, i) => {
              const s = services.get(b.serviceId);
              const outcome = OUTCOME[b.status];
              return (
                <tr key={b.id}>
                  <td>{i + 1}</td><td>{s?.name ?? b.serviceId}</td><td>{b.name}{b.code && <div class="booking-code">{t('bookingCode')} {b.code}</div>}</td><td>{b.date} {b.slot}</td><td>{b.phone}</td>
                  <td>{s?.windowLabel ?? (win ? t('windowN', { n: win.number }) : '')}</td><td>{outcome ? t(outcome) : ''}</td><td />
                </tr>
              );
            })}
            {Array.from({ length: blank }, (_, i) => <tr key={`blank-${i}`} class="blank"><td>{rows.length + i + 1}</td><td /><td /><td /><td /><td /><td /><td /></tr>)}
          </tbody>
        </table>
      </div>
    </section>
  );
}
