/**
 * 预约工作台 (issue 19): a window's dispatched bookings to sign for (签收), the citizens still to call
 * before their slot (记录联系), and the no-shows to follow up 30 minutes after their slot. Loaded once
 * per window, reconnect and day (GET /api/desk); `booking:updated` events keep the lists (../desk.ts).
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Booking } from '../../../protocol/domain.js';
import type { BookingHistory, ContactOutcome, ContactPurpose } from '../../../protocol/desk.js';
import { CONTACT_OUTCOMES } from '../../../protocol/rules/contact-outcomes.js';
import { Dialog } from '../../kit/ui/Dialog.js';
import { useApp } from '../context.js';
import type { DeskItem } from '../desk.js';
import { latest } from '../latest.js';
import { refusalText } from '../refusal.js';

const hhmm = (iso: string) => iso.slice(11, 16);
const mmdd = (iso: string) => iso.slice(5, 10);

export function BookingDesk() {
  const { store, cmd } = useApp();
  const { t } = store;
  const desk = store.desk;
  const allowed = store.allowedWindows.value;
  const [windowId, setWindowId] = useState<string | null>(store.windowId.value ?? allowed[0]?.id ?? null);
  const w = allowed.find((x) => x.id === windowId) ?? null;
  const connected = store.connected.value;
  const today = store.today.value;
  const [loading, setLoading] = useState(false);
  const [contacting, setContacting] = useState<{ item: DeskItem; purpose: ContactPurpose } | null>(null);
  const [history, setHistory] = useState<Booking | null>(null);

  // loaded for the window, again after a reconnect (events may have been missed) and on a new day; never on an event
  useEffect(() => {
    if (!w || !connected) return;
    const live = latest();
    setLoading(true);
    cmd.desk.loadDesk(w, today).then(live(() => setLoading(false)), live((e: unknown) => { setLoading(false); cmd.fail(e); }));
    return live.stop;
  }, [w?.id, connected, today]);

  const lists = desk.lists.value;
  const held = desk.windowId.value === windowId;
  const service = new Map(store.services.value.map((s) => [s.id, s]));
  const myWindows = store.session.value?.user.windowIds ?? [];
  const now = store.serverNow.value;
  const sign = async (b: Booking) => {
    try {
      await cmd.desk.sign(b.id);
      store.say('info', t('deskSaved'));
    } catch (e) { cmd.fail(e); }
  };
  const followUp = async (b: Booking, outcome: ContactOutcome) => {
    try {
      await cmd.desk.contact(b.id, 'follow-up', outcome);
      store.say('info', t('deskSaved'));
    } catch (e) { cmd.fail(e); }
  };

  const row = (x: DeskItem, actions: ComponentChildren, extra?: ComponentChildren) => {
    const b = x.booking;
    const s = service.get(b.serviceId);
    return (
      <tr key={b.id} data-booking={b.id}>
        <td class="when"><strong>{b.date.slice(5)}</strong> {b.slot}</td>
        <td>{s ? (store.lang.value === 'en' && s.nameEn ? s.nameEn : s.name) : b.serviceId}</td>
        <td>{b.name}<br /><small>{b.phone}</small>{b.unit ? <><br /><small>{t('deskUnit')}：{b.unit}</small></> : null}</td>
        <td>{t(`channel_${b.channel}`)}{b.code ? <><br /><small class="booking-code">{b.code}</small></> : null}</td>
        {extra}
        <td class="last-contact">{x.lastContact
          ? <>{t(`outcome_${x.lastContact.outcome}`)}<br /><small>{mmdd(x.lastContact.at)} {hhmm(x.lastContact.at)} {x.lastContact.by}</small></>
          : <small>{t('deskNoContact')}</small>}</td>
        <td><div class="actions">{actions}<button type="button" class="link" onClick={() => setHistory(b)}>{t('deskHistory')}</button></div></td>
      </tr>
    );
  };
  const head = (extra?: string) => (
    <thead><tr><th>{t('deskSlot')}</th><th>{t('service')}</th><th>{t('name')}</th><th>{t('channel')}</th>{extra && <th>{extra}</th>}<th>{t('deskLastContact')}</th><th /></tr></thead>
  );

  return (
    <section class="desk" aria-labelledby="desk-title">
      <div class="row desk-head">
        <h2 id="desk-title">{t('deskTitle')}</h2>
        <span class={desk.count.value > 0 ? 'badge resv desk-count' : 'badge desk-count'} data-testid="desk-count">{t('deskTotal', { n: held ? desk.count.value : 0 })}</span>
        <label class="inline">{t('deskWindow')}
          <select name="deskWindow" value={windowId ?? ''} onChange={(e) => setWindowId(e.currentTarget.value || null)}>
            {allowed.map((x) => <option key={x.id} value={x.id}>{t('windowN', { n: x.number })} · {x.name}</option>)}
          </select>
        </label>
        {loading && <span class="hint" role="status">{t('deskLoading')}</span>}
      </div>
      {!w && <p class="hint">{t('deskNoWindow')}</p>}
      {w && held && (
        <>
          <section class="card desk-list" aria-labelledby="desk-dispatched" data-list="dispatched">
            <h3 id="desk-dispatched">{t('deskDispatched')} <span class="badge">{lists.dispatched.length}</span></h3>
            <p class="hint">{t('deskDispatchedHint')}</p>
            {lists.dispatched.length === 0 ? <p class="empty">{t('deskEmpty')}</p> : (
              <table class="list">{head(t('dispatch'))}<tbody>
                {lists.dispatched.map((x) => row(x,
                  myWindows.includes(w.id) ? <button type="button" class="primary" onClick={() => void sign(x.booking)}>{t('deskSign')}</button> : null,
                  <td><small>{x.booking.dispatch ? t('deskDispatchedAt', { at: `${mmdd(x.booking.dispatch.at)} ${hhmm(x.booking.dispatch.at)}` }) : ''}</small></td>))}
              </tbody></table>
            )}
          </section>
          <section class="card desk-list" aria-labelledby="desk-tocall" data-list="toCall">
            <h3 id="desk-tocall">{t('deskToCall')} <span class="badge">{lists.toCall.length}</span></h3>
            <p class="hint">{t('deskToCallHint')}</p>
            {lists.toCall.length === 0 ? <p class="empty">{t('deskEmpty')}</p> : (
              <table class="list">{head(t('deskDueBy'))}<tbody>
                {lists.toCall.map((x) => {
                  const due = x.dueBy ?? null;
                  const overdue = due !== null && Date.parse(due) < now;
                  return row(x,
                    <button type="button" class="primary" onClick={() => setContacting({ item: x, purpose: 'advance' })}>{t('deskContact')}</button>,
                    <td class={overdue ? 'due overdue' : 'due'}>{due ? `${mmdd(due)} ${hhmm(due)}` : '—'}{overdue ? <><br /><small>{t('deskOverdue')}</small></> : null}</td>);
                })}
              </tbody></table>
            )}
          </section>
          <section class="card desk-list" aria-labelledby="desk-followup" data-list="followUp">
            <h3 id="desk-followup">{t('deskFollowUp')} <span class="badge">{lists.followUp.length}</span></h3>
            <p class="hint">{t('deskFollowUpHint', { m: desk.forfeitMinutes.value })}</p>
            {lists.followUp.length === 0 ? <p class="empty">{t('deskEmpty')}</p> : (
              <table class="list">{head()}<tbody>
                {lists.followUp.map((x) => row(x, <>
                  {CONTACT_OUTCOMES['follow-up'].map((o) => (
                    <button key={o} type="button" onClick={() => void followUp(x.booking, o)}>{t(`outcome_${o}`)}</button>
                  ))}
                  <button type="button" onClick={() => setContacting({ item: x, purpose: 'follow-up' })}>{t('deskContact')}</button>
                </>))}
              </tbody></table>
            )}
          </section>
        </>
      )}
      {contacting && <ContactDialog item={contacting.item} purpose={contacting.purpose} onClose={() => setContacting(null)} />}
      {history && <HistoryDialog booking={history} onClose={() => setHistory(null)} />}
    </section>
  );
}

function ContactDialog({ item, purpose, onClose }: { item: DeskItem; purpose: ContactPurpose; onClose: () => void }) {
  const { store, cmd } = useApp();
  const { t } = store;
  const b = item.booking;
  const outcomes = CONTACT_OUTCOMES[purpose];
  const [outcome, setOutcome] = useState<ContactOutcome>(outcomes[0]);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    try {
      await cmd.desk.contact(b.id, purpose, outcome, note.trim() || undefined);
      store.say('info', t('deskSaved'));
      onClose();
    } catch (err) {
      setError(refusalText(err, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title={t('deskContactTitle', { name: b.name, date: b.date, slot: b.slot })} onClose={onClose}>
      <form onSubmit={submit} class="desk-contact">
        <fieldset class="outcomes"><legend>{t('deskOutcome')} · {t(`purpose_${purpose}`)}</legend>
          {outcomes.map((o) => (
            <label key={o} class="radio"><input type="radio" name="outcome" value={o} checked={outcome === o} onChange={() => setOutcome(o)} />{t(`outcome_${o}`)}</label>
          ))}
        </fieldset>
        <label>{t('deskNote')}<textarea name="note" rows={3} maxLength={500} value={note} onInput={(e) => setNote(e.currentTarget.value)} /></label>
        {error && <p class="error" role="alert">{error}</p>}
        <div class="row">
          <button type="submit" class="primary" disabled={busy}>{t('deskSave')}</button>
          <button type="button" onClick={onClose}>{t('cancel')}</button>
        </div>
      </form>
    </Dialog>
  );
}

function HistoryDialog({ booking, onClose }: { booking: Booking; onClose: () => void }) {
  const { store, cmd } = useApp();
  const { t } = store;
  const [h, setH] = useState<BookingHistory | null>(null);
  useEffect(() => {
    const live = latest();
    cmd.desk.history(booking.id).then(live(setH), live(cmd.fail));
    return live.stop;
  }, [booking.id]);
  const label = (type: string) => {
    const key = `log_${type.replace('.', '_')}`;
    const s = t(key as never);
    return s === key ? type : s;
  };
  const entries = h ? [
    ...h.events.filter((e) => e.type !== 'booking.contacted').map((e) => ({ at: e.at, what: label(e.type), who: e.actor, note: typeof e.data.windowId === 'string' ? e.data.windowId : '' })),
    ...h.contacts.map((c) => ({ at: c.at, what: `${t(`purpose_${c.purpose}`)}：${t(`outcome_${c.outcome}`)}`, who: c.by, note: c.note ?? '' })),
  ].sort((a, b) => a.at.localeCompare(b.at)) : [];
  return (
    <Dialog title={`${t('deskHistoryTitle')} ${booking.name} ${booking.date} ${booking.slot}`} onClose={onClose}>
      {!h ? <p class="hint">{t('deskLoading')}</p> : (
        <table class="list history"><tbody>
          {entries.map((e, i) => <tr key={i}><td>{mmdd(e.at)} {hhmm(e.at)}</td><td>{e.what}</td><td>{e.who}</td><td>{e.note}</td></tr>)}
        </tbody></table>
      )}
      <div class="row"><button type="button" onClick={onClose}>{t('deskClose')}</button></div>
    </Dialog>
  );
}
