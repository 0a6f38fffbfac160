/**
 * Composition root of the reports page (/reports/): leads and admins see the whole hall, staff their
 * own windows. A console or admin tab's session is taken over (the same tab's sessionStorage), so a
 * link from either opens the page signed in; otherwise it asks for a sign-in of its own.
 */
import { signal } from '@preact/signals';
import { render } from 'preact';
import { createClient } from '../kit/client.js';
import { parseLang, translator, type Lang } from '../kit/i18n.js';
import { DICT, type MsgKey } from './i18n.js';
import { ReportsApp, type Deps } from './ui/ReportsApp.js';

const KEY = 'hallq.reports.token';
const token = signal<string | null>(
  sessionStorage.getItem(KEY) ?? sessionStorage.getItem('hallq.console.token') ?? sessionStorage.getItem('hallq.admin.token'));
const lang = signal<Lang>(parseLang(localStorage.getItem('hallq.reports.lang')));
const setToken = (t: string | null) => {
  token.value = t;
  if (t) sessionStorage.setItem(KEY, t);
  else sessionStorage.removeItem(KEY);
};
const api = createClient({ base: '', token: () => token.value, onUnauthorized: () => setToken(null) });
const deps: Deps = {
  api, token, setToken, lang,
  t: translator<MsgKey>(DICT, () => lang.value),
  setLang: (l) => { lang.value = l; localStorage.setItem('hallq.reports.lang', l); },
};

render(<ReportsApp {...deps} />, document.getElementById('app')!);
