/**
 * The duty roster editor (上岗表, issue 19, seed 000 附件5): choose an extended-service date, see its
 * sessions and bookings, and assign window staff, back-office staff and the one duty lead from the
 * staff list (with their work phones); the printable 上岗表 opens from here.
 */
import { useEffect, useState } from 'preact/hooks';
import type { RosterDay, RosterRole } from '../../../protocol/forms.js';
import { ApiError } from '../../kit/client.js';
import { useApp } from '../context.js';

export function RosterPage() {
  const { store, cmd } = useApp();
  const { t } = store;
  const [date, setDate] = useState(() => new URLSearchParams(location.hash.split('?')[1] ?? '').get('date') || store.today.value);
  const [day, setDay] = useState<RosterDay | null>(null);
  const [role, setRole] = useState<RosterRole>('window');
  const [userId, setUserId] = useState('');
  const [session, setSession] = useState('');
  const [bookingId, setBookingId] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const load = () => { if (date) cmd.roster(date).then(setDay).catch(cmd.fail); };
  useEffect(load, [date]);
  const add = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      const lead = role === 'lead';
      const r = await cmd.assignRoster({
        date, role, userId, ...(!lead && session ? { session } : {}), ...(!lead && bookingId ? { bookingId } : {}), ...(note.trim() ? { note: note.trim() } : {}),
      });
      store.say('info', t('rosterAdded', { name: r.entry.staffName }));
      setNote('');
      load();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  const remove = (id: string) => cmd.removeRoster(id).then(load).catch(cmd.fail);
  return (
    <section class="roster" aria-labelledby="roster-title">
      <h2 id="roster-title">{t('navRoster')}</h2>
      <p class="hint">{t('rosterTitle')}：{t('rosterHint')}</p>
      <div class="row">
        <label class="inline">{t('rosterDate')}<input type="date" name="date" value={date} onChange={(e) => setDate(e.currentTarget.value)} /></label>
        <a class="link" href={`/forms/?form=duty&date=${date}`}>{t('rosterPrint')}</a>
      </div>
      {day && !day.extended && <p class="warn-text" role="status">{t('rosterNotExtended')}</p>}
      {day && (
        <>
          <p>{t('rosterSessions')}：{day.sessions.join('，') || '—'}</p>
          <h3>{t('rosterBookings')}</h3>
          {day.bookings.length === 0 ? <p class="hint">{t('rosterNoBookings')}</p> : (
            <ul class="roster-bookings">{day.bookings.map((b) => <li key={b.id}>{b.slot} {b.serviceName} {b.name}</li>)}</ul>
          )}
          <h3>{t('rosterEntries')}</h3>
          {day.entries.length === 0 ? <p class="hint">{t('rosterNone')}</p> : (
            <table class="list">
              <thead><tr><th>{t('rosterRole')}</th><th>{t('rosterStaff')}</th><th>{t('staffPhone')}</th><th>{t('rosterSession')}</th><th>{t('rosterBooking')}</th><th>{t('rosterNote')}</th><th /></tr></thead>
              <tbody>
                {day.entries.map((e) => (
                  <tr key={e.id} data-testid={`roster-${e.id}`}>
                    <td>{t(`rosterRole_${e.role}`)}</td><td>{e.staffName}</td><td>{e.phone ?? ''}</td><td>{e.session ?? t('rosterWholeDay')}</td>
                    <td>{e.booking ? `${e.booking.slot} ${e.booking.serviceName} ${e.booking.name}` : ''}</td><td>{e.note ?? ''}</td>
                    <td><button class="small" onClick={() => void remove(e.id)}>{t('rosterRemove')}</button></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {day.extended && (
            <form class="row roster-add" onSubmit={add}>
              <label class="inline">{t('rosterRole')}
                <select name="role" value={role} onChange={(e) => setRole(e.currentTarget.value as RosterRole)}>
                  {(['window', 'back-office', 'lead'] as const).map((r) => <option key={r} value={r}>{t(`rosterRole_${r}`)}</option>)}
                </select>
              </label>
              <label class="inline">{t('rosterStaff')}
                <select name="userId" value={userId} onChange={(e) => setUserId(e.currentTarget.value)} required>
                  <option value="">—</option>
                  {day.staff.map((u) => <option key={u.id} value={u.id}>{u.name}{u.phone ? ` ${u.phone}` : ''}</option>)}
                </select>
              </label>
              {role !== 'lead' && (
                <>
                  <label class="inline">{t('rosterSession')}
                    <select name="session" value={session} onChange={(e) => setSession(e.currentTarget.value)}>
                      <option value="">{t('rosterWholeDay')}</option>
                      {day.sessions.map((s) => <option key={s} value={s}>{s}</option>)}
                    </select>
                  </label>
                  <label class="inline">{t('rosterBooking')}
                    <select name="bookingId" value={bookingId} onChange={(e) => setBookingId(e.currentTarget.value)}>
                      <option value="">{t('rosterNoBooking')}</option>
                      {day.bookings.map((b) => <option key={b.id} value={b.id}>{b.slot} {b.serviceName} {b.name}</option>)}
                    </select>
                  </label>
                </>
              )}
              <label class="inline">{t('rosterNote')}<input name="note" value={note} maxLength={100} onInput={(e) => setNote(e.currentTarget.value)} /></label>
              <button class="primary" type="submit" disabled={!userId}>{t('rosterAdd')}</button>
              {error && <p class="error" role="alert">{error}</p>}
            </form>
          )}
        </>
      )}
    </section>
  );
}
