/** The latest call, huge, with a highlight, for a few seconds (FLASH_MS) after it is made. */
import { useStore } from '../store.js';
import { useStrings } from './hooks.js';
import { ReservationBadge } from './ReservationBadge.js';

export function CallFlash() {
  const store = useStore();
  const t = useStrings();
  const e = store.flash.value;
  if (!e) return null;
  return (
    <div class={`flash ${e.ticket.kind === 'reservation' ? 'flash-resv' : ''}`} role="alert" data-testid="call-flash" key={`${e.ticket.id}-${e.at}`}>
      <div class="flash-line">
        <span class="flash-number" data-testid="flash-number">{e.ticket.number}</span>
        <span class="flash-arrow">→</span>
        <span class="flash-window">{t('windowN', { n: e.window.number })}</span>
      </div>
      <div class="flash-sub">
        <ReservationBadge kind={e.ticket.kind} />
        {t('pleaseGo', { ticket: e.ticket.number, window: e.window.number })}
      </div>
    </div>
  );
}
