/** 日志: the audit log, newest first, filtered by actor and type, a page at a time (`before` the last seq shown). */
import { useEffect, useState } from 'preact/hooks';
import type { AuditEntry } from '../../../protocol/domain.js';
import { LOG_TYPES } from '../../../protocol/log.js';
import { shortDateTime } from '../../kit/time.js';
import { useApp } from '../context.js';
import { LOG_LABELS } from '../i18n.js';

export const PAGE_SIZE = 50;

export function Audit() {
  const { store, cmd } = useApp();
  const { t } = store;
  const [actor, setActor] = useState('');
  const [type, setType] = useState('');
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  /** the `before` of each page shown so far (undefined: the newest) */
  const [pages, setPages] = useState<(number | undefined)[]>([undefined]);
  const [error, setError] = useState<string | null>(null);
  const before = pages[pages.length - 1];
  useEffect(() => {
    let live = true;
    cmd.audit({ ...(actor ? { actor } : {}), ...(type ? { type } : {}), ...(before ? { before } : {}), limit: PAGE_SIZE })
      .then((list) => { if (live) { setEntries(list); setError(null); } })
      .catch((e: unknown) => { if (live) setError(e instanceof Error ? e.message : String(e)); });
    return () => void (live = false);
  }, [actor, type, before]);
  const filter = (f: () => void) => { f(); setPages([undefined]); };
  const users = new Map(store.users.value.map((u) => [`user:${u.id}`, `${u.name}（${u.username}）`]));
  const devices = new Map(store.devices.value.map((d) => [`device:${d.id}`, `${t(`kind_${d.kind}`)} ${d.name}`]));
  const names = new Map<string, string>([
    ...store.users.value.map((u) => [u.id, u.username] as [string, string]),
    ...store.devices.value.map((d) => [d.id, d.name] as [string, string]),
    ...store.queues.value.map((q) => [q.id, `${q.prefix} ${q.name}`] as [string, string]),
    ...store.services.value.map((x) => [x.id, x.name] as [string, string]),
    ...store.windows.value.map((w) => [w.id, t('windowN', { n: w.number })] as [string, string]),
  ]);
  const who = (a: string) => users.get(a) ?? devices.get(a) ?? (a === 'system:system' ? t('system') : a);
  const typeLabel = (x: string) => LOG_LABELS[store.lang.value][x] ?? x;
  return (
    <section class="page audit">
      <h2>{t('navAudit')}</h2>
      <div class="row filters">
        <label class="inline">{t('actor')}
          <select name="actor" value={actor} onChange={(e) => filter(() => setActor(e.currentTarget.value))}>
            <option value="">{t('all')}</option>
            {[...users].map(([k, v]) => <option key={k} value={k}>{v}</option>)}
            {[...devices].map(([k, v]) => <option key={k} value={k}>{v}</option>)}
            <option value="system:system">{t('system')}</option>
          </select>
        </label>
        <label class="inline">{t('eventType')}
          <select name="type" value={type} onChange={(e) => filter(() => setType(e.currentTarget.value))}>
            <option value="">{t('all')}</option>
            {LOG_TYPES.map((x) => <option key={x} value={x}>{typeLabel(x)} · {x}</option>)}
          </select>
        </label>
        <button disabled={pages.length === 1} onClick={() => setPages([undefined])}>{t('newest')}</button>
        <button disabled={pages.length === 1} onClick={() => setPages(pages.slice(0, -1))}>{t('newer')}</button>
        <button disabled={entries.length < PAGE_SIZE} onClick={() => setPages([...pages, entries[entries.length - 1].seq])}>{t('older')}</button>
        <span class="hint">{t('pageN', { n: pages.length })}</span>
      </div>
      {error && <p class="error" role="alert">{error}</p>}
      {entries.length === 0 ? <p class="empty">{t('auditEmpty')}</p> : (
        <table class="list audit-list" data-testid="audit">
          <thead><tr><th>#</th><th>{t('time')}</th><th>{t('eventType')}</th><th>{t('actor')}</th><th>{t('subject')}</th><th>{t('details')}</th></tr></thead>
          <tbody>{entries.map((e) => (
            <tr key={e.seq}>
              <td>{e.seq}</td>
              <td class="nowrap">{shortDateTime(e.at)}</td>
              <td class="nowrap"><span title={e.type}>{typeLabel(e.type)}</span></td>
              <td class="nowrap">{who(e.actor)}</td>
              <td class="nowrap" title={e.subject ?? ''}>{e.subject ? names.get(e.subject) ?? <code>{e.subject}</code> : ''}</td>
              <td class="data"><code>{Object.keys(e.data).length ? JSON.stringify(e.data) : ''}</code></td>
            </tr>))}
          </tbody>
        </table>
      )}
    </section>
  );
}
