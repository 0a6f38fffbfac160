/** Window mode: the monitor above one window (the alternative to its LED screen). Follows that window only. */
import { useStore } from '../store.js';
import { useStrings } from './hooks.js';
import { ReservationBadge } from './ReservationBadge.js';
import { Header } from './Header.js';

export function WindowScreen(props: { number: number }) {
  const store = useStore();
  const t = useStrings();
  const w = store.windows.value.find((x) => x.number === props.number);
  if (!w) {
    return (
      <div class="winscreen">
        <Header />
        <main class="ws-main"><p class="ws-state">{store.fresh.value ? t('unknownWindow', { n: props.number }) : ''}</p></main>
      </div>
    );
  }
  const cur = w.current && (w.current.status === 'called' || w.current.status === 'serving') ? w.current : null;
  const justCalled = store.flash.value?.window.id === w.id;
  return (
    <div class={`winscreen ${w.status === 'paused' ? 'ws-paused' : ''}`} data-testid="window-screen">
      <Header />
      <main class="ws-main">
        <div class="ws-title">
          <span class="ws-no" data-testid="ws-number">{t('windowN', { n: w.number })}</span>
          <span class="ws-name">{w.name}</span>
        </div>
        {w.status === 'paused' ? (
          <div class="ws-state ws-state-paused" data-testid="ws-paused">
            {t('paused')}
            {w.pauseReason && <span class="ws-reason">{w.pauseReason}</span>}
          </div>
        ) : w.status === 'closed' ? (
          <div class="ws-state">{t('closed')}</div>
        ) : (
          <div class={`ws-ticket ${justCalled ? 'ws-ticket-flash' : ''}`}>
            <span class="ws-label">{cur ? (cur.status === 'called' ? t('called') : t('serving')) : t('idle')}</span>
            <span class="ws-number" data-testid="ws-ticket">{cur ? cur.number : '—'}</span>
            {cur && <ReservationBadge kind={cur.kind} />}
          </div>
        )}
        {w.staffName && (
          <div class="ws-staff" data-testid="ws-staff">{t('staff')}：{w.staffName}</div>
        )}
      </main>
    </div>
  );
}
