/**
 * 事项与队列: queues (a letter each), services (what a citizen picks at the kiosk) and windows (which
 * queues they call, in calling order). Each form validates with the server's schema and shows a
 * refusal at its field; a delete the server refuses (a queue with services) says why.
 */
import { useState } from 'preact/hooks';
import type { HallWindow, Queue, Service } from '../../../protocol/domain.js';
import { QueueBody, ServiceBody, WindowBody } from '../../../protocol/schemas.js';
import { useApp } from '../context.js';
import { check, refusalOf, type FieldErrors } from '../forms.js';
import { Dialog } from '../../kit/ui/Dialog.js';
import { Check, Field, FormError } from './Field.js';

type Editing = { kind: 'queue'; item: Queue | null } | { kind: 'service'; item: Service | null } | { kind: 'window'; item: HallWindow | null };

/** '' → undefined, else the number typed ('abc' → NaN, which the schema refuses) */
const num = (s: string) => (s.trim() === '' ? undefined : Number(s));
const opt = (s: string) => (s.trim() === '' ? undefined : s.trim());

export function Catalog() {
  const { store, cmd } = useApp();
  const { t } = store;
  const [editing, setEditing] = useState<Editing | null>(null);
  const queues = store.sortedQueues.value;
  const qName = (id: string) => { const q = store.queueById.value.get(id); return q ? `${q.prefix} ${q.name}` : id; };
  const remove = async (kind: 'queues' | 'services' | 'windows', id: string, label: string) => {
    if (!confirm(t('confirmDelete', { name: label }))) return;
    try {
      await cmd.remove(kind, id);
      store.say('info', t('deleted', { name: label }));
    } catch (e) { cmd.fail(e); }
  };
  return (
    <section class="page catalog">
      <h2>{t('navCatalog')}</h2>

      <div class="page-head"><h3>{t('queues')}</h3><button class="primary" onClick={() => setEditing({ kind: 'queue', item: null })}>{t('newQueue')}</button></div>
      {queues.length === 0 ? <p class="empty">{t('queuesEmpty')}</p> : (
        <table class="list" data-testid="queues">
          <thead><tr><th>{t('prefix')}</th><th>{t('queueName')}</th><th>{t('nameEn')}</th><th>{t('sortOrder')}</th><th>{t('services')}</th><th /></tr></thead>
          <tbody>{queues.map((q) => (
            <tr key={q.id}>
              <td><strong>{q.prefix}</strong></td><td>{q.name}</td><td>{q.nameEn ?? ''}</td><td>{q.sortOrder}</td>
              <td>{store.services.value.filter((s) => s.queueId === q.id).length}</td>
              <td class="actions">
                <button class="small" onClick={() => setEditing({ kind: 'queue', item: q })}>{t('edit')}</button>
                <button class="small" onClick={() => void remove('queues', q.id, q.name)}>{t('delete')}</button>
              </td>
            </tr>))}
          </tbody>
        </table>
      )}

      <div class="page-head"><h3>{t('services')}</h3><button class="primary" disabled={!queues.length} title={queues.length ? undefined : t('needQueueFirst')} onClick={() => setEditing({ kind: 'service', item: null })}>{t('newService')}</button></div>
      {store.services.value.length === 0 ? <p class="empty">{queues.length ? t('servicesEmpty') : t('needQueueFirst')}</p> : (
        <table class="list" data-testid="services">
          <thead><tr><th>{t('code')}</th><th>{t('serviceName')}</th><th>{t('queue')}</th><th>{t('windowLabel')}</th><th>{t('phone')}</th><th>{t('flags')}</th><th>{t('slotCapacity')}</th><th /></tr></thead>
          <tbody>{[...store.services.value].sort((a, b) => a.code.localeCompare(b.code)).map((s) => (
            <tr key={s.id}>
              <td><code>{s.code}</code></td><td>{s.name}</td><td>{qName(s.queueId)}</td><td>{s.windowLabel ?? ''}</td><td>{s.phone ?? ''}</td>
              <td>{[s.bookable ? t('bookable') : '', s.extended ? t('extended') : '', s.dailyCap ? t('capShort', { n: s.dailyCap }) : ''].filter(Boolean).join(' · ')}</td>
              <td>{s.bookable ? s.slotCapacity : ''}</td>
              <td class="actions">
                <button class="small" onClick={() => setEditing({ kind: 'service', item: s })}>{t('edit')}</button>
                <button class="small" onClick={() => void remove('services', s.id, s.name)}>{t('delete')}</button>
              </td>
            </tr>))}
          </tbody>
        </table>
      )}

      <div class="page-head"><h3>{t('windows')}</h3><button class="primary" onClick={() => setEditing({ kind: 'window', item: null })}>{t('newWindow')}</button></div>
      {store.windows.value.length === 0 ? <p class="empty">{t('windowsEmpty')}</p> : (
        <table class="list" data-testid="windows">
          <thead><tr><th>{t('windowNumber')}</th><th>{t('windowName')}</th><th>{t('callingOrder')}</th><th>{t('reservationOnly')}</th><th /></tr></thead>
          <tbody>{store.sortedWindows.value.map((w) => (
            <tr key={w.id}>
              <td><strong>{w.number}</strong></td><td>{w.name}</td>
              <td>{w.queueIds.length ? w.queueIds.map(qName).join(' → ') : <span class="warn-text">{t('noQueues')}</span>}</td>
              <td>{w.reservationOnly ? t('yes') : ''}</td>
              <td class="actions">
                <button class="small" onClick={() => setEditing({ kind: 'window', item: w })}>{t('edit')}</button>
                <button class="small" onClick={() => void remove('windows', w.id, t('windowN', { n: w.number }))}>{t('delete')}</button>
              </td>
            </tr>))}
          </tbody>
        </table>
      )}

      {editing?.kind === 'queue' && <QueueDialog item={editing.item} onClose={() => setEditing(null)} />}
      {editing?.kind === 'service' && <ServiceDialog item={editing.item} onClose={() => setEditing(null)} />}
      {editing?.kind === 'window' && <WindowDialog item={editing.item} onClose={() => setEditing(null)} />}
    </section>
  );
}

