/**
 * Today's duty roster (上岗表, issue 19): the duty lead, who is on duty in which session or for which
 * booking, and their work phones. Read when shown (no socket event). A lead (or admin) may choose
 * another date and assign or remove people here; the admin app has the same editor.
 */
import { useEffect, useState } from 'preact/hooks';
import type { RosterDay } from '../../../protocol/forms.js';
import { RosterAddForm } from '../../kit/ui/RosterAddForm.js';
import { useApp } from '../context.js';
import { latest } from '../latest.js';

export function RosterPanel() {
  const { store, cmd } = useApp();
  const { t } = store;
  const today = store.today.value;
  const isLead = store.session.value?.user.role !== 'staff';
  const [date, setDate] = useState(today);
  const [day, setDay] = useState<RosterDay | null>(null);
  const [n, setN] = useState(0);
  useEffect(() => {
    const live = latest();
    cmd.roster(date).then(live(setDay), live(cmd.fail));
    return live.stop;
  }, [date, n]);
  const reload = () => setN(n + 1);
  const lead = day?.entries.find((e) => e.role === 'lead');
  const others = day?.entries.filter((e) => e.role !== 'lead') ?? [];
  return (
    <section class="roster-panel" aria-labelledby="roster-title">
      <div class="row">
        <h2 id="roster-title">{date === today ? t('rosterTitle') : t('rosterOf')} · {date}</h2>
        {isLead && <label class="inline">{t('rosterDate')}<input type="date" name="roster-date" value={date} onChange={(e) => setDate(e.currentTarget.value || today)} /></label>}
        <button class="link" onClick={reload}>{t('rosterRefresh')}</button>
      </div>
      {day && !day.extended && day.entries.length === 0 && <p class="hint">{t('rosterNotExtended')}</p>}
      {day && day.extended && day.entries.length === 0 && <p class="hint">{t('rosterNone')}</p>}
      {lead && (
        <p class="roster-lead" data-testid="roster-lead">{t('rosterLead')}：<strong>{lead.staffName}</strong> {lead.phone ?? ''}
          {isLead && <button class="link" onClick={() => void cmd.removeRoster(lead.id).then(reload, cmd.fail)}>{t('rosterRemove')}</button>}</p>
      )}
      {others.length > 0 && (
        <table class="roster-table">
          <thead><tr><th>{t('rosterRole')}</th><th>{t('rosterName')}</th><th>{t('rosterPhone')}</th><th>{t('rosterSession')}</th><th>{t('rosterBooking')}</th><th>{t('rosterNote')}</th>{isLead && <th />}</tr></thead>
          <tbody>
            {others.map((e) => (
              <tr key={e.id}>
                <td>{t(`rosterRole_${e.role}`)}</td><td>{e.staffName}</td><td>{e.phone ?? ''}</td><td>{e.session ?? t('rosterWholeDay')}</td>
                <td>{e.booking ? `${e.booking.slot} ${e.booking.serviceName} ${e.booking.name}` : ''}</td><td>{e.note ?? ''}</td>
                {isLead && <td><button class="link" onClick={() => void cmd.removeRoster(e.id).then(reload, cmd.fail)}>{t('rosterRemove')}</button></td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {isLead && day?.extended && (
        <RosterAddForm day={day} t={t} assign={cmd.assignRoster}
          onAdded={(entry) => { store.say('info', t('rosterAdded', { name: entry.staffName })); reload(); }} />
      )}
    </section>
  );
}
