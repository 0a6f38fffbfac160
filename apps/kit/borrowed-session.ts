/**
 * The session of a page a console or admin tab opens (the reports page, the printable forms): it
 * takes over that tab's session (the same tab's sessionStorage), so a link opens it signed in;
 * otherwise it signs in on its own. Its token and language are kept under its own name.
 */
import { signal } from '@preact/signals';
import { createClient } from './client.js';
import { parseLang, type Lang } from './i18n.js';

export function borrowedSession(app: string) {
  const key = `hallq.${app}.token`;
  const token = signal<string | null>(
    sessionStorage.getItem(key) ?? sessionStorage.getItem('hallq.console.token') ?? sessionStorage.getItem('hallq.admin.token'));
  const lang = signal<Lang>(parseLang(localStorage.getItem(`hallq.${app}.lang`)));
  const setToken = (t: string | null) => {
    token.value = t;
    if (t) sessionStorage.setItem(key, t);
    else sessionStorage.removeItem(key);
  };
  const api = createClient({ base: '', token: () => token.value, onUnauthorized: () => setToken(null) });
  const setLang = (l: Lang) => { lang.value = l; localStorage.setItem(`hallq.${app}.lang`, l); };
  return { api, token, setToken, lang, setLang };
}
