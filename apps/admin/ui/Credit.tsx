/**
 * 信用: citizens barred from booking this month (masked), each pardoned with a reason through its
 * opaque handle (GET /api/citizens/barred, POST /api/citizens/barred/:ref/pardon): the clear ID
 * number never reaches this page.
 */
import { useEffect, useState } from 'preact/hooks';
import { PardonBody } from '../../../protocol/schemas.js';
import type { BarredCitizen } from '../../kit/client.js';
import { useApp } from '../context.js';
import { check, refusalOf, type FieldErrors } from '../forms.js';
import { Dialog } from '../../kit/ui/Dialog.js';
import { Field, FormError } from './Field.js';

export function Credit() {
  const { store, cmd } = useApp();
  const { t } = store;
  const [list, setList] = useState<BarredCitizen[] | null>(null);
  const [pardoning, setPardoning] = useState<BarredCitizen | null>(null);
  const load = () => cmd.barred().then(setList).catch(cmd.fail);
  useEffect(() => void load(), []);
  return (
    <section class="page credit">
      <h2>{t('navCredit')}</h2>
      <p class="hint">{t('creditHint')}</p>
      {list === null ? <p class="hint">{t('loading')}</p> : list.length === 0 ? <p class="empty">{t('creditEmpty')}</p> : (
        <table class="list" data-testid="barred">
          <thead><tr><th>{t('person')}</th><th>{t('noShowsN')}</th><th>{t('barredUntilCol')}</th><th /></tr></thead>
          <tbody>{list.map((b) => (
            <tr key={b.ref}>
              <td><code>{b.idNumber}</code></td><td>{b.noShowsThisMonth}</td><td>{b.barredUntil ?? ''}</td>
              <td class="actions"><button class="small" onClick={() => setPardoning(b)}>{t('pardon')}</button></td>
            </tr>))}
          </tbody>
        </table>
      )}
      {pardoning && <PardonDialog who={pardoning} onClose={() => setPardoning(null)} onDone={() => void load()} />}
    </section>
  );
}

function PardonDialog({ who, onClose, onDone }: { who: BarredCitizen; onClose: () => void; onDone: () => void }) {
  const { store, cmd } = useApp();
  const { t } = store;
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    const v = check(PardonBody, { reason }, store.lang.value);
    if (!v.ok) { setErrors(v.fields); return; }
    try {
      await cmd.pardon(who.ref, reason.trim());
      store.say('info', t('pardoned', { who: who.idNumber }));
      onDone();
      onClose();
    } catch (err) {
      const r = refusalOf(err, ['reason']);
      setErrors(r.fields);
      setGeneral(r.general);
    }
  };
  return (
    <Dialog title={t('pardonOf', { who: who.idNumber })} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <Field label={t('pardonReason')} name="reason" error={errors.reason}>
          <input name="reason" value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
        </Field>
        <FormError text={general} />
        <div class="row end">
          <button type="button" onClick={onClose}>{t('cancel')}</button>
          <button class="primary" type="submit">{t('pardon')}</button>
        </div>
      </form>
    </Dialog>
  );
}
