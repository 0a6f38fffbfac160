/**
 * 好差评 (issue 16): every rating of a period with filters (dates, low only, overdue only); the
 * server lists the open low ones first, earliest deadline (so the overdue ones) first.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Evaluation } from '../../../protocol/evaluations.js';
import { useApp } from '../context.js';

export function Ratings() {
  const { store, cmd } = useApp();
  const { t } = store;
  const today = store.today.value;
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const [lowOnly, setLowOnly] = useState(false);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [list, setList] = useState<Evaluation[] | null>(null);
  // an empty date is today's (the server's default)
  const load = () => cmd.ratings({ ...(from ? { from } : {}), ...(to ? { to } : {}), ...(lowOnly ? { maxLevel: 2 } : {}) }).then(setList).catch(cmd.fail);
  useEffect(() => void load(), []);
  const shown = (list ?? []).filter((e) => !overdueOnly || e.overdue);
  return (
    <section class="page ratings">
      <h2>{t('navRatings')}</h2>
      <p class="hint">{t('ratingsHint')}</p>
      <form class="row" onSubmit={(e) => { e.preventDefault(); void load(); }}>
        <label>{t('dateFrom')} <input type="date" name="from" value={from} onInput={(e) => setFrom(e.currentTarget.value)} /></label>
        <label>{t('dateTo')} <input type="date" name="to" value={to} onInput={(e) => setTo(e.currentTarget.value)} /></label>
        <label>{t('maxLevel')}
          <select name="maxLevel" value={lowOnly ? 'low' : 'all'} onChange={(e) => setLowOnly(e.currentTarget.value === 'low')}>
            <option value="all">{t('levelsAll')}</option><option value="low">{t('levelsLow')}</option>
          </select>
        </label>
        <label class="check"><input type="checkbox" name="overdue" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.currentTarget.checked)} /> {t('overdueOnly')}</label>
        <button class="primary" type="submit">{t('search2')}</button>
      </form>
      {list === null ? <p class="hint">{t('loading')}</p> : shown.length === 0 ? <p class="empty">{t('ratingsEmpty')}</p> : (
        <table class="list" data-testid="ratings">
          <thead><tr>
            <th>{t('colDay')}</th><th>{t('colTicket')}</th><th>{t('colLevel')}</th><th>{t('colReasons')}</th><th>{t('colWindow')}</th>
            <th>{t('colStaff')}</th><th>{t('colService')}</th><th>{t('colChannel')}</th><th>{t('colDue')}</th><th>{t('colFollowUp')}</th>
          </tr></thead>
          <tbody>{shown.map((e) => (
            <tr key={e.id} class={e.overdue ? 'overdue' : undefined}>
              <td>{e.day}</td><td>{e.ticketNumber}</td><td>{t(`level_${e.level}`)}</td><td>{e.reasons.join('、')}</td>
              <td>{e.window ? t('windowN', { n: e.window.number }) : ''}</td><td>{e.staffName ?? ''}</td><td>{e.service?.name ?? ''}</td>
              <td>{t(`via_${e.channel}`)}</td>
              <td>{e.dueDay ?? ''}{e.overdue && <b class="warn-text"> {t('overdue')}</b>}</td>
              <td>{e.followUp ? `${t(`outcome_${e.followUp.outcome}`)}：${e.followUp.note}` : e.dueDay ? t('pending') : ''}</td>
            </tr>))}
          </tbody>
        </table>
      )}
    </section>
  );
}
