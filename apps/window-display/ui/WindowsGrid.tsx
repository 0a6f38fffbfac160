/** Every window with its current number; paused and closed (signed out, day end) ones marked 暂停服务 (issue 14). */
import type { WindowState } from '../../../protocol/domain.js';
import { useStore } from '../store.js';
import { useStrings } from './hooks.js';
import { ReservationBadge } from './ReservationBadge.js';

function WindowCard(props: { w: WindowState }) {
  const t = useStrings();
  const { w } = props;
  const cur = w.current && (w.current.status === 'called' || w.current.status === 'serving') ? w.current : null;
  const paused = w.status === 'paused' || w.status === 'closed';
  return (
    <li data-status={w.status} class={`wcard ${paused ? 'wcard-paused' : ''} ${cur?.status === 'called' ? 'wcard-called' : ''}`} data-testid={`window-${w.number}`}>
      <div class="wcard-head">
        <span class="wcard-no">{t('windowN', { n: w.number })}</span>
        <span class="wcard-name">{w.name}</span>
      </div>
      <div class="wcard-body">
        {paused ? (
          <span class="wcard-paused-text">{t('paused')}</span>
        ) : cur ? (
          <>
            <span class="wcard-ticket" data-testid={`window-${w.number}-ticket`}>{cur.number}</span>
            <ReservationBadge kind={cur.kind} />
          </>
        ) : (
          <span class="wcard-idle">—</span>
        )}
      </div>
    </li>
  );
}

export function WindowsGrid() {
  const store = useStore();
  const t = useStrings();
  const shown = store.windows.value;
  return (
    <section class="panel panel-windows" aria-labelledby="h-windows">
      <h2 id="h-windows">{t('windows')}</h2>
      <ul class={`wgrid ${shown.length > 12 ? 'wgrid-dense' : ''}`}>
        {shown.map((w) => <WindowCard key={w.id} w={w} />)}
      </ul>
    </section>
  );
}
