/**
 * The caller: large buttons with their F-key, disabled with the reason shown when they cannot act;
 * the current ticket; the window's waiting list; today's counts. F1–F8 work anywhere on this screen.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { availability, type ButtonId } from '../availability.js';
import type { WindowAction } from '../commands.js';
import { useApp } from '../context.js';
import type { MsgKey } from '../i18n.js';
import { KEY_OF, SHORTCUTS } from '../shortcuts.js';
import { CurrentTicket } from './CurrentTicket.js';
import { PauseDialog, TransferDialog } from './CallerDialogs.js';
import { TodayCounts, WaitingList } from './WaitingList.js';

const ACTIONS: Partial<Record<ButtonId, WindowAction>> = { callNext: 'call-next', recall: 'recall', noShow: 'no-show', start: 'start', finish: 'finish' };

export function Caller() {
  const { store, cmd } = useApp();
  const { t } = store;
  const w = store.myWindow.value;
  const hw = store.myHallWindow.value;
  const [dialog, setDialog] = useState<'pause' | 'transfer' | null>(null);
  const can = availability(w, hw);
  const reservationMode = hw?.reservationOnly || w?.mode === 'reservation';

  const press = (id: ButtonId) => {
    if (!can[id].enabled || !w) return;
    const action = ACTIONS[id];
    if (action) void cmd.act(action);
    else if (id === 'transfer') setDialog('transfer');
    else if (id === 'pause') w.status === 'paused' ? void cmd.act('resume') : setDialog('pause');
    else if (id === 'mode') void cmd.toggleMode();
  };

  // the listener is added once and reads the latest render's state through a ref: an effect
  // re-added after each render would leave a stale handler between paint and effect
  const onKeyRef = useRef<(e: KeyboardEvent) => void>(() => undefined);
  onKeyRef.current = (e: KeyboardEvent) => {
    const id = SHORTCUTS[e.key];
    if (!id) return;
    // F1 (help) and F5 (reload) would leave the console: the keys belong to the caller here
    e.preventDefault();
    if (!dialog && !e.repeat) press(id);
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => onKeyRef.current(e);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const label: Record<ButtonId, MsgKey> = {
    callNext: 'callNext', recall: 'recall', noShow: 'noShow', start: 'start', finish: 'finish', transfer: 'transfer',
    pause: w?.status === 'paused' ? 'resume' : 'pause', mode: 'reservationMode',
  };
  const order: ButtonId[] = ['callNext', 'recall', 'noShow', 'start', 'finish', 'transfer', 'pause', 'mode'];

  return (
    <div class="caller" aria-busy={store.pending.value > 0}>
      <section class="buttons" aria-label={t('shortcuts')}>
        {order.map((id) => {
          const a = can[id];
          const whyId = `why-${id}`;
          return (
            <div key={id} class={`cbtn ${id}`}>
              {id === 'mode' ? (
                <button role="switch" aria-checked={reservationMode ? 'true' : 'false'} class={reservationMode ? 'big on' : 'big'}
                  disabled={!a.enabled} aria-describedby={a.why ? whyId : undefined} onClick={() => press(id)}>{t(label[id])}</button>
              ) : (
                <button class={id === 'callNext' ? 'big primary' : 'big'} disabled={!a.enabled}
                  aria-describedby={a.why ? whyId : undefined} onClick={() => press(id)}>{t(label[id])}</button>
              )}
              <kbd aria-hidden="true">{KEY_OF[id]}</kbd>
              {a.why && <span class="why" id={whyId}>{t(a.why)}</span>}
              {id === 'mode' && !a.why && <span class="why">{reservationMode ? t('on') : t('off')}</span>}
            </div>
          );
        })}
      </section>
      {w?.status === 'paused' && <p class="banner warn" role="status">{t('paused', { reason: w.pauseReason ?? '' })}</p>}
      <div class="panels">
        <CurrentTicket />
        <WaitingList />
        <TodayCounts />
      </div>
      <section class="keys-help" aria-label={t('shortcuts')}>
        <h3>{t('shortcuts')}</h3>
        <dl>{order.map((id) => <div key={id}><dt>{KEY_OF[id]}</dt><dd>{t(id === 'pause' ? 'pause' : label[id])}{id === 'pause' ? ` / ${t('resume')}` : ''}</dd></div>)}</dl>
      </section>
      {dialog === 'pause' && <PauseDialog onClose={() => setDialog(null)} />}
      {dialog === 'transfer' && <TransferDialog onClose={() => setDialog(null)} />}
    </div>
  );
}
