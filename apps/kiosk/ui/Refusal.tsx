/** One clear screen per refusal of CONTRACT.md: what happened, and the next step (with a button where there is one). */
import { useStore, type Screen } from '../store.js';
import { hasKey, t, type Key } from '../i18n.js';
import { formatDate, formatWhen } from '../../kit/time.js';

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function Refusal({ view }: { view: Extract<Screen, { name: 'refusal' }> }) {
  const store = useStore();
  const lang = store.lang.value;
  const today = store.snapshot.value?.time ?? null;
  const d = view.details;
  const code = hasKey(`r.${view.code}.title`) ? view.code : 'other';
  const k = (part: 'title' | 'text' | 'next') => `r.${code}.${part}` as Key;
  const when = (v: unknown) => (str(v) ? formatWhen(str(v), lang, today) : '');
  const vars = {
    at: when(d.checkinOpensAt) || when(d.forfeitedAt) || when(d.nextOpenAt),
    date: str(d.barredUntil) ? formatDate(str(d.barredUntil), lang) : str(d.date) ? formatDate(str(d.date), lang) : '',
    slot: str(d.slot),
    message: view.message,
  };
  const next = code === 'hall-closed' && !vars.at ? t(lang, 'r.hall-closed.none') : t(lang, k('next'), vars);
  const available = Array.isArray(d.availableServiceIds) ? (d.availableServiceIds as string[]) : [];
  const walkIn = () => store.go({ name: 'services', queueId: null, page: 0 });
  return (
    <main class={`screen refusal refusal-${view.code}`} data-refusal={view.code}>
      <div class="refusal-icon" aria-hidden="true">!</div>
      <h2 class="refusal-title">{t(lang, k('title'))}</h2>
      <p class="refusal-text">{t(lang, k('text'), vars)}</p>
      <div class="refusal-next">
        <span class="next-label">{t(lang, 'refusal.next')}</span>
        <p data-testid="refusal-next">{next}</p>
      </div>
      <div class="row-actions">
        <button type="button" class="nav" onClick={() => store.go({ name: 'home' })}>{t(lang, 'common.home')}</button>
        {available.length > 0 && (
          <button type="button" class="nav primary" onClick={() => store.go({ name: 'services', queueId: null, page: 0, only: available })}>
            {t(lang, 'r.service-not-available-now.action')}
          </button>
        )}
        {code === 'booking-expired' && <button type="button" class="nav primary" onClick={walkIn}>{t(lang, 'r.booking-expired.action')}</button>}
        {(code === 'booking-cancelled' || code === 'booking-not-found' || code === 'booking-barred') && (
          <button type="button" class="nav primary" onClick={walkIn}>{t(lang, 'r.walkin')}</button>
        )}
        {(code === 'invalid-qr' || code === 'invalid-id-number') && (
          <button type="button" class="nav primary" onClick={() => store.go({ name: 'checkin' })}>{t(lang, 'r.retry')}</button>
        )}
      </div>
    </main>
  );
}
