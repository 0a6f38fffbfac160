/** Catalog edits by an admin: queues, services, windows. Audited in the event log. */
import { HallError } from '../../protocol/errors.js';
import type { HallWindow, Queue, Service } from '../../protocol/domain.js';
import type { LogEvents, LogType } from '../../protocol/log.js';
import { allows } from '../../protocol/rules/lifecycle.js';
import { record, type Actor, type Core } from './core.js';

type QueueInput = Omit<Queue, 'id' | 'sortOrder'> & { sortOrder?: number };
type ServiceInput = Omit<Service, 'id'>;
type WindowInput = Omit<HallWindow, 'id'>;

function audit<K extends LogType>(core: Core, actor: Actor, type: K, id: string, data: LogEvents[K]) {
  record(core, type, actor, id, data);
}

function checkPrefix(core: Core, prefix: string, id?: string) {
  const other = core.repos.queues.byPrefix(prefix);
  if (other && other.id !== id) throw new HallError('duplicate-prefix', { prefix });
}

function checkQueues(core: Core, ids: string[]) {
  for (const q of ids) if (!core.repos.queues.get(q)) throw new HallError('queue-not-found', { queueId: q });
}

function checkNumber(core: Core, n: number, id?: string) {
  const other = core.repos.windows.rowByNumber(n);
  if (other && other.id !== id) throw new HallError('duplicate-window-number', { number: n });
}

export const createQueue = (core: Core, actor: Actor, q: QueueInput, id = core.newId('q')) =>
  core.run('queue.create', actor, undefined, () => {
    checkPrefix(core, q.prefix);
    const queue: Queue = { ...q, id, sortOrder: q.sortOrder ?? core.repos.queues.list().length };
    core.repos.queues.insert(queue);
    audit(core, actor, 'queue.created', id, queue);
    return queue;
  });

export const updateQueue = (core: Core, actor: Actor, id: string, q: QueueInput) =>
  core.run('queue.update', actor, undefined, () => {
    const old = core.repos.queues.get(id);
    if (!old) throw new HallError('queue-not-found');
    checkPrefix(core, q.prefix, id);
    const queue: Queue = { ...old, ...q, id, sortOrder: q.sortOrder ?? old.sortOrder };
    core.repos.queues.update(queue);
    audit(core, actor, 'queue.updated', id, queue);
    return queue;
  });

export const deleteQueue = (core: Core, actor: Actor, id: string) =>
  core.run('queue.delete', actor, undefined, () => {
    if (!core.repos.queues.get(id)) throw new HallError('queue-not-found');
    if (core.repos.services.countInQueue(id) > 0) throw new HallError('in-use');
    core.repos.queues.remove(id);
    audit(core, actor, 'queue.deleted', id, {});
    return { id };
  });

/** a service as stored: an empty materials list is no list (absent, as every optional field) */
function serviceOf(s: ServiceInput, id: string): Service {
  const { materials, ...rest } = s;
  return { ...rest, ...(materials?.length ? { materials } : {}), id };
}

export const createService = (core: Core, actor: Actor, s: ServiceInput, id = core.newId('s')) =>
  core.run('service.create', actor, undefined, () => {
    checkQueues(core, [s.queueId]);
    const service = serviceOf(s, id);
    core.repos.services.insert(service);
    audit(core, actor, 'service.created', id, service);
    return service;
  });

export const updateService = (core: Core, actor: Actor, id: string, s: ServiceInput) =>
  core.run('service.update', actor, undefined, () => {
    if (!core.repos.services.get(id)) throw new HallError('service-not-found');
    checkQueues(core, [s.queueId]);
    const service = serviceOf(s, id);
    core.repos.services.update(service);
    audit(core, actor, 'service.updated', id, service);
    return service;
  });

export const deleteService = (core: Core, actor: Actor, id: string) =>
  core.run('service.delete', actor, undefined, () => {
    if (!core.repos.services.get(id)) throw new HallError('service-not-found');
    core.repos.services.remove(id);
    audit(core, actor, 'service.deleted', id, {});
    return { id };
  });

export const createWindow = (core: Core, actor: Actor, w: WindowInput, id = core.newId('w'), status: 'open' | 'closed' = 'closed') =>
  core.run('window.create', actor, undefined, () => {
    checkNumber(core, w.number);
    checkQueues(core, w.queueIds);
    const win: HallWindow = { ...w, id };
    core.repos.windows.insert(win, status);
    audit(core, actor, 'window.created', id, win);
    return win;
  });

export const updateWindow = (core: Core, actor: Actor, id: string, w: WindowInput) =>
  core.run('window.update', actor, undefined, () => {
    if (!core.repos.windows.row(id)) throw new HallError('window-not-found');
    checkNumber(core, w.number, id);
    checkQueues(core, w.queueIds);
    const win: HallWindow = { ...w, id };
    core.repos.windows.update(win);
    audit(core, actor, 'window.updated', id, win);
    return win;
  });

export const deleteWindow = (core: Core, actor: Actor, id: string) =>
  core.run('window.delete', actor, undefined, () => {
    const w = core.repos.windows.row(id);
    if (!w) throw new HallError('window-not-found');
    if (w.current_ticket_id) {
      const t = core.repos.tickets.get(w.current_ticket_id);
      if (t && !allows('delete-window', t.status)) throw new HallError('in-use');
    }
    core.repos.windows.remove(id);
    audit(core, actor, 'window.deleted', id, {});
    return { id };
  });
