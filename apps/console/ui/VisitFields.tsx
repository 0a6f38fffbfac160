/** The booking form's 办理方式: 窗口办理 or 上门办理 (seed 002 三(四)), with the visit's address and visiting staff. */
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../context.js';
import { latest } from '../latest.js';

export interface VisitChoice { kind: 'window' | 'visit'; address: string; assigneeId: string }

export function VisitFields({ value, onChange }: { value: VisitChoice; onChange: (v: VisitChoice) => void }) {
  const { store, cmd } = useApp();
  const { t } = store;
  const [people, setPeople] = useState<{ id: string; name: string }[]>([]);
  useEffect(() => {
    if (value.kind !== 'visit' || people.length) return;
    const live = latest();
    cmd.assignees().then(live(setPeople), live(() => setPeople([])));
    return live.stop;
  }, [value.kind]);
  return (
    <>
      <fieldset class="channel kind"><legend>{t('kind')}</legend>
        {(['window', 'visit'] as const).map((k) => (
          <label key={k} class="radio"><input type="radio" name="kind" value={k} checked={value.kind === k} onChange={() => onChange({ ...value, kind: k })} />{t(`kind_${k}`)}</label>
        ))}
      </fieldset>
      {value.kind === 'visit' && (
        <>
          <label>{t('address')} <small class="hint">{t('addressHint')}</small>
            <input name="address" value={value.address} maxLength={100} autocomplete="off" onInput={(e) => onChange({ ...value, address: e.currentTarget.value })} required />
          </label>
          <label>{t('assignee')}
            <select name="assigneeId" value={value.assigneeId} onChange={(e) => onChange({ ...value, assigneeId: e.currentTarget.value })}>
              <option value="">{t('assigneeLater')}</option>
              {people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select>
          </label>
        </>
      )}
    </>
  );
}
