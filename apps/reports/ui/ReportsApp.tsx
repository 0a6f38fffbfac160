/** Sign-in when needed, then the reports page. */
import type { Signal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import type { Client } from '../../kit/client.js';
import { Login } from '../../kit/ui/Login.js';
import type { Lang, Translate } from '../../kit/i18n.js';
import type { MsgKey } from '../i18n.js';
import { ReportsPage } from './ReportsPage.js';

export interface Deps {
  api: Client;
  token: Signal<string | null>;
  setToken(t: string | null): void;
  lang: Signal<Lang>;
  t: Translate<MsgKey>;
  setLang(l: Lang): void;
}

export function ReportsApp(d: Deps) {
  const [user, setUser] = useState<{ name: string; role: string } | null>(null);
  const token = d.token.value;
  void d.lang.value; // every string follows the language switch
  useEffect(() => {
    if (!token) return setUser(null);
    d.api.call('GET /api/me').then((me) => setUser(me.kind === 'user' ? me.user : null)).catch(() => d.setToken(null));
  }, [token]);
  if (!token || !user) return <SignIn {...d} />;
  return <ReportsPage {...d} user={user} />;
}

function SignIn(d: Deps) {
  const lang = d.lang.value;
  return (
    <Login title={d.t('title')} hint={d.t('loginHint')} lang={lang} onLang={() => d.setLang(lang === 'zh' ? 'en' : 'zh')}
      onLogin={async (username, password) => d.setToken((await d.api.call('POST /api/auth/login', { body: { username, password } })).token)} />
  );
}
