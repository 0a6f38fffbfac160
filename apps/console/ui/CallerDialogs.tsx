/** 暂停 needs a reason; 转移 sends the current ticket to another queue or window. */
import { useState } from 'preact/hooks';
import { useApp } from '../context.js';
import { Dialog } from '../../kit/ui/Dialog.js';

export function PauseDialog({ onClose }: { onClose: () => void }) {
  const { store, cmd } = useApp();
  const { t } = store;
  const [reason, setReason] = useState('');
  const ok = reason.trim().length > 0;
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!ok) return;
    await cmd.pause(reason.trim());
    onClose();
  };
  return (
    <Dialog title={t('pause')} onClose={onClose}>
      <form onSubmit={submit}>
        <label>{t('pauseReason')}<input name="reason" value={reason} maxLength={100} onInput={(e) => setReason(e.currentTarget.value)} /></label>
        <div class="chips">{t('pauseReasons').split('|').map((r) => <button type="button" key={r} class="chip" onClick={() => setReason(r)}>{r}</button>)}</div>
        <div class="row">
          <button type="submit" class="primary" disabled={!ok}>{t('confirm')}</button>
          <button type="button" onClick={onClose}>{t('cancel')}</button>
        </div>
      </form>
    </Dialog>
  );
}

export function TransferDialog({ onClose }: { onClose: () => void }) {
  const { store, cmd } = useApp();
  const { t } = store;
  const [target, setTarget] = useState('');
  const cur = store.myWindow.value?.current;
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!target) return;
    const [kind, id] = [target.slice(0, 2), target.slice(2)];
    await cmd.transfer(kind === 'q:' ? { queueId: id } : { windowId: id });
    onClose();
  };
  return (
    <Dialog title={`${t('transfer')} ${cur?.number ?? ''}`} onClose={onClose}>
      <form onSubmit={submit}>
        <label>{t('transferTo')}
          <select name="target" value={target} onChange={(e) => setTarget(e.currentTarget.value)}>
            <option value="">—</option>
            <optgroup label={t('toQueue')}>
              {store.queues.value.filter((q) => q.id !== cur?.queueId).map((q) => <option key={q.id} value={`q:${q.id}`}>{q.prefix} {q.name}</option>)}
            </optgroup>
            <optgroup label={t('toWindow')}>
              {store.windows.value.filter((w) => w.id !== store.windowId.value).map((w) => <option key={w.id} value={`w:${w.id}`}>{t('windowN', { n: w.number })} {w.name}</option>)}
            </optgroup>
          </select>
        </label>
        <div class="row">
          <button type="submit" class="primary" disabled={!target}>{t('confirm')}</button>
          <button type="button" onClick={onClose}>{t('cancel')}</button>
        </div>
      </form>
    </Dialog>
  );
}
