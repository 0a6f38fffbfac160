/** The notices line at the foot of the lobby (the hall's settings, GET /api/public/hall); says when the hall next opens once tickets stop. */
import { useStore } from '../store.js';
import { hhmm } from '../../kit/time.js';
import { useStrings } from './hooks.js';

export function Notices() {
  const store = useStore();
  const t = useStrings();
  const next = store.nextOpenAt.value;
  const items: string[] = [...(store.notices.value ?? [])];
  if (store.open.value === false && next) items.unshift(t('closedUntil', { at: `${next.slice(5, 10)} ${hhmm(next)}` }));
  return (
    <footer class="notices" aria-label={t('noticesLabel')}>
      <div class="notices-track" style={{ '--marquee-s': `${Math.max(20, items.join('').length * 0.5)}s` }}>
        {items.map((n) => <span key={n} class="notice">{n}</span>)}
        {items.map((n) => <span key={`copy-${n}`} class="notice notices-copy" aria-hidden="true">{n}</span>)}
      </div>
    </footer>
  );
}
