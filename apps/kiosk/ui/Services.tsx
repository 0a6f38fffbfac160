/** 现场取号: queues as tabs with people waiting, services as large buttons, paged. */
import { useStore, type Screen } from '../store.js';
import { t } from '../i18n.js';
import type { KioskActions } from '../actions.js';
import type { Service } from '../../../protocol/domain.js';

export const PAGE_SIZE = 6;

export function Services({ actions, view }: { actions: KioskActions; view: Extract<Screen, { name: 'services' }> }) {
  const store = useStore();
  const lang = store.lang.value;
  const waiting = store.waitingByQueue.value;
  const queues = store.queues.value;
  const name = (x: { name: string; nameEn?: string }) => (lang === 'en' && x.nameEn ? x.nameEn : x.name);
  let list: Service[] = store.services.value;
  if (view.only) list = list.filter((s) => view.only!.includes(s.id));
  else if (view.queueId) list = list.filter((s) => s.queueId === view.queueId);
  const order = new Map(queues.map((q, i) => [q.id, i]));
  list = [...list].sort((a, b) => (order.get(a.queueId) ?? 0) - (order.get(b.queueId) ?? 0));
  const pages = Math.max(1, Math.ceil(list.length / PAGE_SIZE));
  const page = Math.min(view.page, pages - 1);
  const shown = list.slice(page * PAGE_SIZE, page * PAGE_SIZE + PAGE_SIZE);
  const prefixOf = new Map(queues.map((q) => [q.id, q.prefix]));
  return (
    <main class="screen services">
      <h2 class="screen-title">{t(lang, 'services.title')}</h2>
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
      <div class="service-grid">
        {shown.map((s) => (
          <button type="button" key={s.id} class="service" data-service={s.id} onClick={() => void actions.walkIn(s.id)}>
            <span class="service-name">{name(s)}</span>
            <span class="service-meta">{prefixOf.get(s.queueId)} · {t(lang, 'common.waiting', { n: waiting.get(s.queueId)?.waiting ?? 0 })}</span>
          </button>
        ))}
      </div>
      <footer class="pager">
        <button type="button" class="nav" onClick={() => store.go({ name: 'home' })}>{t(lang, 'common.home')}</button>
        {pages > 1 && (
          <>
            <button type="button" class="nav" disabled={page === 0} onClick={() => store.go({ ...view, page: page - 1 })}>{t(lang, 'common.prev')}</button>
            <span class="page-no">{t(lang, 'common.page', { p: page + 1, n: pages })}</span>
            <button type="button" class="nav" disabled={page >= pages - 1} onClick={() => store.go({ ...view, page: page + 1 })}>{t(lang, 'common.next')}</button>
          </>
        )}
      </footer>
    </main>
  );
}
