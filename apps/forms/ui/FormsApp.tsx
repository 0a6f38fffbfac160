/** Sign-in when needed, then the form the query string names, with a toolbar (not printed) and 打印. */
import type { Signal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import type { DutyForm, HandoverChannel, HandoverForm, RegistrationForm } from '../../../protocol/forms.js';
import { ApiError, type Client } from '../../kit/client.js';
import { Login } from '../../kit/ui/Login.js';
import type { Lang, Translate } from '../../kit/i18n.js';
import type { MsgKey } from '../i18n.js';
import { DutySheet, HandoverSheet, RegistrationSheet } from './Sheets.js';

export interface Deps {
  api: Client;
  token: Signal<string | null>;
  setToken(t: string | null): void;
  lang: Signal<Lang>;
  t: Translate<MsgKey>;
  setLang(l: Lang): void;
}

type Which = { form: 'registration'; booking: string } | { form: 'handover'; date: string; channel: HandoverChannel }
  | { form: 'duty'; date: string; department: string } | { form: null };

function fromQuery(q: URLSearchParams, today: string): Which {
  const form = q.get('form');
  if (form === 'registration' && q.get('booking')) return { form, booking: q.get('booking')! };
  if (form === 'handover') return { form, date: q.get('date') || today, channel: q.get('channel') === 'online' ? 'online' : 'phone' };
  if (form === 'duty') return { form, date: q.get('date') || today, department: q.get('department') ?? '' };
  return { form: null };
}

export function FormsApp(d: Deps) {
  const [user, setUser] = useState<{ name: string; role: string } | null>(null);
  const token = d.token.value;
  void d.lang.value; // every string follows the language switch
  useEffect(() => {
    if (!token) return setUser(null);
    d.api.call('GET /api/me').then((me) => setUser(me.kind === 'user' ? me.user : null)).catch(() => d.setToken(null));
  }, [token]);
  if (!token || !user) return <SignIn {...d} />;
  return <FormPage {...d} />;
}

function FormPage(d: Deps) {
  const { t } = d;
  const today = new Date().toISOString().slice(0, 10);
  const [which, setWhich] = useState<Which>(() => fromQuery(new URLSearchParams(location.search), today));
  const [data, setData] = useState<RegistrationForm | HandoverForm | DutyForm | null>(null);
  const [error, setError] = useState<string | null>(null);
  const go = (w: Which) => {
    const q = new URLSearchParams(Object.entries(w).filter(([, v]) => v !== null && v !== '') as [string, string][]);
    history.replaceState(null, '', `?${q}`);
    setWhich(w);
  };
  useEffect(() => {
    let live = true;
    setData(null);
    setError(null);
    const fail = (err: unknown) => live && setError(err instanceof ApiError ? err.message : String(err));
    if (which.form === 'registration')
      d.api.call('GET /api/forms/registration/:bookingId', { params: { bookingId: which.booking } }).then((r) => live && setData(r), fail);
    else if (which.form === 'handover')
      d.api.call('GET /api/forms/handover', { query: { date: which.date, channel: which.channel } }).then((r) => live && setData(r), fail);
    else if (which.form === 'duty')
      d.api.call('GET /api/forms/duty', { query: { date: which.date, department: which.department || undefined } }).then((r) => live && setData(r), fail);
    return () => { live = false; };
  }, [JSON.stringify(which)]);
  const title = which.form === 'registration' ? t('formRegistration') : which.form === 'handover'
    ? t(which.channel === 'online' ? 'formHandoverOnline' : 'formHandoverPhone') : which.form === 'duty' ? t('formDuty') : t('title');
  useEffect(() => { document.title = data ? `${data.hallName} · ${title}` : title; }, [data, title]);
  return (
    <div class="forms">
      <div class="toolbar no-print">
        <a class="link" href="/console/">{t('back')}</a>
        {(which.form === 'handover' || which.form === 'duty') && (
          <label>{t('date')}<input type="date" name="date" value={which.date} onChange={(e) => go({ ...which, date: e.currentTarget.value })} /></label>
        )}
        {which.form === 'handover' && (
          <label>{t('channel')}
            <select name="channel" value={which.channel} onChange={(e) => go({ ...which, channel: e.currentTarget.value as HandoverChannel })}>
              <option value="online">{t('channel_online')}</option><option value="phone">{t('channel_phone')}</option>
            </select>
          </label>
        )}
        {which.form === 'duty' && (
          <label>{t('department')}<input name="department" value={which.department} onChange={(e) => go({ ...which, department: e.currentTarget.value })} /></label>
        )}
        <span class="spacer" />
        <button class="link" onClick={() => d.setLang(d.lang.value === 'zh' ? 'en' : 'zh')}>{t('langSwitch')}</button>
        <button class="primary" onClick={() => window.print()} disabled={!data}>{t('print')}</button>
      </div>
      {error && <p class="error no-print" role="alert">{error}</p>}
      {which.form === null && <p class="hint">{t('chooseForm')}</p>}
      {which.form !== null && !data && !error && <p class="hint no-print">{t('loading')}</p>}
      {data && which.form === 'registration' && <RegistrationSheet t={t} title={title} form={data as RegistrationForm} />}
      {data && which.form === 'handover' && <HandoverSheet t={t} title={title} form={data as HandoverForm} />}
      {data && which.form === 'duty' && <DutySheet t={t} title={title} form={data as DutyForm} />}
    </div>
  );
}

function SignIn(d: Deps) {
  const lang = d.lang.value;
  return (
    <Login title={d.t('title')} hint={d.t('loginHint')} lang={lang} onLang={() => d.setLang(lang === 'zh' ? 'en' : 'zh')}
      onLogin={async (username, password) => d.setToken((await d.api.call('POST /api/auth/login', { body: { username, password } })).token)} />
  );
}
