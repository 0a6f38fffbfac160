/** The frame: header (hall, user, window, language, sign out), navigation, the notice line, and the current view. */
import type { View } from '../store.js';
import { useApp } from '../context.js';
import { BookingForm } from './BookingForm.js';
import { BookingList } from './BookingList.js';
import { Caller } from './Caller.js';
import { Handover } from './Handover.js';
import { LeadView } from './LeadView.js';
import { Login } from '../../kit/ui/Login.js';
import { OwnPassword } from '../../kit/ui/OwnPassword.js';
import { WindowPicker } from './WindowPicker.js';
import { ApprovalsList } from './ApprovalsList.js';
import { VisitsList } from './VisitsList.js';
import { Dialog } from '../../kit/ui/Dialog.js';
import { useState } from 'preact/hooks';

export function App() {
  const { store, cmd } = useApp();
  const { t } = store;
  const s = store.session.value;
  const lang = store.lang.value; // subscribe: every string follows the switch
  const [ownPassword, setOwnPassword] = useState(false);
  if (!s || !s.user.id) {
    return <Login title={t('appTitle')} lang={lang} hint={store.notice.value?.text} onLogin={cmd.login} onLang={() => store.setLang(lang === 'zh' ? 'en' : 'zh')} />;
  }
  const lead = s.user.role !== 'staff';
  const views: [View, string][] = [
    ['caller', t('navCaller')], ...(lead ? [['lead', t('navLead')] as [View, string]] : []),
    ['book', t('navBook')], ['bookings', t('navBookings')], ['handover', t('navHandover')],
    // issue 19: 上门办 for everyone, 改期审批 for leads
    ['visits', t('navVisits')], ...(lead ? [['approvals', t('navApprovals')] as [View, string]] : []),
  ];
  const view = store.view.value;
  const w = store.myWindow.value;
  const notice = store.notice.value;
  const needWindow = view === 'caller' && !store.windowId.value;
  const [confirm, setConfirm] = useState<null | 'signout' | 'logout'>(null);
  const cur = w?.current && (w.current.status === 'called' || w.current.status === 'serving') ? w.current : null;
  // 签退 and 退出 ask first while a ticket is still called or served at this window (issue 14)
  const leave = (what: 'signout' | 'logout') => {
    if (cur) setConfirm(what);
    else void (what === 'signout' ? cmd.signOut() : cmd.logout());
  };
  const confirmed = async () => {
    const what = confirm;
    setConfirm(null);
    await cmd.signOut();
    if (what === 'logout') await cmd.logout();
  };
  return (
    <div class="app" data-lang={lang}>
      <header class="top no-print">
        <h1>{store.snapshot.value?.hallName ?? ''} {t('appTitle')}</h1>
        <nav aria-label={t('appTitle')}>
          {views.map(([v, label]) => (
            <button key={v} class={v === view ? 'tab on' : 'tab'} aria-current={v === view ? 'page' : undefined} onClick={() => (store.view.value = v)}>{label}</button>
          ))}
        </nav>
        <div class="who">
          <span>{s.user.name}</span>
          {w && <span class="win">{t('windowN', { n: w.number })} · {w.name}</span>}
          {w && <button class="link" onClick={() => store.setWindow(null)}>{t('changeWindow')}</button>}
          {w && <button class="link sign-out" data-testid="sign-out" onClick={() => leave('signout')}>{t('signOut')}</button>}
          <span class={store.connected.value ? 'dot ok' : 'dot bad'} title={store.connected.value ? t('connected') : t('disconnected')} />
          {lead && <a class="link" href="/admin/">{t('toAdmin')}</a>}
          {lead && <a class="link" href="/reports/">{t('toReports')}</a>}
          <button class="link" onClick={() => setOwnPassword(true)}>{t('changePassword')}</button>
          <button class="link" onClick={() => store.setLang(lang === 'zh' ? 'en' : 'zh')}>{t('langSwitch')}</button>
          <button class="link" onClick={() => (w ? leave('logout') : void cmd.logout())}>{t('logout')}</button>
        </div>
      </header>
      {!store.connected.value && <p class="banner bad no-print" role="status">{t('disconnected')}</p>}
      {lead && store.warnings.value.map((w) => (
        <p key={w.code} class="banner warn hall-warning no-print" role="status">{w.code === 'clock-jump'
          ? t('warnClockJump', { wall: w.wallTime, believed: w.believedTime })
          : t('warnHolidayData', { years: w.years.join(lang === 'zh' ? '、' : ', ') })}</p>
      ))}
      {notice && (
        <p class={`notice ${notice.kind} no-print`} role={notice.kind === 'error' ? 'alert' : 'status'} key={notice.at}>{notice.text}</p>
      )}
      {ownPassword && (
        <Dialog title={t('changePassword')} onClose={() => setOwnPassword(false)}>
          <OwnPassword lang={lang} change={cmd.changeOwnPassword} onDone={(m) => { setOwnPassword(false); store.say('info', m); }} />
        </Dialog>
      )}
      {confirm && cur && (
        <Dialog title={t('signOutTitle')} onClose={() => setConfirm(null)}>
          <p data-testid="sign-out-warning">{t(cur.status === 'called' ? 'signOutCalled' : 'signOutServing', { number: cur.number })}</p>
          <div class="actions">
            <button type="button" class="primary" onClick={() => void confirmed()}>{t(confirm === 'logout' ? 'logoutConfirm' : 'signOutConfirm')}</button>
            <button type="button" onClick={() => setConfirm(null)}>{t('cancel2')}</button>
          </div>
        </Dialog>
      )}
      <main>
        {needWindow ? <WindowPicker /> : view === 'caller' ? <Caller /> : view === 'lead' ? <LeadView /> : view === 'book' ? <BookingForm />
          : view === 'bookings' ? <BookingList /> : view === 'visits' ? <VisitsList /> : view === 'approvals' ? <ApprovalsList /> : <Handover />}
      </main>
    </div>
  );
}
