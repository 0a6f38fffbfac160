/**
 * Today's duty roster (上岗表, issue 19): the duty lead, who is on duty in which session or for which
 * booking, and their work phones. Read when shown (no socket event); a lead or admin edits it in the
 * admin app's 上岗表 page.
 */
import { useEffect, useState } from 'preact/hooks';
import type { RosterDay } from '../../../protocol/forms.js';
import { useApp } from '../context.js';
import { latest } from '../latest.js';

export function RosterPanel() {
  const { store, cmd } = useApp();
  const { t } = store;
  const date = store.today.value;
  const [day, setDay] = useState<RosterDay | null>(null);
  const [n, setN] = useState(0);
  useEffect(() => {
    const live = latest();
    cmd.roster(date).then(live(setDay), live(cmd.fail));
    return live.stop;
  }, [date, n]);
  const lead = day?.entries.find((e) => e.role === 'lead');
  const others = day?.entries.filter((e) => e.role !== 'lead') ?? [];
  const isLead = store.session.value?.user.role !== 'staff';
  return (
    <section class="roster-panel" aria-labelledby="roster-title">
      <div class="row">
        <h2 id="roster-title">{t('rosterTitle')} · {date}</h2>
        <button class="link" onClick={() => setN(n + 1)}>{t('rosterRefresh')}</button>
        {isLead && <a class="link" href={`/admin/#/roster?date=${date}`}>{t('rosterEdit')}</a>}
      </div>
      {day && !day.extended && day.entries.length === 0 && <p class="hint">{t('rosterNotExtended')}</p>}
      {day && day.extended && day.entries.length === 0 && <p class="hint">{t('rosterNone')}</p>}
      {lead && (
        <p class="roster-lead" data-testid="roster-lead">{t('rosterLead')}：<strong>{lead.staffName}</strong> {lead.phone ?? ''}</p>
      )}
      {others.length > 0 && (
        <table class="roster-table">
          <thead><tr><th>{t('rosterRole')}</th><th>{t('rosterName')}</th><th>{t('rosterPhone')}</th><th>{t('rosterSession')}</th><th>{t('rosterBooking')}</th><th>{t('rosterNote')}</th></tr></thead>
          <tbody>
            {others.map((e) => (
              <tr key={e.id}>
                <td>{t(`rosterRole_${e.role}`)}</td><td>{e.staffName}</td><td>{e.phone ?? ''}</td><td>{e.session ?? t('rosterWholeDay')}</td>
                <td>{e.booking ? `${e.booking.slot} ${e.booking.serviceName} ${e.booking.name}` : ''}</td><td>{e.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
