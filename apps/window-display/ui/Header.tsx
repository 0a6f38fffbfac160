/** Hall name, date, weekday and time (the hall's clock, from the server), and the 中文/English switch. */
import { useStore } from '../store.js';
import { list } from '../../kit/i18n.js';
import { clockText, hallDate } from '../../kit/time.js';
import { useStrings, useTick } from './hooks.js';

export function Header(props: { subtitle?: string }) {
  const store = useStore();
  const t = useStrings();
  useTick();
  const now = store.hallNow();
  const off = store.hallOffsetMin.value;
  const d = hallDate(now, off);
  const synced = store.hallName.value !== '';
  return (
    <header class="hdr">
      <div class="hdr-name">
        <h1>{store.hallName.value || t('title')}</h1>
        {props.subtitle && <span class="hdr-sub">{props.subtitle}</span>}
      </div>
      <div class="hdr-time" aria-live="off">
        {synced && <span class="hdr-date">{t('date', { y: d.y, m: d.m, d: d.d, mm: String(d.m).padStart(2, '0'), dd: String(d.d).padStart(2, '0') })} {list(t('weekdays'))[d.weekday]}</span>}
        {synced && <span class="hdr-clock" data-testid="clock">{clockText(now, off)}</span>}
        <button type="button" class="lang" onClick={() => (store.lang.value = store.lang.value === 'zh' ? 'en' : 'zh')}>
          {t('switchLang')}
        </button>
      </div>
    </header>
  );
}
