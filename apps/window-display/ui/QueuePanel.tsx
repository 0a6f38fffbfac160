/** People waiting per queue (reservations included, and said so). */
import { useStore } from '../store.js';
import { useStrings } from './hooks.js';

export function QueuePanel() {
  const store = useStore();
  const t = useStrings();
  return (
    <section class="panel panel-queues" aria-labelledby="h-queues">
      <h2 id="h-queues">{t('waiting')}</h2>
      <ul class="queues">
        {store.queues.value.map((q) => (
          <li key={q.id} data-testid={`queue-${q.prefix}`}>
            <span class="q-prefix">{q.prefix}</span>
            <span class="q-name">{q.name}</span>
            <span class="q-count"><b>{q.waiting}</b>{t('waitingUnit')}</span>
            {q.reservationsWaiting > 0 && <span class="q-resv">{t('reservations', { n: q.reservationsWaiting })}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
