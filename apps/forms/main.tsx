/**
 * Composition root of the printable forms (/forms/, issue 19): 预约服务登记表, 网上/电话预约业务交办单
 * and 上岗表, chosen by the query string (?form=registration&booking=…, ?form=handover&date=&channel=,
 * ?form=duty&date=&department=). A console or admin tab's session is taken over (the same tab's
 * sessionStorage), so a link from either opens the form signed in; otherwise it asks for a sign-in.
 */
import { signal } from '@preact/signals';
import { render } from 'preact';
import { createClient } from '../kit/client.js';
import { parseLang, translator, type Lang } from '../kit/i18n.js';
import { DICT, type MsgKey } from './i18n.js';
import { FormsApp, type Deps } from './ui/FormsApp.js';

const KEY = 'hallq.forms.token';
const token = signal<string | null>(
  sessionStorage.getItem(KEY) ?? sessionStorage.getItem('hallq.console.token') ?? sessionStorage.getItem('hallq.admin.token'));
const lang = signal<Lang>(parseLang(localStorage.getItem('hallq.forms.lang')));
const setToken = (t: string | null) => {
  token.value = t;
  if (t) sessionStorage.setItem(KEY, t);
  else sessionStorage.removeItem(KEY);
};
const api = createClient({ base: '', token: () => token.value, onUnauthorized: () => setToken(null) });
const deps: Deps = {
  api, token, setToken, lang,
  t: translator<MsgKey>(DICT, () => lang.value),
  setLang: (l) => { lang.value = l; localStorage.setItem('hallq.forms.lang', l); },
};

render(<FormsApp {...deps} />, document.getElementById('app')!);
