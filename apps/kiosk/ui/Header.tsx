/** Hall name, date and time, open or not, and the language and 长辈模式 switches. */
import { useStore } from '../store.js';
import { t } from '../i18n.js';
import { formatDateTime, hallIso } from '../../kit/time.js';

export function Header() {
  const store = useStore();
  const lang = store.lang.value;
  const snap = store.snapshot.value;
  const now = snap ? hallIso(store.nowMs.value + store.skewMs.value, snap.time) : null;
  return (
    <header class="bar">
      <div class="bar-hall">
        <h1 class="hall-name">{snap?.hallName ?? ''}</h1>
        {now && <div class="clock" data-testid="clock">{formatDateTime(now, lang)}</div>}
      </div>
      <div class="bar-tools">
        <button type="button" class="tool" aria-pressed={store.elder.value} onClick={() => (store.elder.value = !store.elder.value)}>
          {t(lang, store.elder.value ? 'elder.off' : 'elder.on')}
        </button>
        <button type="button" class="tool" lang={lang === 'zh' ? 'en' : 'zh'} onClick={() => (store.lang.value = lang === 'zh' ? 'en' : 'zh')}>
          {t(lang, 'lang.switch')}
        </button>
      </div>
    </header>
  );
}
