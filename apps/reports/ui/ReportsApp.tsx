/** Sign-in when needed, then the reports page. */
import type { Signal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, type Client } from '../../kit/client.js';
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
  if (!token || !user) return <Login {...d} />;
  return <ReportsPage {...d} user={user} />;
}

function Login(d: Deps) {
  const { t } = d;
  const [u, setU] = useState('');
  const [p, setP] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      d.setToken((await d.api.call('POST /api/auth/login', { body: { username: u.trim(), password: p } })).token);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <div class="login">
      <form class="card" onSubmit={submit}>
        <h1>{t('title')}</h1>
        <p class="hint">{t('loginHint')}</p>
        <label>{t('username')}<input name="username" value={u} onInput={(e) => setU(e.currentTarget.value)} required /></label>
        <label>{t('password')}<input name="password" type="password" value={p} onInput={(e) => setP(e.currentTarget.value)} required /></label>
        {error && <p class="error" role="alert">{error}</p>}
        <button class="primary" type="submit">{t('login')}</button>
      </form>
    </div>
  );
}
