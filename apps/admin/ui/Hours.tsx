/**
 * 办公时段: the session times of `hours` (summer and winter mornings and afternoons, when each season
 * starts, weekend sessions, the lunch and evening extensions), saved with PUT /api/config/hours. The
 * server checks them with the config file's schema; each refusal is shown at its field, in Chinese
 * first (reasons.ts).
 */
import { useState } from 'preact/hooks';
import { ApiError } from '../../kit/client.js';
import { useApp } from '../context.js';
import { reasonText } from '../reasons.js';
import { Check, Field, FormError } from './Field.js';

type Range = [string, string];
type Season = { am: Range; pm: Range };
const SEASONS = ['summer', 'winter'] as const;
const PARTS = ['am', 'pm'] as const;

/** 'hours.summer.am.1' → 'summer.am'; 'hours.weekend.0' → 'weekend'; 'hours.lunch' → 'lunch' */
export function hoursField(path: string): string {
  const p = path.replace(/^hours\.?/, '').split('.');
  return (p[0] === 'summer' || p[0] === 'winter') && p[1] ? `${p[0]}.${p[1]}` : p[0] || 'general';
}

/** '09:00-12:00, 13:00–17:00' → the ranges, or the first word that is no range */
export function parseRanges(text: string): { ranges: Range[]; bad: string | null } {
  const words = text.split(/[\s,，、;；]+/).filter(Boolean);
  const ranges: Range[] = [];
  for (const w of words) {
    const m = w.match(/^(\d{1,2}:\d{2})[-–~～](\d{1,2}:\d{2})$/);
    if (!m) return { ranges, bad: w };
    ranges.push([m[1].padStart(5, '0'), m[2].padStart(5, '0')]);
  }
  return { ranges, bad: null };
}

export function HoursForm() {
  const { store, cmd } = useApp();
  const { t } = store;
  const hours = (store.config.value?.hours ?? {}) as Record<string, unknown>;
  const [seasons, setSeasons] = useState(() => Object.fromEntries(SEASONS.map((s) => [s, structuredClone(hours[s] as Season)])) as Record<(typeof SEASONS)[number], Season>);
  const [summerFrom, setSummerFrom] = useState(String(hours.summerFrom ?? ''));
  const [winterFrom, setWinterFrom] = useState(String(hours.winterFrom ?? ''));
  const [weekend, setWeekend] = useState(((hours.weekend ?? []) as Range[]).map((r) => r.join('-')).join(', '));
  const [lunch, setLunch] = useState(hours.lunch !== false);
  const [evening, setEvening] = useState(String(hours.eveningMinutes ?? 60));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const setTime = (s: (typeof SEASONS)[number], part: (typeof PARTS)[number], i: 0 | 1, v: string) => {
    const next = structuredClone(seasons);
    next[s][part][i] = v.trim();
    setSeasons(next);
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    const w = parseRanges(weekend);
    if (w.bad) { setErrors({ weekend: t('badRange', { word: w.bad }) }); return; }
    const evNum = evening.trim() === '' ? NaN : Number(evening);
    const value = { ...hours, ...seasons, summerFrom: summerFrom.trim(), winterFrom: winterFrom.trim(), weekend: w.ranges, lunch, eveningMinutes: evNum };
    setBusy(true);
    try {
      await cmd.putSection('hours', value);
      setErrors({});
      setGeneral(null);
      store.say('info', t('saved', { name: t('sessionRules') }));
    } catch (err) {
      if (!(err instanceof ApiError)) { setGeneral(String(err)); return; }
      const issues = Array.isArray(err.details.issues) ? (err.details.issues as { path: string; message: string }[]) : [];
      const found: Record<string, string> = {};
      for (const i of issues) found[hoursField(String(i.path))] ??= reasonText(String(i.message), store.lang.value);
      setErrors(found);
      setGeneral(Object.keys(found).length ? null : err.message);
    } finally { setBusy(false); }
  };
  const time = (s: (typeof SEASONS)[number], part: (typeof PARTS)[number], i: 0 | 1) => (
    <input name={`${s}.${part}.${i}`} class="time" inputMode="numeric" placeholder="08:30" aria-label={`${t(s)} ${t(part)} ${t(i ? 'to' : 'from')}`}
      value={seasons[s]?.[part]?.[i] ?? ''} onInput={(e) => setTime(s, part, i, e.currentTarget.value)} />
  );
  if (!seasons.summer || !seasons.winter) return null;
  return (
    <form class="hours" onSubmit={(e) => void submit(e)} noValidate data-testid="hours-form">
      {SEASONS.map((s) => (
        <fieldset key={s}>
          <legend>{t(s)}</legend>
          {PARTS.map((part) => (
            <Field key={part} label={t(part)} name={`${s}.${part}`} error={errors[`${s}.${part}`]}>
              <span class="range">{time(s, part, 0)} – {time(s, part, 1)}</span>
            </Field>
          ))}
        </fieldset>
      ))}
      <Field label={`${t('summer')} · ${t('from')} (MM-DD)`} name="summerFrom" error={errors.summerFrom}>
        <input name="summerFrom" value={summerFrom} onInput={(e) => setSummerFrom(e.currentTarget.value)} />
      </Field>
      <Field label={`${t('winter')} · ${t('from')} (MM-DD)`} name="winterFrom" error={errors.winterFrom}>
        <input name="winterFrom" value={winterFrom} onInput={(e) => setWinterFrom(e.currentTarget.value)} />
      </Field>
      <Field label={t('weekendSessions')} name="weekend" error={errors.weekend} hint={t('weekendHint')}>
        <input name="weekend" value={weekend} onInput={(e) => setWeekend(e.currentTarget.value)} />
      </Field>
      <Field label={t('eveningMinutes')} name="eveningMinutes" error={errors.eveningMinutes} hint={t('eveningHint')}>
        <input name="eveningMinutes" inputMode="numeric" value={evening} onInput={(e) => setEvening(e.currentTarget.value)} />
      </Field>
      <div class="field checks"><Check name="lunch" label={t('lunch')} checked={lunch} onChange={setLunch} /></div>
      {errors.general && <p class="field-error" role="alert">{errors.general}</p>}
      <FormError text={general} />
      <div class="row end"><button class="primary" type="submit" disabled={busy}>{t('saveHours')}</button></div>
    </form>
  );
}
