/** 用户名 / 密码 / 登录: admins only; anyone else is told plainly that this is the admins' page. */
import { useState } from 'preact/hooks';
import { ApiError } from '../../kit/client.js';
import { useApp } from '../context.js';

export function Login() {
  const { store, cmd } = useApp();
  const { t } = store;
  const [user, setUser] = useState('');
  const [pw, setPw] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await cmd.login(user.trim(), pw);
    } catch (err) {
      setError(err instanceof ApiError || err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="login">
      <form class="card" onSubmit={submit}>
        <h1>{t('appTitle')}</h1>
        <p class="hint">{t('loginHint')}</p>
        <label>{t('username')}<input name="username" autocomplete="username" value={user} onInput={(e) => setUser(e.currentTarget.value)} required /></label>
        <label>{t('password')}<input name="password" type="password" autocomplete="current-password" value={pw} onInput={(e) => setPw(e.currentTarget.value)} required /></label>
        {error && <p class="error" role="alert">{error}</p>}
        <button class="primary big" type="submit" disabled={busy}>{t('login')}</button>
        <p class="row">
          <a href="/console/">{t('toConsole')}</a>
          <button type="button" class="link" onClick={() => store.setLang(store.lang.value === 'zh' ? 'en' : 'zh')}>{t('langSwitch')}</button>
        </p>
      </form>
    </div>
  );
}