/** one submit path for the three forms: validate with the schema, send, show a refusal at its field */
function useSubmit(fields: readonly string[]) {
  const { store } = useApp();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (schema: Parameters<typeof check>[0], body: unknown, send: () => Promise<unknown>, done: () => void) => {
    const v = check(schema, body, store.lang.value);
    if (!v.ok) { setErrors(v.fields); setGeneral(null); return; }
    setBusy(true);
    try {
      await send();
      done();
    } catch (err) {
      const r = refusalOf(err, fields);
      setErrors(r.fields);
      setGeneral(r.general);
    } finally { setBusy(false); }
  };
  return { errors, general, busy, run };
}

function Buttons({ busy, onClose }: { busy: boolean; onClose: () => void }) {
  const { t } = useApp().store;
  return (
    <div class="row end">
      <button type="button" onClick={onClose}>{t('cancel')}</button>
      <button class="primary" type="submit" disabled={busy}>{t('save')}</button>
    </div>
  );
}

function QueueDialog({ item, onClose }: { item: Queue | null; onClose: () => void }) {
  const { store, cmd } = useApp();
  const { t } = store;
  const used = new Set(store.queues.value.map((q) => q.prefix));
  const firstFree = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('').find((l) => !used.has(l)) ?? '';
  const [name, setName] = useState(item?.name ?? '');
  const [nameEn, setNameEn] = useState(item?.nameEn ?? '');
  const [prefix, setPrefix] = useState(item?.prefix ?? firstFree);
  const [sortOrder, setSortOrder] = useState(String(item?.sortOrder ?? store.queues.value.length));
  const f = useSubmit(['name', 'nameEn', 'prefix', 'sortOrder']);
  const submit = (e: Event) => {
    e.preventDefault();
    const body = { name, nameEn: opt(nameEn), prefix: prefix.trim().toUpperCase(), sortOrder: num(sortOrder) };
    void f.run(QueueBody, body, () => cmd.saveQueue(item?.id ?? null, body), () => { store.say('info', t('saved', { name: body.name })); onClose(); });
  };
  return (
    <Dialog title={item ? t('editQueue') : t('newQueue')} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <Field label={t('queueName')} name="name" error={f.errors.name}><input name="name" value={name} onInput={(e) => setName(e.currentTarget.value)} /></Field>
        <Field label={t('prefix')} name="prefix" error={f.errors.prefix} hint={t('prefixHint')}><input name="prefix" value={prefix} maxLength={1} onInput={(e) => setPrefix(e.currentTarget.value.toUpperCase())} /></Field>
        <Field label={t('nameEn')} name="nameEn" error={f.errors.nameEn}><input name="nameEn" value={nameEn} onInput={(e) => setNameEn(e.currentTarget.value)} /></Field>
        <Field label={t('sortOrder')} name="sortOrder" error={f.errors.sortOrder} hint={t('sortOrderHint')}><input name="sortOrder" inputMode="numeric" value={sortOrder} onInput={(e) => setSortOrder(e.currentTarget.value)} /></Field>
        <FormError text={f.general} />
        <Buttons busy={f.busy} onClose={onClose} />
      </form>
    </Dialog>
  );
}

