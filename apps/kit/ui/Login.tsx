/** 用户名 / 密码 / 登录, shared by the console and the admin app: a refused sign-in shows the server's reason under the form. */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Lang } from '../i18n.js';
import { st } from '../session-i18n.js';

export interface LoginProps {
  title: string;
  lang: Lang;
  onLogin: (username: string, password: string) => Promise<void>;
  onLang: () => void;
  /** a line under the title (who may sign in here) */
  hint?: string;
  /** links beside the language switch */
  links?: ComponentChildren;
}

export function Login({ title, lang, onLogin, onLang, hint, links }: LoginProps) {
  const [user, setUser] = useState('');
  const [pw, setPw] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onLogin(user.trim(), pw);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err)); // ApiError's message is the server's Chinese one
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="login">
      <form class="card" onSubmit={submit}>
        <h1>{title}</h1>
        {hint && <p class="hint">{hint}</p>}
        <label>{st(lang, 'username')}<input name="username" autocomplete="username" value={user} onInput={(e) => setUser(e.currentTarget.value)} required /></label>
        <label>{st(lang, 'password')}<input name="password" type="password" autocomplete="current-password" value={pw} onInput={(e) => setPw(e.currentTarget.value)} required /></label>
        {error && <p class="error" role="alert">{error}</p>}
        <button class="primary big" type="submit" disabled={busy}>{st(lang, 'login')}</button>
        <p class="row">
          {links}
          <button type="button" class="link" onClick={onLang}>{st(lang, 'langSwitch')}</button>
        </p>
      </form>
    </div>
  );
}
