/** Two large actions: 预约取号 and 现场取号; whether the hall is open, and when it opens if not. */
import { useStore } from '../store.js';
import { t } from '../i18n.js';
import { formatWhen } from '../../kit/time.js';
import { SessionBanner } from './SessionBanner.js';

export function Home() {
  const store = useStore();
  const lang = store.lang.value;
  const snap = store.snapshot.value;
  const open = snap?.open ?? true;
  return (
    <main class="screen home">
      <div class={open ? 'status open' : 'status closed'} role="status" data-testid="hall-status">
        <strong>{t(lang, open ? 'home.open' : 'home.closed')}</strong>
        {!open && snap?.nextOpenAt && <span> · {t(lang, 'home.nextOpen', { at: formatWhen(snap.nextOpenAt, lang, snap.time) })}</span>}
      </div>
      <SessionBanner />
      <div class="home-actions">
        <button type="button" class="big-action checkin" onClick={() => store.go({ name: 'checkin' })}>
          <span class="big-title">{t(lang, 'home.checkin')}</span>
          <span class="big-sub">{t(lang, 'home.checkin.sub')}</span>
        </button>
        <button type="button" class="big-action walkin" onClick={() => store.go({ name: 'services', queueId: null, page: 0 })}>
          <span class="big-title">{t(lang, 'home.walkin')}</span>
          <span class="big-sub">{t(lang, 'home.walkin.sub')}</span>
        </button>
      </div>
      <p class="hint">{t(lang, 'home.hint')}</p>
    </main>
  );
}