function ServiceDialog({ item, onClose }: { item: Service | null; onClose: () => void }) {
  const { store, cmd } = useApp();
  const { t } = store;
  const [code, setCode] = useState(item?.code ?? '');
  const [name, setName] = useState(item?.name ?? '');
  const [nameEn, setNameEn] = useState(item?.nameEn ?? '');
  const [queueId, setQueueId] = useState(item?.queueId ?? store.sortedQueues.value[0]?.id ?? '');
  const [windowLabel, setWindowLabel] = useState(item?.windowLabel ?? '');
  const [phone, setPhone] = useState(item?.phone ?? '');
  const [bookable, setBookable] = useState(item?.bookable ?? true);
  const [extended, setExtended] = useState(item?.extended ?? false);
  const [slotCapacity, setSlotCapacity] = useState(String(item?.slotCapacity ?? 4));
  const [materials, setMaterials] = useState((item?.materials ?? []).join('\n'));
  const [dailyCap, setDailyCap] = useState(item?.dailyCap ? String(item.dailyCap) : '');
  const f = useSubmit(['code', 'name', 'nameEn', 'queueId', 'windowLabel', 'phone', 'bookable', 'extended', 'slotCapacity', 'materials', 'dailyCap']);
  const submit = (e: Event) => {
    e.preventDefault();
    const items = materials.split('\n').map((m) => m.trim()).filter(Boolean); // one item a line
    const body = {
      code: code.trim(), name, nameEn: opt(nameEn), queueId, windowLabel: opt(windowLabel), phone: opt(phone), bookable, extended, slotCapacity: num(slotCapacity),
      materials: items.length ? items : undefined, dailyCap: num(dailyCap),
    };
    void f.run(ServiceBody, body, () => cmd.saveService(item?.id ?? null, body), () => { store.say('info', t('saved', { name: body.name })); onClose(); });
  };
  return (
    <Dialog title={item ? t('editService') : t('newService')} onClose={onClose}>
      <form onSubmit={submit} noValidate class="grid2">
        <Field label={t('code')} name="code" error={f.errors.code} hint={t('codeHint')}><input name="code" value={code} onInput={(e) => setCode(e.currentTarget.value)} /></Field>
        <Field label={t('serviceName')} name="name" error={f.errors.name}><input name="name" value={name} onInput={(e) => setName(e.currentTarget.value)} /></Field>
        <Field label={t('queue')} name="queueId" error={f.errors.queueId}>
          <select name="queueId" value={queueId} onChange={(e) => setQueueId(e.currentTarget.value)}>
            {store.sortedQueues.value.map((q) => <option key={q.id} value={q.id}>{q.prefix} {q.name}</option>)}
          </select>
        </Field>
        <Field label={t('nameEn')} name="nameEn" error={f.errors.nameEn}><input name="nameEn" value={nameEn} onInput={(e) => setNameEn(e.currentTarget.value)} /></Field>
        <Field label={t('windowLabel')} name="windowLabel" error={f.errors.windowLabel} hint={t('windowLabelHint')}><input name="windowLabel" value={windowLabel} onInput={(e) => setWindowLabel(e.currentTarget.value)} /></Field>
        <Field label={t('phone')} name="phone" error={f.errors.phone}><input name="phone" value={phone} onInput={(e) => setPhone(e.currentTarget.value)} /></Field>
        <div class="field checks">
          <Check name="bookable" label={t('bookable')} checked={bookable} onChange={setBookable} />
          <Check name="extended" label={t('extendedLong')} checked={extended} onChange={setExtended} />
        </div>
        <Field label={t('slotCapacity')} name="slotCapacity" error={f.errors.slotCapacity} hint={t('slotCapacityHint')}>
          <input name="slotCapacity" inputMode="numeric" value={slotCapacity} disabled={!bookable} onInput={(e) => setSlotCapacity(e.currentTarget.value)} />
        </Field>
        <Field label={t('dailyCap')} name="dailyCap" error={f.errors.dailyCap} hint={t('dailyCapHint')}>
          <input name="dailyCap" inputMode="numeric" value={dailyCap} onInput={(e) => setDailyCap(e.currentTarget.value)} />
        </Field>
        <Field label={t('materials')} name="materials" error={f.errors.materials} hint={t('materialsHint')}>
          <textarea name="materials" rows={4} value={materials} onInput={(e) => setMaterials(e.currentTarget.value)} />
        </Field>
        <FormError text={f.general} />
        <Buttons busy={f.busy} onClose={onClose} />
      </form>
    </Dialog>
  );
}

