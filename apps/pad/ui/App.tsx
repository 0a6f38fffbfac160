/** The pad's screens: idle (the window and its staff), the five levels, the reasons, the thanks. */
import { useMemo } from 'preact/hooks';
import { EVALUATION_LEVELS, type EvaluationLevel } from '../../../protocol/evaluations.js';
import { makeT, type PadT } from '../i18n.js';
import { useStore, type PadStore } from '../store.js';

const LEVEL_KEY = { 5: 'level5', 4: 'level4', 3: 'level3', 2: 'level2', 1: 'level1' } as const satisfies Record<EvaluationLevel, string>;

export function App({ paired, windowNo }: { paired: boolean; windowNo: number | null }) {
  const s = useStore();
  const t = useMemo(() => makeT(() => s.lang.value), [s]);
  if (!paired) return <main class="pad"><p class="unpaired">{t('unpaired')}</p></main>;
  const link = s.link.value;
  return (
    <main class={`pad phase-${s.phase.value}`} data-phase={s.phase.value} lang={s.lang.value === 'en' ? 'en' : 'zh-CN'}>
      <header class="bar">
        <span class="bar-hall">{s.hallName.value}</span>
        <span class="bar-win">{t('window', { n: windowNo ?? '' })}</span>
        <button type="button" class="lang" onClick={() => (s.lang.value = s.lang.value === 'zh' ? 'en' : 'zh')}>{t('other')}</button>
      </header>
      {s.problem.value && <p class="conn" role="alert">{t('noWindow', { n: windowNo ?? '' })}</p>}
      {link !== 'online' && <p class={`conn conn-${link}`} role="status">{t(link === 'unauthorized' ? 'unauthorized' : link === 'connecting' ? 'connecting' : 'offline')}</p>}
      <Body s={s} t={t} windowNo={windowNo} />
    </main>
  );
}

function Body({ s, t, windowNo }: { s: PadStore; t: PadT; windowNo: number | null }) {
  const r = s.request.value;
  switch (s.phase.value) {
    case 'idle': {
      const w = s.win.value;
      return (
        <section class="idle">
          <div class="idle-no">{t('window', { n: windowNo ?? '' })}</div>
          <div class="idle-name">{w?.name ?? ''}</div>
          <div class="idle-staff">{w?.staffName ? t('staffOnDuty', { name: w.staffName }) : t('noStaff')}</div>
          <p class="idle-hint">{t('idleHint')}</p>
        </section>
      );
    }
    case 'thanks':
      return (
        <section class="thanks" role="status">
          <div class="thanks-mark" aria-hidden="true">✓</div>
          <h1>{s.alreadyRated.value ? t('alreadyRated') : t('thanks')}</h1>
          <p>{t('thanksSub')}</p>
        </section>
      );
    case 'reasons':
      return (
        <section class="reasons">
          <Ticket s={s} t={t} />
          <h1>{t('reasonsAsk')}</h1>
          <div class="chips">
            {(r?.reasons ?? []).map((reason) => (
              <button type="button" key={reason} class={`chip${s.chosen.value.includes(reason) ? ' chip-on' : ''}`}
                aria-pressed={s.chosen.value.includes(reason)} onClick={() => s.toggle(reason)}>{reason}</button>
            ))}
          </div>
          {s.error.value && <p class="err" role="alert">{t('failed', { message: s.error.value })}</p>}
          <div class="actions">
            <button type="button" class="btn-back" onClick={() => s.back()}>{t('back')}</button>
            <button type="button" class="btn-submit" disabled={s.chosen.value.length === 0} onClick={() => void s.submit()}>
              {s.chosen.value.length === 0 ? t('reasonsHint') : t('submit')}
            </button>
          </div>
        </section>
      );
    default:
      return (
        <section class="ask">
          <Ticket s={s} t={t} />
          <h1>{t('ask')}</h1>
          <div class="levels">
            {EVALUATION_LEVELS.map((l) => (
              <button type="button" key={l} class={`level level-${l}`} data-level={l} disabled={s.phase.value === 'sending'} onClick={() => s.pick(l)}>
                {t(LEVEL_KEY[l])}
              </button>
            ))}
          </div>
          {s.error.value && <p class="err" role="alert">{t('failed', { message: s.error.value })}</p>}
        </section>
      );
  }
}

function Ticket({ s, t }: { s: PadStore; t: PadT }) {
  const r = s.request.value;
  if (!r) return null;
  return (
    <div class="ticket">
      <span class="ticket-label">{t('ticket')}</span>
      <span class="ticket-no">{r.ticket.number}</span>
      <span class="ticket-svc">{t('service')}：{r.serviceName}</span>
    </div>
  );
}
