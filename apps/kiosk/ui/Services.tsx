/**
 * 现场取号: queues as tabs with people waiting, services as large buttons, paged so that a page is
 * exactly what fits the screen (measured: columns × rows of the grid at its fixed row height), so
 * every service is reachable at any size and in 长辈模式. A service that takes no ticket now is
 * shown greyed with when it next does, after the ones that do.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useStore, type Screen } from '../store.js';
import { t } from '../i18n.js';
import type { KioskActions } from '../actions.js';
import type { Service } from '../../../protocol/domain.js';
import { formatWhen } from '../../kit/time.js';
import { SessionBanner } from './SessionBanner.js';

/** the page size before the grid is measured */
export const PAGE_SIZE = 6;

/** How many service buttons fit the grid: its resolved column tracks × the rows of its fixed height. */
function useFit(deps: unknown[]) {
  const ref = useRef<HTMLDivElement>(null);
  const [fit, setFit] = useState(PAGE_SIZE);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const cs = getComputedStyle(el);
      const cols = Math.max(1, cs.gridTemplateColumns.split(' ').filter((x) => x && x !== 'none').length);
      const rowH = parseFloat(cs.gridAutoRows) || 1;
      const gap = parseFloat(cs.rowGap) || 0;
      const rows = Math.max(1, Math.floor((el.clientHeight + gap) / (rowH + gap)));
      setFit(cols * rows);
    };
    measure();
    const frame = requestAnimationFrame(measure); // after 长辈模式's class reached <html>
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => { cancelAnimationFrame(frame); ro.disconnect(); };
  }, deps);
  return [ref, fit] as const;
}

export function Services({ actions, view }: { actions: KioskActions; view: Extract<Screen, { name: 'services' }> }) {
  const store = useStore();
  const lang = store.lang.value;
  const waiting = store.waitingByQueue.value;
  const queues = store.queues.value;
  const unavailable = store.unavailable.value;
  const session = store.session.value;
  const today = store.snapshot.value?.time ?? null;
  const name = (x: { name: string; nameEn?: string }) => (lang === 'en' && x.nameEn ? x.nameEn : x.name);
  let list: Service[] = store.services.value;
  if (view.only) list = list.filter((s) => view.only!.includes(s.id));
  else if (view.queueId) list = list.filter((s) => s.queueId === view.queueId);
  const order = new Map(queues.map((q, i) => [q.id, i]));
  const rank = (s: Service) => (unavailable.has(s.id) ? 1000 : 0) + (order.get(s.queueId) ?? 0);
  list = [...list].sort((a, b) => rank(a) - rank(b));
  const [gridRef, perPage] = useFit([store.elder.value, lang, view.queueId, queues.length, session?.extended]);
  const pages = Math.max(1, Math.ceil(list.length / perPage));
  const page = Math.min(view.page, pages - 1);
  const shown = list.slice(page * perPage, page * perPage + perPage);
  const prefixOf = new Map(queues.map((q) => [q.id, q.prefix]));
  return (
    <main class="screen services">
      <h2 class="screen-title">{t(lang, 'services.title')}</h2>
      <SessionBanner />
      <div class="svc-body">
      {!view.only && (
        <nav class="queue-tabs">
          <button type="button" class="tab" aria-pressed={view.queueId === null} onClick={() => store.go({ name: 'services', queueId: null, page: 0 })}>
            {t(lang, 'services.all')}
          </button>
          {queues.map((q) => (
            <button type="button" key={q.id} class="tab" aria-pressed={view.queueId === q.id}
              onClick={() => store.go({ name: 'services', queueId: q.id, page: 0 })}>
              {q.prefix} {name(q)} · {t(lang, 'common.waiting', { n: waiting.get(q.id)?.waiting ?? 0 })}
            </button>
          ))}
        </nav>
      )}
      <div class="service-grid" ref={gridRef} data-per-page={perPage}>
        {shown.map((s) => {
          const off = unavailable.has(s.id);
          const wait = unavailable.get(s.id);
          const nextAt = wait?.nextAt;
          return (
            <button type="button" key={s.id} class={off ? 'service off' : 'service'} data-service={s.id} data-open={off ? 'false' : 'true'}
              disabled={off} onClick={() => void actions.walkIn(s.id)}>
              <span class="service-name">
                {name(s)}
                {session?.extended && s.extended && <span class="ext-tag">{t(lang, 'session.extendedTag')}</span>}
              </span>
              <span class="service-meta">
                {off
                  ? wait?.reason === 'daily-cap' ? t(lang, 'services.capReached')
                    : nextAt ? t(lang, 'services.nextAt', { at: formatWhen(nextAt, lang, today) }) : t(lang, 'services.notNow')
                  : `${prefixOf.get(s.queueId) ?? ''} · ${t(lang, 'common.waiting', { n: waiting.get(s.queueId)?.waiting ?? 0 })}`}
              </span>
            </button>
          );
        })}
      </div>
      </div>
      <footer class="pager">
        <button type="button" class="nav" onClick={() => store.go({ name: 'home' })}>{t(lang, 'common.home')}</button>
        {pages > 1 && (
          <>
            <button type="button" class="nav" disabled={page === 0} onClick={() => store.go({ ...view, page: page - 1 })}>{t(lang, 'common.prev')}</button>
            <span class="page-no" data-testid="page-no">{t(lang, 'common.page', { p: page + 1, n: pages })}</span>
            <button type="button" class="nav" disabled={page >= pages - 1} onClick={() => store.go({ ...view, page: page + 1 })}>{t(lang, 'common.next')}</button>
          </>
        )}
      </footer>
    </main>
  );
}
