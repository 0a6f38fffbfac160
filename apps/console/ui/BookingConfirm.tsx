/** The printable confirmation: the booking (personal data as the server gives it, masked) and its QR code. */
import QRCode from 'qrcode';
import { useEffect, useState } from 'preact/hooks';
import type { Booking } from '../../../protocol/domain.js';
import { useApp } from '../context.js';

export function BookingConfirm({ booking, qr, onAgain }: { booking: Booking; qr: string; onAgain: () => void }) {
  const { store, cmd } = useApp();
  const { t } = store;
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    QRCode.toDataURL(qr, { errorCorrectionLevel: 'M', margin: 2, scale: 8 }).then(setSrc, cmd.fail);
  }, [qr]);
  const service = store.services.value.find((s) => s.id === booking.serviceId);
  return (
    <section class="confirm printable" aria-labelledby="confirm-title">
      <h2 id="confirm-title">{store.snapshot.value?.hallName ?? ''} {t('confirmTitle')}</h2>
      <div class="confirm-body">
        <dl>
          {booking.code && <div><dt>{t('bookingCode')}</dt><dd class="booking-code" data-testid="booking-code">{booking.code}</dd></div>}
          <div><dt>{t('bookingNo')}</dt><dd>{booking.id}</dd></div>
          <div><dt>{t('service')}</dt><dd>{service ? `${service.code} ${service.name}` : booking.serviceId}</dd></div>
          <div><dt>{t('date')}</dt><dd data-testid="confirm-date">{booking.date}</dd></div>
          <div><dt>{t('slot')}</dt><dd data-testid="confirm-slot">{booking.slot}</dd></div>
          <div><dt>{t('channel')}</dt><dd>{t(`channel_${booking.channel}`)}</dd></div>
          <div><dt>{t('name')}</dt><dd>{booking.name}</dd></div>
          <div><dt>{t('phone')}</dt><dd>{booking.phone}</dd></div>
          {service?.windowLabel && <div><dt>{t('hoUnit')}</dt><dd>{service.windowLabel}</dd></div>}
          {service?.materials && <div><dt>{t('materials')}</dt><dd data-testid="confirm-materials">{service.materials.join('；')}</dd></div>}
        </dl>
        {src && <img class="qr" src={src} alt={t('confirmTitle')} data-testid="booking-qr" width={240} height={240} />}
      </div>
      <p class="hint">{t('confirmHint')}</p>
      <div class="row no-print">
        <button class="primary" onClick={() => window.print()}>{t('print')}</button>
        <button onClick={onAgain}>{t('newBooking')}</button>
      </div>
    </section>
  );
}
