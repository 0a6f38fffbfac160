/**
 * The ticket: number very large, 预约/现场, service, people ahead, the windows that serve it, a QR
 * code of its status page, and how printing went. Printing failed or no printer → say so plainly;
 * the idle timer keeps this screen three times as long (idle.ts).
 */
import { useMemo } from 'preact/hooks';
import { useStore, type Screen } from '../store.js';
import { t } from '../i18n.js';
import { printStatus } from '../idle.js';
import { qrSvg } from '../../kit/qr.js';

export function TicketView({ view }: { view: Extract<Screen, { name: 'ticket' }> }) {
  const store = useStore();
  const lang = store.lang.value;
  const { ticket } = view;
  const service = store.services.value.find((s) => s.id === ticket.serviceId);
  const serviceName = service ? (lang === 'en' && service.nameEn ? service.nameEn : service.name) : '';
  const reservation = ticket.kind === 'reservation';
  const windows = store.windows.value
    .filter((w) => w.queueIds.includes(ticket.queueId) && (reservation || !w.reservationOnly))
    .sort((a, b) => a.number - b.number)
    .map((w) => t(lang, 'ticket.window', { n: w.number }));
  const statusUrl = `${location.origin}/t/${encodeURIComponent(ticket.id)}`;
  const svg = useMemo(() => qrSvg(statusUrl), [statusUrl]);
  const printed = printStatus(store, view, store.nowMs.value);
  const notice = {
    printing: ['info', t(lang, 'ticket.printing')],
    ok: ['ok', t(lang, 'ticket.printed')],
    failed: ['alert', t(lang, 'ticket.printFailed')],
    none: ['alert', t(lang, 'ticket.noPrinter')],
  }[printed];
  return (
    <main class={`screen ticket ${reservation ? 'is-reservation' : 'is-walkin'}`}>
      {view.alreadyCheckedIn && <p class="lead">{t(lang, 'ticket.already')}</p>}
      <div class="ticket-card">
        <div class="ticket-label">
          {t(lang, 'ticket.your')}
          <span class={`kind-badge ${reservation ? 'reservation' : 'walkin'}`}>{t(lang, reservation ? 'ticket.reservation' : 'ticket.walkin')}</span>
        </div>
        <div class="ticket-number" data-testid="ticket-number">{ticket.number}</div>
        <div class="ticket-service">{serviceName}</div>
        <div class="ticket-ahead" data-testid="ticket-ahead">{t(lang, 'ticket.ahead', { n: view.waitingAhead })}</div>
        {windows.length > 0 && <div class="ticket-windows" data-testid="ticket-windows">{t(lang, 'ticket.windows', { w: windows.join(lang === 'zh' ? '、' : ', ') })}</div>}
        {service?.materials && (
          <div class="ticket-materials" data-testid="ticket-materials">
            {t(lang, 'ticket.materials')}
            <ul>{service.materials.map((m) => <li key={m}>{m}</li>)}</ul>
          </div>
        )}
      </div>
      <div class={`print-notice ${notice[0]}`} role={notice[0] === 'alert' ? 'alert' : 'status'} data-testid="print-notice">
        {notice[1]}
        {(printed === 'failed' || printed === 'none') && <div class="sub">{t(lang, 'ticket.stillValid')}</div>}
      </div>
      <div class="ticket-qr">
        <div class="qr" dangerouslySetInnerHTML={{ __html: svg }} data-url={statusUrl} />
        <span>{t(lang, 'ticket.qr')}</span>
      </div>
      <div class="row-actions">
        <button type="button" class="nav primary" onClick={() => store.go({ name: 'home' })}>{t(lang, 'ticket.done')}</button>
      </div>
    </main>
  );
}
