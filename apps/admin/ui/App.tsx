/** The frame: header (hall, user, language, sign out), the pages' navigation, the notice line, the current page. */
import { PAGES, type Page } from '../store.js';
import { useApp } from '../context.js';
import { Audit } from './Audit.js';
import { Catalog } from './Catalog.js';
import { Devices } from './Devices.js';
import { Login } from '../../kit/ui/Login.js';
import { AccountPage } from './Account.js';
import { DemoPage } from './DemoPanel.js';
import { RosterPage } from './Roster.js';
import { People } from './People.js';
import { Start } from './Start.js';
import { HallPage, NoticesPage, PolicyPage } from './Settings.js';
import { CalendarPage } from './Calendar.js';
import { Credit } from './Credit.js';
import { Ratings } from './Ratings.js';
import { Platform } from './Platform.js';
import type { MsgKey } from '../i18n.js';

const VIEWS: Record<Page, () => preact.JSX.Element> = {
  start: Start, hall: HallPage, people: People, catalog: Catalog, devices: Devices, calendar: CalendarPage,
  booking: () => <PolicyPage which="booking" />, calling: () => <PolicyPage which="calling" />, notices: NoticesPage, credit: Credit, audit: Audit,
  ratings: Ratings,
  platform: Platform,
  password: AccountPage,
  demo: DemoPage,
  roster: RosterPage,
};
const NAV: Record<Page, MsgKey> = {
  start: 'navStart', hall: 'navHall', people: 'navPeople', catalog: 'navCatalog', devices: 'navDevices', calendar: 'navCalendar',
  booking: 'navBooking', calling: 'navCalling', notices: 'navNotices', credit: 'navCredit', audit: 'navAudit',
  ratings: 'navRatings',
  platform: 'navPlatform',
  password: 'navPassword',
  demo: 'navDemo',
  roster: 'navRoster',
};

export function App() {
  const { store, cmd } = useApp();
  const { t } = store;
  const s = store.session.value;
  const lang = store.lang.value; // subscribe: every string follows the switch
  if (!s || !s.user.id) {
    return (
      <Login title={t('appTitle')} lang={lang} hint={store.notice.value?.text ?? t('loginHint')} onLogin={cmd.login}
        onLang={() => store.setLang(lang === 'zh' ? 'en' : 'zh')} links={<a href="/console/">{t('toConsole')}</a>} />
    );
  }
  const page = store.page.value;
  const View = VIEWS[page];
  const notice = store.notice.value;
  return (
    <div class="app" data-lang={lang}>
      <header class="top no-print">
        <h1>{store.hallName.value} · {t('appTitle')}</h1>
        <div class="who">
          <span>{s.user.name}</span>
          <span class={store.connected.value ? 'dot ok' : 'dot bad'} title={store.connected.value ? t('connected') : t('disconnected')} />
          <a class="link" href="/console/">{t('toConsole')}</a>
          <button class="link" onClick={() => store.setLang(lang === 'zh' ? 'en' : 'zh')}>{t('langSwitch')}</button>
          <button class="link" onClick={() => void cmd.logout()}>{t('logout')}</button>
        </div>
      </header>
      <div class="frame">
        <nav class="side no-print" aria-label={t('appTitle')}>
          {PAGES.filter((p) => p !== 'demo' || store.demo.value).map((p) => (
            <a key={p} href={`#/${p}`} class={p === page ? 'on' : undefined} aria-current={p === page ? 'page' : undefined}>{t(NAV[p])}</a>
          ))}
          <a href="/reports/">{t('navReports')}</a>
        </nav>
        <main>
          {notice && (
            <p class={`notice ${notice.kind} no-print`} role={notice.kind === 'error' ? 'alert' : 'status'} key={notice.at}>
              {notice.text}
              <button class="link" onClick={() => (store.notice.value = null)}>{t('dismiss')}</button>
            </p>
          )}
          {store.loaded.value ? <View /> : <p class="hint">{t('loading')}</p>}
        </main>
      </div>
    </div>
  );
}
