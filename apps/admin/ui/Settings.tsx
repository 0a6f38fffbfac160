/**
 * The hall's settings pages, on GET /api/config and PUT /api/config/:section (each section validated
 * by the server with the config file's schema; a refusal, 400 invalid-config with `details.path`,
 * is shown at its field): 大厅 (the name), 预约规则 and 叫号规则 (the policy, each rule with its
 * seed), 公告 (the notices on tickets and screens, checked here with the same schema as the server).
 */
import { useState } from 'preact/hooks';
import { NoticesConfig } from '../../../protocol/schemas.js';
import { useApp } from '../context.js';
import { check, refusalOf, type FieldErrors } from '../forms.js';
import type { MsgKey } from '../i18n.js';
import { Field, FormError } from './Field.js';

function useSection(fields: readonly string[]) {
  const { store, cmd } = useApp();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async (section: string, value: unknown, label: string) => {
    setBusy(true);
    try {
      await cmd.putSection(section, value);
      setErrors({});
      setGeneral(null);
      store.say('info', store.t('saved', { name: label }));
    } catch (e) {
      const r = refusalOf(e, fields);
      setErrors(r.fields);
      setGeneral(r.general);
    } finally { setBusy(false); }
  };
  return { errors, setErrors, general, busy, save };
}

export function HallPage() {
  const { store } = useApp();
  const { t } = store;
  const cfg = store.config.value;
  const [name, setName] = useState(cfg?.hall.name ?? '');
  const s = useSection(['name']);
  const submit = (e: Event) => {
    e.preventDefault();
    void s.save('hall', { name: name.trim() }, t('hallName'));
  };
  return (
    <section class="page settings">
      <h2>{t('navHall')}</h2>
      <form class="card narrow" onSubmit={submit} noValidate>
        <Field label={t('hallName')} name="name" error={s.errors.name} hint={t('hallNameHint')}>
          <input name="hallName" value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </Field>
        <FormError text={s.general} />
        <div class="row end"><button class="primary" type="submit" disabled={s.busy}>{t('save')}</button></div>
      </form>
    </section>
  );
}

export function NoticesPage() {
  const { store } = useApp();
  const { t } = store;
  const [lines, setLines] = useState((store.config.value?.notices ?? []).join('\n'));
  const s = useSection(['value']);
  const submit = (e: Event) => {
    e.preventDefault();
    const list = lines.split('\n').map((l) => l.trim()).filter(Boolean);
    const v = check(NoticesConfig, list, store.lang.value);
    if (!v.ok) { s.setErrors({ value: Object.values(v.fields)[0] }); return; }
    void s.save('notices', list, t('navNotices'));
  };
  return (
    <section class="page settings">
      <h2>{t('navNotices')}</h2>
      <form class="card narrow" onSubmit={submit} noValidate>
        <Field label={t('noticesLabel')} name="value" error={s.errors.value} hint={t('noticesHint')}>
          <textarea name="notices" rows={6} value={lines} onInput={(e) => setLines(e.currentTarget.value)} />
        </Field>
        <FormError text={s.general} />
        <div class="row end"><button class="primary" type="submit" disabled={s.busy}>{t('save')}</button></div>
      </form>
    </section>
  );
}

type Kind = 'number' | 'time' | 'priority';
/** each rule: its key in `policy`, how it is entered, and the seed regulation it follows (or that it is a product decision) */
export const BOOKING_RULES: [string, Kind][] = [
  ['maxBookingsPerDay', 'number'], ['horizonDays', 'number'], ['onlineLeadHours', 'number'], ['phoneDeadline', 'time'],
  ['cancelLeadHours', 'number'], ['checkinOpensMinutes', 'number'], ['forfeitMinutes', 'number'], ['noShowLimit', 'number'],
];
export const CALLING_RULES: [string, Kind][] = [['reservationPriority', 'priority'], ['eligibleBeforeMinutes', 'number'], ['dayEndGraceMinutes', 'number']];

export function PolicyPage({ which }: { which: 'booking' | 'calling' }) {
  const { store } = useApp();
  const { t } = store;
  const rules = which === 'booking' ? BOOKING_RULES : CALLING_RULES;
  const policy = (store.config.value?.policy ?? {}) as Record<string, unknown>;
  const [values, setValues] = useState<Record<string, string>>(Object.fromEntries(rules.map(([k]) => [k, policy[k] === undefined ? '' : String(policy[k])])));
  const s = useSection(rules.map(([k]) => k));
  const submit = (e: Event) => {
    e.preventDefault();
    const next: Record<string, unknown> = { ...policy };
    for (const [k, kind] of rules) {
      const v = values[k].trim();
      if (v === '') delete next[k];
      else next[k] = kind === 'number' ? Number(v) : v;
    }
    void s.save('policy', next, t(which === 'booking' ? 'navBooking' : 'navCalling'));
  };
  return (
    <section class="page settings">
      <h2>{t(which === 'booking' ? 'navBooking' : 'navCalling')}</h2>
      <form class="card" onSubmit={submit} noValidate>
        <table class="rules">
          <tbody>
            {rules.map(([k, kind]) => (
              <tr key={k} data-testid={`rule-${k}`}>
                <td class="rule-field">
                  <Field label={t(`p_${k}` as MsgKey)} name={k} error={s.errors[k]}>
                    {kind === 'priority' ? (
                      <select name={k} value={values[k]} onChange={(e) => setValues({ ...values, [k]: e.currentTarget.value })}>
                        <option value="auto">{t('priorityAuto')}</option><option value="manual">{t('priorityManual')}</option>
                      </select>
                    ) : (
                      <input name={k} inputMode={kind === 'number' ? 'decimal' : undefined} value={values[k]} onInput={(e) => setValues({ ...values, [k]: e.currentTarget.value })} />
                    )}
                  </Field>
                </td>
                <td class="seed">{t(`seed_${k}` as MsgKey)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <FormError text={s.general} />
        <div class="row end"><button class="primary" type="submit" disabled={s.busy}>{t('save')}</button></div>
      </form>
    </section>
  );
}
