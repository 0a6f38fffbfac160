/** A booking row's issue-19 actions: 改期 while booked, 办理情况 once served (or any time for a visit). */
import { useState } from 'preact/hooks';
import type { Booking } from '../../../protocol/domain.js';
import { useApp } from '../context.js';
import { RescheduleDialog } from './RescheduleDialog.js';
import { ServiceDialog } from './ServiceDialog.js';

export function BookingChangeButtons({ booking }: { booking: Booking }) {
  const { store } = useApp();
  const { t } = store;
  const [open, setOpen] = useState<null | 'reschedule' | 'service'>(null);
  const b = booking;
  const canService = b.kind === 'visit' ? b.status === 'booked' || b.status === 'served' : b.status === 'served';
  return (
    <>
      {b.status === 'booked' && <button type="button" data-action="reschedule" onClick={() => setOpen('reschedule')}>{t('reschedule')}</button>}
      {canService && (
        <button type="button" data-action="service" class={b.service ? 'recorded' : ''} onClick={() => setOpen('service')}>
          {t('serviceRecord')}{b.service?.minutes !== undefined ? `（${t('serviceMinutes', { n: b.service.minutes })}）` : ''}
        </button>
      )}
      {open === 'reschedule' && <RescheduleDialog booking={b} onClose={() => setOpen(null)} />}
      {open === 'service' && <ServiceDialog booking={b} onClose={() => setOpen(null)} />}
    </>
  );
}
