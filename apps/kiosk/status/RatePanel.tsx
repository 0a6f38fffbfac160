/**
 * 好差评 on the ticket's QR page (issue 16, the second on-site channel): once the ticket is finished,
 * the five levels; a low one asks for reasons from the hall's list; rated once, then it says so.
 * The citizen has no token: the ticket id is the proof.
 */
import { useState } from 'preact/hooks';
import { EVALUATION_LEVELS, isLowLevel, type EvaluationLevel, type PublicEvaluation } from '../../../protocol/evaluations.js';
import type { Client } from '../../kit/client.js';
import { t, type Lang } from '../i18n.js';

export function RatePanel({ ticketId, evaluation, lang, api }: { ticketId: string; evaluation: PublicEvaluation; lang: Lang; api: Client }) {
  const [level, setLevel] = useState<EvaluationLevel | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [done, setDone] = useState<'thanks' | 'already' | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const send = async (l: EvaluationLevel, reasons: string[]) => {
    setBusy(true);
    setError('');
    try {
      await api.call('POST /api/evaluations', { body: { ticketId, level: l, reasons, channel: 'qr' } });
      setDone('thanks');
    } catch (e) {
      if ((e as { code?: string }).code === 'already-evaluated') setDone('already');
      else setError(t(lang, 'ev.failed', { message: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  // rated here (thanks), or already (elsewhere, or before this page opened: the page refreshes every 10 s)
  const shown = done ?? (evaluation.rated ? 'already' : null);
  if (shown) return <p class="rate-done" role="status" data-testid="rate-done">{t(lang, shown === 'thanks' ? 'ev.thanks' : 'ev.already')}</p>;
  return (
    <section class="rate" aria-label={t(lang, 'ev.ask')}>
      <h2>{t(lang, 'ev.ask')}</h2>
      {level === null || !isLowLevel(level) ? (
        <div class="rate-levels">
          {EVALUATION_LEVELS.map((l) => (
            <button type="button" key={l} class={`rate-level rate-${l}`} disabled={busy}
              onClick={() => { if (isLowLevel(l)) setLevel(l); else void send(l, []); }}>{t(lang, `ev.level${l}`)}</button>
          ))}
        </div>
      ) : (
        <>
          <p class="rate-chosen">{t(lang, `ev.level${level}`)}</p>
          <p>{t(lang, 'ev.reasons')}</p>
          <div class="rate-reasons">
            {evaluation.reasons.map((r) => (
              <button type="button" key={r} aria-pressed={chosen.includes(r)} class={chosen.includes(r) ? 'on' : ''}
                onClick={() => setChosen(chosen.includes(r) ? chosen.filter((x) => x !== r) : [...chosen, r])}>{r}</button>
            ))}
          </div>
          <div class="rate-actions">
            <button type="button" onClick={() => { setLevel(null); setChosen([]); }}>{t(lang, 'ev.back')}</button>
            <button type="button" class="primary" disabled={busy || chosen.length === 0} onClick={() => void send(level, chosen)}>{t(lang, 'ev.submit')}</button>
          </div>
        </>
      )}
      {error && <p class="rate-error" role="alert">{error}</p>}
    </section>
  );
}
