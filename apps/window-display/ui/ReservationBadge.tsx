import type { TicketKind } from '../../../protocol/domain.js';
import { useStrings } from './hooks.js';

/** reservation tickets are visibly distinct on every screen (DESIGN.md "Tickets and calling") */
export function ReservationBadge(props: { kind: TicketKind }) {
  const t = useStrings();
  return props.kind === 'reservation' ? <span class="badge-resv">{t('reservation')}</span> : null;
}
