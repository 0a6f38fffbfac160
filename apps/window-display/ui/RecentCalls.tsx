/** The last calls, newest first, so a citizen who missed theirs can still see it. */
import { RECENT_SHOWN, useStore } from '../store.js';
import { hhmm } from '../../kit/time.js';
import { useStrings } from './hooks.js';
import { ReservationBadge } from './ReservationBadge.js';

export function RecentCalls() {
  const store = useStore();
  const t = useStrings();
  const calls = store.recentCalls.value.slice(0, RECENT_SHOWN);
  return (
    <section class="panel panel-recent" aria-labelledby="h-recent">
      <h2 id="h-recent">{t('recent')}</h2>
      {calls.length === 0 ? (
        <p class="empty">{t('noCalls')}</p>
      ) : (
        <ol class="recent" data-testid="recent-calls">
          {calls.map((c, i) => (
            <li key={`${c.at}-${c.ticketNumber}-${i}`} class={i === 0 ? 'recent-latest' : ''}>
              <span class="recent-number">{c.ticketNumber}</span>
              <ReservationBadge kind={c.kind} />
              <span class="recent-window">{t('windowN', { n: c.windowNumber })}</span>
              <span class="recent-time">{hhmm(c.at)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