function WindowDialog({ item, onClose }: { item: HallWindow | null; onClose: () => void }) {
  const { store, cmd } = useApp();
  const { t } = store;
  const nextNumber = Math.max(0, ...store.windows.value.map((w) => w.number)) + 1;
  const [number, setNumber] = useState(String(item?.number ?? nextNumber));
  const [name, setName] = useState(item?.name ?? '');
  const [queueIds, setQueueIds] = useState<string[]>(item?.queueIds ?? []);
  const [reservationOnly, setReservationOnly] = useState(item?.reservationOnly ?? false);
  const f = useSubmit(['number', 'name', 'queueIds', 'reservationOnly']);
  const submit = (e: Event) => {
    e.preventDefault();
    const body = { number: num(number), name, queueIds, reservationOnly };
    void f.run(WindowBody, body, () => cmd.saveWindow(item?.id ?? null, body as typeof body & { number: number }), () => { store.say('info', t('saved', { name: t('windowN', { n: number }) })); onClose(); });
  };
  const move = (id: string, by: -1 | 1) => {
    const i = queueIds.indexOf(id);
    const j = i + by;
    if (i < 0 || j < 0 || j >= queueIds.length) return;
    const next = [...queueIds];
    [next[i], next[j]] = [next[j], next[i]];
    setQueueIds(next);
  };
  const q = store.queueById.value;
  const unchosen = store.sortedQueues.value.filter((x) => !queueIds.includes(x.id));
  return (
    <Dialog title={item ? t('editWindow') : t('newWindow')} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <div class="grid2">
          <Field label={t('windowNumber')} name="number" error={f.errors.number}><input name="number" inputMode="numeric" value={number} onInput={(e) => setNumber(e.currentTarget.value)} /></Field>
          <Field label={t('windowName')} name="name" error={f.errors.name} hint={t('windowNameHint')}><input name="name" value={name} onInput={(e) => setName(e.currentTarget.value)} /></Field>
        </div>
        <Field group label={t('callingOrder')} name="queueIds" error={f.errors.queueIds} hint={t('callingOrderHint')}>
          <ol class="order">
            {queueIds.map((id, i) => (
              <li key={id}>
                <span>{q.get(id) ? `${q.get(id)!.prefix} ${q.get(id)!.name}` : id}</span>
                <button type="button" class="small" disabled={i === 0} onClick={() => move(id, -1)}>{t('up')}</button>
                <button type="button" class="small" disabled={i === queueIds.length - 1} onClick={() => move(id, 1)}>{t('down')}</button>
                <button type="button" class="small" onClick={() => setQueueIds(queueIds.filter((x) => x !== id))}>{t('removeFromList')}</button>
              </li>
            ))}
          </ol>
          <div class="choices">
            {unchosen.map((x) => <button type="button" class="small" key={x.id} onClick={() => setQueueIds([...queueIds, x.id])}>{t('addQueue', { name: `${x.prefix} ${x.name}` })}</button>)}
            {!store.queues.value.length && <span class="hint">{t('needQueueFirst')}</span>}
          </div>
        </Field>
        <Check name="reservationOnly" label={t('reservationOnlyLong')} checked={reservationOnly} onChange={setReservationOnly} />
        <FormError text={f.general} />
        <Buttons busy={f.busy} onClose={onClose} />
      </form>
    </Dialog>
  );
}
