/**
 * The duty roster editor (上岗表, issue 19, seed 000 附件5): choose an extended-service date, see its
 * sessions and bookings, and assign window staff, back-office staff and the one duty lead from the
 * staff list (with their work phones); the printable 上岗表 opens from here.
 */
import { useEffect, useState } from 'preact/hooks';
import type { RosterDay } from '../../../protocol/forms.js';
import { RosterAddForm } from '../../kit/ui/RosterAddForm.js';
import { useApp } from '../context.js';

export function RosterPage() {
  const { store, cmd } = useApp();
  const { t } = store;
  const [date, setDate] = useState(() => new URLSearchParams(location.hash.split('?')[1] ?? '').get('date') || store.today.value);
  const [day, setDay] = useState<RosterDay | null>(null);
  const load = () => { if (date) cmd.roster(date).then(setDay).catch(cmd.fail); };
  useEffect(load, [date]);
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
            <RosterAddForm day={day} t={t} assign={cmd.assignRoster}
              onAdded={(entry) => { store.say('info', t('rosterAdded', { name: entry.staffName })); load(); }} />
          )}
        </>
      )}
    </section>
  );
}
