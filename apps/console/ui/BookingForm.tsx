/**
 * 预约服务登记表 for phone and on-site bookings (seeds 002, 004): person, service, date, a slot picker
 * with free places, the person's credit; every refusal shown in place; success → printable confirmation.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Booking, BookingChannel, Credit, SlotInfo } from '../../../protocol/domain.js';
import { isValidIdNumber, isValidMobile, normalizeIdNumber } from '../../../protocol/identity.js';
import { ApiError } from '../../kit/client.js';
import { useApp } from '../context.js';
import { latest } from '../latest.js';
import { refusalText } from '../refusal.js';
import { addDays } from '../../kit/time.js';
import { BookingConfirm } from './BookingConfirm.js';
import { VisitFields, type VisitChoice } from './VisitFields.js';

export function BookingForm() {
  const { store, cmd } = useApp();
  const { t } = store;
  const [channel, setChannel] = useState<BookingChannel>('phone');
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [phone, setPhone] = useState('');
  const bookable = store.services.value.filter((s) => s.bookable);
  const [serviceId, setServiceId] = useState(bookable[0]?.id ?? '');
  const [date, setDate] = useState(addDays(store.today.value, 1));
  const [slots, setSlots] = useState<SlotInfo[] | null>(null);
  const [slot, setSlot] = useState('');
  const [credit, setCredit] = useState<Credit | null>(null);
  const [refusal, setRefusal] = useState<{ code: string; text: string } | null>(null);
  const [done, setDone] = useState<{ booking: Booking; qr: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [visit, setVisit] = useState<VisitChoice>({ kind: 'window', address: '', assigneeId: '' });
  const isVisit = visit.kind === 'visit';

  const idOk = isValidIdNumber(idNumber);
  const phoneOk = isValidMobile(phone);
  useEffect(() => {
    if (!serviceId || !date) return;
    setSlots(null);
    const live = latest();
    cmd.slots(serviceId, date).then(live(setSlots), live((e: unknown) => { setSlots([]); setRefusal({ code: 'slots', text: refusalText(e, t) }); }));
    return live.stop;
  }, [serviceId, date, done]);
  useEffect(() => {
    setCredit(null);
    if (!idOk) return;
    const live = latest();
    cmd.credit(normalizeIdNumber(idNumber)!).then(live(setCredit), live(cmd.fail));
    return live.stop;
  }, [idNumber, idOk]);

  if (done) return <BookingConfirm booking={done.booking} qr={done.qr} onAgain={() => { setDone(null); setName(''); setIdNumber(''); setPhone(''); setSlot(''); setRefusal(null); setVisit({ kind: 'window', address: '', assigneeId: '' }); }} />;

  const submit = async (e: Event) => {
    e.preventDefault();
    setRefusal(null);
    setBusy(true);
    try {
      setDone(await cmd.book({ name: name.trim(), idNumber: normalizeIdNumber(idNumber) ?? idNumber.trim(), phone: phone.trim(), serviceId, date, slot, channel,
        ...(isVisit ? { kind: 'visit' as const, address: visit.address.trim(), ...(visit.assigneeId ? { assigneeId: visit.assigneeId } : {}) } : {}) }));
    } catch (err) {
      setRefusal({ code: err instanceof ApiError ? err.code : 'error', text: refusalText(err, t) });
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (code: string) => (refusal?.code === code ? <span class="error" role="alert">{refusal.text}</span> : null);
  const formError = refusal && !['invalid-id-number', 'invalid-phone'].includes(refusal.code) ? refusal.text : null;

  return (
    <form class="card booking" onSubmit={submit} aria-labelledby="book-title">
      <h2 id="book-title">{t('bookTitle')}</h2>
      <fieldset class="channel"><legend>{t('channel')}</legend>
        {(['phone', 'onsite'] as const).map((c) => (
          <label key={c} class="radio"><input type="radio" name="channel" value={c} checked={channel === c} onChange={() => setChannel(c)} />{t(`channel_${c}`)}</label>
        ))}
      </fieldset>
      <VisitFields value={visit} onChange={setVisit} />
      <label>{t('name')}<input name="name" value={name} maxLength={32} autocomplete="off" onInput={(e) => setName(e.currentTarget.value)} required /></label>
      <label>{t('idNumber')}<input name="idNumber" value={idNumber} maxLength={18} autocomplete="off" onInput={(e) => setIdNumber(e.currentTarget.value)} required /></label>
      {idNumber.length >= 18 && !idOk && <span class="error">{t('badId')}</span>}
      {fieldError('invalid-id-number')}
      {credit && (
        <p class={credit.barredUntil ? 'credit bad' : 'credit'} data-testid="credit">{t('credit')}：{t('creditNoShows', { n: credit.noShowsThisMonth })}
          {' · '}{credit.barredUntil ? t('creditBarred', { date: credit.barredUntil }) : t('creditOk')}</p>
      )}
      <label>{t('phone')}<input name="phone" value={phone} maxLength={11} inputMode="numeric" autocomplete="off" onInput={(e) => setPhone(e.currentTarget.value)} required /></label>
      {phone.length >= 11 && !phoneOk && <span class="error">{t('badPhone')}</span>}
      {fieldError('invalid-phone')}
      <label>{t('service')}
        <select name="serviceId" value={serviceId} onChange={(e) => { setServiceId(e.currentTarget.value); setSlot(''); }}>
          {bookable.map((s) => <option key={s.id} value={s.id}>{s.code} {store.lang.value === 'en' && s.nameEn ? s.nameEn : s.name}</option>)}
        </select>
      </label>
      <label>{t('date')}<input name="date" type="date" value={date} min={store.today.value} onInput={(e) => { setDate(e.currentTarget.value); setSlot(''); }} required /></label>
      <fieldset class="slots"><legend>{t('slot')}</legend>
        {slots && slots.length === 0 && <p class="hint">{t('noSlots')}</p>}
        {slots?.map((s) => (
          <label key={s.slot} class={`slot ${s.available <= 0 ? 'full' : ''} ${slot === s.slot ? 'on' : ''}`}>
            <input type="radio" name="slot" value={s.slot} checked={slot === s.slot} disabled={s.available <= 0 && !isVisit} onChange={() => setSlot(s.slot)} />
            {s.slot}{s.end ? `–${s.end}` : ''} <small>{s.available > 0 ? t('slotFree', { n: s.available }) : t('slotFull')}</small>
          </label>
        ))}
      </fieldset>
      {formError && <p class="error refusal" role="alert" data-testid="refusal">{formError}</p>}
      <button type="submit" class="primary big" disabled={busy || !slot || !name.trim() || !idNumber || !phone || (isVisit && !visit.address.trim())}>{t('submitBooking')}</button>
    </form>
  );
}
