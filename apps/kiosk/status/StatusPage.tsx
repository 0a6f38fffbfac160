/** The public ticket status page (the QR's target): position, and whether it has been called. No personal data. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { t, type Key, type Lang } from '../i18n.js';
import { hhmm } from '../../kit/time.js';
import type { PublicTicket } from '../../../protocol/responses.js';
import { ApiError, createClient } from '../../kit/client.js';
import { RatePanel } from './RatePanel.js';

export const REFRESH_MS = 10_000;

export function StatusPage({ ticketId, fetchFn, initialLang }: { ticketId: string; fetchFn: typeof fetch; initialLang: Lang }) {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [data, setData] = useState<PublicTicket | null>(null);
  const [missing, setMissing] = useState(false);
  const [updated, setUpdated] = useState('');
  const api = useMemo(() => createClient({ base: '', token: () => null, fetch: fetchFn }), [fetchFn]);
  useEffect(() => {
    let live = true;
    const load = async () => {
      if (!ticketId) return setMissing(true);
      let answer: PublicTicket;
      try {
        answer = await api.call('GET /api/public/tickets/:id', { params: { id: ticketId } });
      } catch (e) {
        if (live && e instanceof ApiError && e.status === 404) return setMissing(true);
        throw e;
      }
      if (!live) return;
      setData(answer);
      const d = new Date();
      setUpdated(`${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}:${String(d.getSeconds()).padStart(2, '0')}`);
    };
    // a failed refresh keeps the last answer on screen; the next one may succeed
    const tick = () => void load().catch((err: unknown) => console.error('status refresh failed', err));
    tick();
    const timer = setInterval(tick, REFRESH_MS);
    return () => { live = false; clearInterval(timer); };
  }, [ticketId, api]);
  useEffect(() => void (document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en'), [lang]);

  const tk = data?.ticket;
  const w = data?.window ? t(lang, 'st.window', { n: data.window.number, name: data.window.name }) : '';
  let headline = '';
  if (tk) {
    if (tk.status === 'waiting') headline = t(lang, 'st.ahead', { n: data!.waitingAhead });
    else if (tk.status === 'called') headline = w ? t(lang, 'st.called', { w }) : t(lang, 'st.calledNoWindow');
    else headline = t(lang, `st.${tk.status}` as Key);
  }
  return (
    <main class={`status-page ${tk?.status ?? ''}`}>
      <header>
        <span>{data?.hallName ?? ''} · {t(lang, 'st.title')}</span>
        <button type="button" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>{t(lang, 'lang.switch')}</button>
      </header>
      {missing && <p class="headline" role="alert">{t(lang, 'st.notFound')}</p>}
      {tk && (
        <>
          <div class="kind">{t(lang, tk.kind === 'reservation' ? 'ticket.reservation' : 'ticket.walkin')}</div>
          <div class="number" data-testid="status-number">{tk.number}</div>
          <div class="service">{data!.serviceName}</div>
          <p class="headline" role="status" data-testid="status-headline">{headline}</p>
          <p class="meta">{t(lang, 'st.issued', { at: hhmm(tk.issuedAt) })}</p>
          {data!.evaluation && <RatePanel ticketId={ticketId} evaluation={data!.evaluation} lang={lang} api={api} />}
          <p class="meta">{t(lang, 'st.refresh', { at: updated })}</p>
        </>
      )}
    </main>
  );
}
