/** The kiosk's frame: header, the current screen, and the connection notice. */
import { useEffect } from 'preact/hooks';
import { useStore } from '../store.js';
import { t } from '../i18n.js';
import type { KioskActions } from '../actions.js';
import { Header } from './Header.js';
import { Home } from './Home.js';
import { Services } from './Services.js';
import { Checkin } from './Checkin.js';
import { Keypad } from './Keypad.js';
import { CodePad } from './CodePad.js';
import { TicketView } from './TicketView.js';
import { Refusal } from './Refusal.js';

export function App({ actions }: { actions: KioskActions }) {
  const store = useStore();
  const lang = store.lang.value;
  const s = store.screen.value;
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.documentElement.classList.toggle('elder', store.elder.value);
  }, [lang, store.elder.value]);
  let body;
  switch (s.name) {
    case 'home': body = <Home />; break;
    case 'services': body = <Services actions={actions} view={s} />; break;
    case 'checkin': body = <Checkin actions={actions} />; break;
    case 'keypad': body = <Keypad actions={actions} />; break;
    case 'code': body = <CodePad actions={actions} />; break;
    case 'ticket': body = <TicketView view={s} />; break;
    case 'refusal': body = <Refusal view={s} />; break;
    case 'busy': body = <main class="screen busy" aria-busy="true"><p class="lead">{t(lang, 'busy')}</p></main>; break;
  }
  return (
    <div class="kiosk" data-screen={s.name}>
      <Header />
      {body}
      {store.unauthorized.value ? (
        <div class="conn alert" role="alert">{t(lang, 'unauthorized')}</div>
      ) : !store.connected.value ? (
        <div class="conn" role="status">{t(lang, 'offline')}</div>
      ) : null}
    </div>
  );
}
