/**
 * 好差评 (issue 16): a lead sees today's low ratings with their reasons and records each follow-up. The
 * list is loaded with each snapshot (and on 刷新); `evaluation:updated` keeps it current (issue 20: no poll).
 */
import { useEffect, useState } from 'preact/hooks';
import { FOLLOW_UP_OUTCOMES, type Evaluation, type FollowUpOutcome } from '../../../protocol/evaluations.js';
import { hhmm } from '../../kit/time.js';
import { useApp } from '../context.js';

export function LowRatings() {
  const { store, cmd } = useApp();
  const { t } = store;
  const list = store.ratings.value ?? [];
  const load = () => cmd.lowRatings().then((l) => void (store.ratings.value = l), cmd.fail);
  useEffect(() => void load(), [store.snapshot.value?.time]);
  return (
    <section class="card ratings" aria-label={t('ratingsTitle')}>
      <h3>{t('ratingsTitle')} <button type="button" class="link" onClick={() => void load()}>{t('ratingsRefresh')}</button></h3>
      {list.length === 0 && <p class="small">{t('ratingsNone')}</p>}
      <ul>{list.map((e) => <Rating key={e.id} e={e} onSaved={(x) => store.applyEvaluation(x)} />)}</ul>
    </section>
  );
}

function Rating({ e, onSaved }: { e: Evaluation; onSaved: (e: Evaluation) => void }) {
  const { store, cmd } = useApp();
  const { t } = store;
  const [outcome, setOutcome] = useState<FollowUpOutcome>('contacted');
  const [note, setNote] = useState('');
  const save = async (ev: Event) => {
    ev.preventDefault();
    try {
      onSaved((await cmd.followUp(e.id, outcome, note.trim())).evaluation);
      store.say('info', t('ratingsSaved'));
    } catch (err) {
      cmd.fail(err);
    }
  };
  return (
    <li class={`rating${e.overdue ? ' overdue' : ''}`} data-testid="low-rating">
      <p>
        <b>{e.ticketNumber}</b> <span class="badge bad">{t(e.level === 1 ? 'level_1' : 'level_2')}</span>{' '}
        {e.window ? t('windowN', { n: e.window.number }) : ''} {e.staffName ?? ''} · {e.service?.name ?? ''} · {hhmm(e.createdAt)} ·{' '}
        {t(`ratingsVia_${e.channel}`)}
      </p>
      <p class="small">{t('ratingsReasons')}：{e.reasons.join('、') || '—'}</p>
      <p class="small">{e.dueDay ? t('ratingsDue', { day: e.dueDay }) : ''}{e.overdue ? ` · ${t('ratingsOverdue')}` : ''}</p>
      {e.followUp ? (
        <p class="small ok">{t(`outcome_${e.followUp.outcome}`)}：{e.followUp.note}（{e.followUp.by}）</p>
      ) : (
        <form class="follow-up" onSubmit={save}>
          <label>{t('ratingsFollowUp')}
            <select name="outcome" value={outcome} onChange={(x) => setOutcome(x.currentTarget.value as FollowUpOutcome)}>
              {FOLLOW_UP_OUTCOMES.map((o) => <option key={o} value={o}>{t(`outcome_${o}`)}</option>)}
            </select>
          </label>
          <label>{t('ratingsNote')}<input name="note" value={note} maxLength={500} onInput={(x) => setNote(x.currentTarget.value)} /></label>
          <button type="submit" class="primary" disabled={!note.trim()}>{t('ratingsSave')}</button>
        </form>
      )}
    </li>
  );
}
