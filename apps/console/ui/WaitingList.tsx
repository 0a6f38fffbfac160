/**
 * This window's waiting list in the order call-next would call it (reservations highlighted, with the
 * "N 位预约群众等候" badge) and today's counts. Both follow the hall's events (store.ts).
 */
import { useApp } from '../context.js';
import { hhmm } from '../../kit/time.js';

export function WaitingList() {
  const { store } = useApp();
  const { t } = store;
  const list = store.waiting.value;
  const resv = store.reservationsWaiting.value;
  const w = store.myWindow.value;
  const queueName = new Map(store.queues.value.map((q) => [q.id, q.name]));
  return (
    <section class="panel waiting" aria-label={t('waitingList')}>
      <h2>{t('waitingList')} <span class="count">{list.length}</span></h2>
      {resv > 0 && (
        <p class="badge resv big-badge" role="status">{t('reservationBadge', { n: resv })}
          {w?.mode !== 'reservation' && !store.myHallWindow.value?.reservationOnly && <small> · {t('reservationBadgeHint')}</small>}</p>
      )}
      {list.length === 0 ? <p class="hint">{t('waitingNone')}</p> : (
        <ol>
          {list.slice(0, 30).map((x) => {
            const b = x.bookingId ? store.bookingsById.value[x.bookingId] : undefined;
            return (
              <li key={x.id} class={x.kind === 'reservation' ? 'resv' : ''} data-ticket={x.number}>
                <b>{x.number}</b>
                <span>{x.kind === 'reservation' ? t('reservation') : t('walkIn')}</span>
                <span>{x.kind === 'reservation' && (b || x.slotStart) ? t('slotAt', { slot: b ? b.slot : hhmm(x.slotStart) }) : hhmm(x.issuedAt)}</span>
                <span class="q">{queueName.get(x.queueId) ?? ''}</span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

export function TodayCounts() {
  const { store } = useApp();
  const { t } = store;
  const id = store.windowId.value;
  const mine = store.report.value?.byWindow.find((r) => r.windowId === id);
  const hw = store.myHallWindow.value;
  const queues = store.snapshot.value?.queues.filter((q) => hw?.queueIds.includes(q.id)) ?? [];
  const avg = mine?.avgServiceSeconds ?? 0;
  return (
    <section class="panel counts" aria-label={t('todayCounts')}>
      <h2>{t('todayCounts')}</h2>
      <dl>
        <div><dt>{t('countServed')}</dt><dd data-testid="count-served">{mine?.served ?? 0}</dd></div>
        <div><dt>{t('countNoShow')}</dt><dd data-testid="count-noshow">{mine?.noShows ?? 0}</dd></div>
        <div><dt>{t('countAvg')}</dt><dd>{t('minutes', { m: Math.floor(avg / 60), s: avg % 60 })}</dd></div>
      </dl>
      <h3>{t('queueWaiting')}</h3>
      <ul class="queues">{queues.map((q) => <li key={q.id}>{q.prefix} {q.name}: <b>{q.waiting}</b>{q.reservationsWaiting ? ` (${t('reservation')} ${q.reservationsWaiting})` : ''}</li>)}</ul>
    </section>
  );
}
