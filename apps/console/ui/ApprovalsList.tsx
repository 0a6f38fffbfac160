/** 改期审批 (lead, admin; seed 004 二(4) 经政务服务管理科同意): the pending requests, approved or refused with a note. */
import { useEffect, useState } from 'preact/hooks';
import type { BookingChange } from '../../../protocol/booking-changes.js';
import { useApp } from '../context.js';
import { latest } from '../latest.js';
import { refusalText } from '../refusal.js';

export function ApprovalsList() {
  const { store, cmd } = useApp();
  const { t } = store;
  const [list, setList] = useState<BookingChange[] | null>(null);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const live = latest();
    cmd.pendingChanges().then(live(setList), live(cmd.fail));
    return live.stop;
  }, [version]);
  const service = new Map(store.services.value.map((s) => [s.id, s]));
  const decide = async (c: BookingChange, how: 'approve' | 'refuse') => {
    const note = (notes[c.id] ?? '').trim();
    if (how === 'refuse' && !note) return setErrors({ ...errors, [c.id]: t('refuseNeedsNote') });
    try {
      if (how === 'approve') {
        const r = await cmd.approveChange(c.id, note || undefined);
        store.rememberBookings([r.booking]);
      } else await cmd.refuseChange(c.id, note);
      store.say('info', t(how === 'approve' ? 'approved' : 'refused'));
      setList((l) => (l ?? []).filter((x) => x.id !== c.id));
    } catch (err) {
      setErrors({ ...errors, [c.id]: refusalText(err, t) });
    }
  };
  return (
    <section class="approvals" aria-labelledby="approvals-title" data-testid="approvals">
      <h2 id="approvals-title">{t('approvalsTitle')} <button type="button" class="link" onClick={() => setVersion(version + 1)}>{t('approvalsRefresh')}</button></h2>
      {list && list.length === 0 && <p class="hint">{t('approvalsNone')}</p>}
      {list && list.length > 0 && (
        <table class="list">
          <thead><tr><th>{t('bookingCode')}</th><th>{t('service')}</th><th>{t('changeFrom')}</th><th>{t('changeTo')}</th><th>{t('changeBy')}</th><th>{t('changeReason')}</th><th>{t('changeNote')}</th><th /></tr></thead>
          <tbody>
            {list.map((c) => (
              <tr key={c.id} data-change={c.id}>
                <td class="booking-code">{c.code ?? ''}</td>
                <td>{service.get(c.serviceId)?.name ?? c.serviceId}</td>
                <td>{c.from.date} {c.from.slot}</td>
                <td><strong>{c.to.date} {c.to.slot}</strong></td>
                <td>{c.requestedByName ?? c.requestedBy}</td>
                <td>{c.reason}</td>
                <td>
                  <input name="note" value={notes[c.id] ?? ''} maxLength={200} onInput={(e) => setNotes({ ...notes, [c.id]: e.currentTarget.value })} />
                  {errors[c.id] && <p class="error" role="alert">{errors[c.id]}</p>}
                </td>
                <td class="actions">
                  <button type="button" class="primary" data-action="approve" onClick={() => void decide(c, 'approve')}>{t('approve')}</button>
                  <button type="button" data-action="refuse" onClick={() => void decide(c, 'refuse')}>{t('refuse')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
