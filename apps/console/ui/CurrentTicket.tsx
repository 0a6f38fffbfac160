/** The current ticket: number, walk-in or reservation (slot and masked name), waited and served times. */
import { useApp } from '../context.js';
import { elapsed, hhmm } from '../../kit/time.js';

export function CurrentTicket() {
  const { store } = useApp();
  const { t } = store;
  const cur = store.myWindow.value?.current ?? null;
  const now = store.serverNow.value;
  if (!cur) return <section class="panel current empty" aria-label={t('current')}><h2>{t('current')}</h2><p>{t('nobody')}</p></section>;
  const booking = cur.bookingId ? store.bookingsById.value[cur.bookingId] : undefined;
  const waited = elapsed(cur.issuedAt, cur.calledAt ? Date.parse(cur.calledAt) : now);
  const served = cur.status === 'serving' ? elapsed(cur.startedAt, now) : null;
  const dur = (d: { m: number; s: number } | null) => (d ? t('minutes', { m: d.m, s: d.s }) : '—');
  const resv = cur.kind === 'reservation';
  return (
    <section class={`panel current ${resv ? 'resv' : ''}`} aria-label={t('current')}>
      <h2>{t('current')}</h2>
      <p class="number" data-testid="current-number">{cur.number}</p>
      <p class="kind"><span class={resv ? 'badge resv' : 'badge'}>{resv ? t('reservation') : t('walkIn')}</span>
        <span class="status">{cur.status === 'serving' ? t('statusServing') : t('statusCalled')}</span>
        {cur.recalls > 0 && <span class="recalls">{t('recalls', { n: cur.recalls })}</span>}</p>
      {resv && booking && <p class="booking">{t('slotAt', { slot: booking.slot })} · {t('bookedBy', { name: booking.name })}</p>}
      <dl class="times">
        <div><dt>{t('waited')}</dt><dd>{dur(waited)}</dd></div>
        <div><dt>{t('served')}</dt><dd>{dur(served)}</dd></div>
        <div><dt>{t('callNext')}</dt><dd>{hhmm(cur.calledAt)}</dd></div>
      </dl>
    </section>
  );
}
