/** Lead view: every window's state at a glance, the queues, and a call out of order (with reason). */
import { useEffect, useState } from 'preact/hooks';
import type { Ticket } from '../../../protocol/domain.js';
import { useApp } from '../context.js';
import { latest } from '../latest.js';
import { hhmm } from '../../kit/time.js';
import { LowRatings } from './LowRatings.js';

export function LeadView() {
  const { store } = useApp();
  const { t } = store;
  const snap = store.snapshot.value;
  if (!snap) return null;
  return (
    <div class="lead">
      <h2>{t('leadTitle')}</h2>
      <LiveFigures />
      <div class="wgrid">
        {snap.windows.map((w) => (
          <article key={w.id} class={`wcard ${w.status}`} aria-label={t('windowN', { n: w.number })}>
            <header><b>{t('windowN', { n: w.number })}</b> {w.name}</header>
            <p class="st">{t(`windowStatus_${w.status}`)}{w.mode === 'reservation' ? ` · ${t('reservationMode')}` : ''}</p>
            <p class="num">{w.current ? w.current.number : '—'}{w.current?.kind === 'reservation' && <span class="badge resv">{t('reservation')}</span>}</p>
            {w.staffName && <p class="small">{t('staffName')}: {w.staffName}</p>}
            {w.pauseReason && <p class="small warn">{t('paused', { reason: w.pauseReason })}</p>}
          </article>
        ))}
      </div>
      <ul class="queues inline">{snap.queues.map((q) => <li key={q.id}>{q.prefix} {q.name}: <b>{q.waiting}</b>{q.reservationsWaiting ? ` (${t('reservation')} ${q.reservationsWaiting})` : ''}</li>)}</ul>
      <OutOfOrder />
      <LowRatings />
    </div>
  );
}

function OutOfOrder() {
  const { store, cmd } = useApp();
  const { t } = store;
  const [windowId, setWindowId] = useState(store.windowId.value ?? store.windows.value[0]?.id ?? '');
  const [tickets, setTickets] = useState<Ticket[]>([]);
  const [ticketId, setTicketId] = useState('');
  const [reason, setReason] = useState('');
  const snapTime = store.snapshot.value?.time;
  useEffect(() => {
    if (!windowId) return;
    const live = latest();
    cmd.waitingOf(windowId).then(live(setTickets), live(cmd.fail));
    return live.stop;
  }, [windowId, snapTime]);
  const submit = async (e: Event) => {
    e.preventDefault();
    const out = await cmd.callTicket(windowId, ticketId, reason.trim());
    if (out) {
      store.say('info', t('called', { number: out.ticket.number }));
      setTicketId('');
      setReason('');
      setTickets(await cmd.waitingOf(windowId));
    }
  };
  return (
    <form class="card ooo" onSubmit={submit}>
      <h3>{t('callOutOfOrder')}</h3>
      <label>{t('window')}
        <select name="window" value={windowId} onChange={(e) => { setWindowId(e.currentTarget.value); setTicketId(''); }}>
          {store.windows.value.map((w) => <option key={w.id} value={w.id}>{t('windowN', { n: w.number })} {w.name}</option>)}
        </select>
      </label>
      <label>{t('chooseTicket')}
        <select name="ticket" value={ticketId} onChange={(e) => setTicketId(e.currentTarget.value)}>
          <option value="">—</option>
          {tickets.map((x) => <option key={x.id} value={x.id}>{x.number} {x.kind === 'reservation' ? t('reservation') : t('walkIn')} {hhmm(x.issuedAt)}</option>)}
        </select>
      </label>
      <label>{t('reason')}<input name="reason" value={reason} maxLength={200} onInput={(e) => setReason(e.currentTarget.value)} /></label>
      <button type="submit" class="primary" disabled={!ticketId || !reason.trim()}>{t('callAt')}</button>
    </form>
  );
}

/** Today's running figures: waiting and windows from the snapshot (events), served and the longest wait from the hall. */
function LiveFigures() {
  const { store, cmd } = useApp();
  const { t } = store;
  const snap = store.snapshot.value!;
  useEffect(() => void cmd.loadLive().catch(cmd.fail), [snap.time]);
  const live = store.live.value;
  const waiting = snap.queues.reduce((n, q) => n + q.waiting, 0);
  const open = snap.windows.filter((w) => w.status !== 'closed').length;
  const since = live?.oldestWaitingSince ? Date.parse(live.oldestWaitingSince) : null;
  const longest = waiting && since != null ? Math.max(0, Math.floor((store.serverNow.value - since) / 60_000)) : 0;
  const cards: [string, string][] = [
    [t('liveWaiting'), String(waiting)],
    [t('liveLongest'), t('liveMinutes', { n: longest })],
    [t('liveServed'), live ? String(live.served) : '—'],
    [t('liveWindowsOpen'), `${open} / ${snap.windows.length}`],
  ];
  return (
    <div class="live-kpis" data-testid="live-kpis">
      {cards.map(([label, value]) => <div class="card" key={label}><span class="small">{label}</span><b>{value}</b></div>)}
    </div>
  );
}
