/**
 * 日历与时间: a year of day kinds and sessions from GET /api/calendar (工作日, 周末, 节假日, 调休上班,
 * closed days with the rule's name), the session rules in effect, per-date overrides, and a year's
 * 放假 and 调休 dates entered in one step (they become `hours.overrides`, PUT /api/config/hours).
 */
import { useEffect, useState } from 'preact/hooks';
import type { CalendarDay } from '../../../protocol/domain.js';
import { useApp } from '../context.js';
import { refusalOf } from '../forms.js';
import { Field, FormError } from './Field.js';
import { HoursForm } from './Hours.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
type OverrideKind = 'workday' | 'weekend' | 'holiday' | 'makeup-workday' | 'closed';

/** '2027-01-01, 2027-01-02\n2027-02-06' → the dates, or the first word that is no date */
export function parseDates(text: string): { dates: string[]; bad: string | null } {
  const words = text.split(/[\s,，、;；]+/).filter(Boolean);
  const bad = words.find((w) => !DATE.test(w)) ?? null;
  return { dates: words.filter((w) => DATE.test(w)), bad };
}

export function CalendarPage() {
  const { store, cmd } = useApp();
  const { t } = store;
  const thisYear = Number((store.today.value || '2026').slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [days, setDays] = useState<CalendarDay[]>([]);
  const [error, setError] = useState<string | null>(null);
  const hours = (store.config.value?.hours ?? {}) as Record<string, unknown>;
  const overrides = (hours.overrides ?? {}) as Record<string, OverrideKind>;
  useEffect(() => {
    let live = true;
    cmd.calendar(`${year}-01-01`, `${year}-12-31`).then((d) => { if (live) { setDays(d); setError(null); } })
      .catch((e: unknown) => { if (live) setError(e instanceof Error ? e.message : String(e)); });
    return () => void (live = false);
  }, [year, store.config.value]);

  const [holidays, setHolidays] = useState('');
  const [makeups, setMakeups] = useState('');
  const [one, setOne] = useState({ date: '', kind: 'closed' as OverrideKind });
  const [fieldErr, setFieldErr] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const saveOverrides = async (next: Record<string, OverrideKind>) => {
    try {
      await cmd.putSection('hours', { ...hours, overrides: next });
      setFieldErr({});
      setGeneral(null);
      store.say('info', t('saved', { name: t('overrides') }));
      return true;
    } catch (e) {
      const r = refusalOf(e, ['overrides']);
      setFieldErr(r.fields);
      setGeneral(r.general);
      return false;
    }
  };
  const submitYear = async (e: Event) => {
    e.preventDefault();
    const h = parseDates(holidays);
    const m = parseDates(makeups);
    if (h.bad || m.bad) { setFieldErr({ [h.bad ? 'holidays' : 'makeups']: t('badDate', { word: (h.bad ?? m.bad)! }) }); return; }
    const next = { ...overrides };
    for (const d of h.dates) next[d] = 'holiday';
    for (const d of m.dates) next[d] = 'makeup-workday';
    if (await saveOverrides(next)) { setHolidays(''); setMakeups(''); }
  };
  const submitOne = async (e: Event) => {
    e.preventDefault();
    if (!DATE.test(one.date)) { setFieldErr({ date: t('badDate', { word: one.date }) }); return; }
    await saveOverrides({ ...overrides, [one.date]: one.kind });
  };
  const removeOverride = (d: string) => {
    const { [d]: _gone, ...rest } = overrides;
    void saveOverrides(rest);
  };

  const months = Array.from({ length: 12 }, (_, i) => days.filter((d) => Number(d.date.slice(5, 7)) === i + 1));
  return (
    <section class="page calendar">
      <div class="page-head">
        <h2>{t('navCalendar')}</h2>
        <button onClick={() => setYear(year - 1)}>{t('prevYear')}</button>
        <strong data-testid="calendar-year">{year}</strong>
        <button onClick={() => setYear(year + 1)}>{t('nextYear')}</button>
        <span class="legend">
          {(['workday', 'weekend', 'holiday', 'makeup-workday', 'closed'] as const).map((k) => <span key={k} class={`day ${k}`}>{t(`day_${k}`)}</span>)}
        </span>
      </div>
      {error && <p class="error" role="alert">{error}</p>}
      <div class="year" data-testid="year">
        {months.map((list, i) => (
          <div class="month" key={i}>
            <h4>{t('monthN', { n: i + 1 })}</h4>
            <div class="days">
              {list.length > 0 && Array.from({ length: (new Date(list[0].date + 'T00:00:00Z').getUTCDay() + 6) % 7 }, (_, j) => <span key={`pad${j}`} />)}
              {list.map((d) => {
                const closed = d.sessions.length === 0 && d.kind !== 'weekend' && d.kind !== 'holiday';
                const title = `${d.date} ${t(`day_${d.kind}`)}${d.closed ? ` · ${d.closed === 'override' ? t('overrideMark') : d.closed}` : ''}\n${d.sessions.map((s) => `${s.start}–${s.end}${s.appointmentOnly ? ' ' + t('appointmentOnly') : ''}${s.extended ? ' ' + t('extended') : ''}`).join('\n') || t('noSessions')}`;
                return <span key={d.date} class={`day ${closed ? 'closed' : d.kind}${overrides[d.date] ? ' override' : ''}${d.date === store.today.value ? ' today' : ''}`} title={title}>{Number(d.date.slice(8))}</span>;
              })}
            </div>
          </div>
        ))}
      </div>

      <div class="settings-grid">
        <form class="card" onSubmit={(e) => void submitYear(e)} noValidate>
          <h3>{t('yearStep')}</h3>
          <p class="hint">{t('yearStepHint')}</p>
          <Field label={t('holidayDates')} name="holidays" error={fieldErr.holidays}>
            <textarea name="holidays" rows={3} value={holidays} placeholder="2027-01-01 2027-02-16 …" onInput={(e) => setHolidays(e.currentTarget.value)} />
          </Field>
          <Field label={t('makeupDates')} name="makeups" error={fieldErr.makeups}>
            <textarea name="makeups" rows={2} value={makeups} placeholder="2027-02-07 …" onInput={(e) => setMakeups(e.currentTarget.value)} />
          </Field>
          <div class="row end"><button class="primary" type="submit">{t('save')}</button></div>
        </form>
        <div class="card">
          <h3>{t('overrides')}</h3>
          <form class="row" onSubmit={(e) => void submitOne(e)} noValidate>
            <Field label={t('date')} name="date" error={fieldErr.date}><input name="date" type="date" value={one.date} onInput={(e) => setOne({ ...one, date: e.currentTarget.value })} /></Field>
            <Field label={t('dayKind')} name="kind">
              <select name="kind" value={one.kind} onChange={(e) => setOne({ ...one, kind: e.currentTarget.value as OverrideKind })}>
                {(['closed', 'holiday', 'makeup-workday', 'workday', 'weekend'] as const).map((k) => <option key={k} value={k}>{t(`day_${k}`)}</option>)}
              </select>
            </Field>
            <button class="primary" type="submit">{t('add')}</button>
          </form>
          {fieldErr.overrides && <p class="field-error" role="alert">{fieldErr.overrides}</p>}
          <FormError text={general} />
          <ul class="overrides">
            {Object.entries(overrides).sort().map(([d, k]) => (
              <li key={d}><code>{d}</code> {t(`day_${k}`)} <button class="small" onClick={() => removeOverride(d)}>{t('removeFromList')}</button></li>
            ))}
            {!Object.keys(overrides).length && <li class="hint">{t('noOverrides')}</li>}
          </ul>
          <h3>{t('sessionRules')}</h3>
          <HoursForm />
          {hours.tz !== undefined && <p class="hint">{t('timeZone')}：{String(hours.tz)}</p>}
          <p class="hint">{t('sessionRulesHint')}</p>
        </div>
      </div>
    </section>
  );
}
