/** 平台对接 (issue 17): the push's state with its last error, "resend from seq", and today's SMS. */
import { useEffect, useState } from 'preact/hooks';
import type { PlatformStatus, SmsMessage } from '../../../protocol/platform.js';
import { ApiError } from '../../kit/client.js';
import { shortDateTime } from '../../kit/time.js';
import { useApp } from '../context.js';

const REFRESH_MS = 5000;

export function Platform() {
  const { store, cmd } = useApp();
  const { t } = store;
  const [status, setStatus] = useState<PlatformStatus | null>(null);
  const [sms, setSms] = useState<SmsMessage[]>([]);
  const [fromSeq, setFromSeq] = useState('');
  const [error, setError] = useState<string | null>(null);
  const load = () => Promise.all([cmd.platformStatus(), cmd.sms(store.today.value)])
    .then(([s, m]) => { setStatus(s); setSms(m); }, cmd.fail);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  const resend = async (e: Event) => {
    e.preventDefault();
    try {
      setStatus(await cmd.resend(Number(fromSeq)));
      setError(null);
      store.say('info', t('plResendDone', { n: fromSeq }));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  const when = (iso: string | null) => (iso ? shortDateTime(iso) : t('plNone'));
  return (
    <section class="page platform">
      <h2>{t('navPlatform')}</h2>
      {status && (
        <dl class="sessions facts" data-testid="platform-status">
          <dt>{t('plPush')}</dt><dd>{status.pushing ? t('plPushOn') : t('plPushOff')}</dd>
          <dt>{t('plPending')}</dt><dd data-testid="platform-pending">{status.pending}</dd>
          <dt>{t('plDelivered')}</dt><dd>{status.lastDeliveredSeq}</dd>
          <dt>{t('plLastAttempt')}</dt><dd>{when(status.lastAttemptAt)}</dd>
          <dt>{t('plLastError')}</dt><dd class={status.lastError ? 'error' : undefined} data-testid="platform-error">{status.lastError ?? t('plNone')}</dd>
          <dt>{t('plFirstSeq')}</dt><dd>{status.firstSeq ?? t('plNone')}</dd>
        </dl>
      )}
      <button onClick={() => void load()}>{t('plRefresh')}</button>
      <form class="row" onSubmit={(e) => void resend(e)}>
        <label class="inline">{t('plResend')}
          <input name="fromSeq" type="number" min={1} required value={fromSeq} onInput={(e) => setFromSeq(e.currentTarget.value)} />
        </label>
        <button type="submit" disabled={!fromSeq}>{t('plResend')}</button>
      </form>
      <p class="hint">{t('plResendHint')}</p>
      {error && <p class="error" role="alert">{error}</p>}
      <h3>{t('plSms')}</h3>
      {sms.length === 0 ? <p class="hint">{t('plSmsEmpty')}</p> : (
        <table class="list">
          <thead><tr><th>{t('time')}</th><th>{t('smsKind')}</th><th>{t('smsPhone')}</th><th>{t('smsStatus')}</th><th>{t('smsAttempts')}</th><th>{t('smsText')}</th></tr></thead>
          <tbody>
            {sms.map((m) => (
              <tr key={m.id}>
                <td>{shortDateTime(m.createdAt)}</td><td>{t(`sms_${m.kind}`)}</td><td>{m.phone}</td>
                <td class={m.lastError ? 'error' : undefined}>{t(`sms_${m.status}`)}{m.lastError ? `（${m.lastError}）` : ''}</td>
                <td>{m.attempts}</td><td>{m.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
