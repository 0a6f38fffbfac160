/**
 * The three paper forms as the seeds print them: 预约服务登记表 (004 附件2), 网上/电话预约业务交办单
 * (000 附件3/4) and “延时服务”工作人员上岗表 (000 附件5). The seeds' columns in the seeds' order; what
 * the server left null stays a blank to write on, and blank lines pad the tables like the paper.
 */
import type { DutyForm, HandoverForm, RegistrationForm } from '../../../protocol/forms.js';
import type { Translate } from '../../kit/i18n.js';
import type { MsgKey } from '../i18n.js';

type T = Translate<MsgKey>;

/** 'YYYY-MM-DD HH:MM' or 'YYYY-MM-DD' → its parts, without leading zeros on month and day */
function parts(s: string) {
  const [date, time = ''] = s.split(' ');
  const [y, m, d] = date.split('-');
  const [h = '', min = ''] = time.split(':');
  return { y, m: String(Number(m)), d: String(Number(d)), h, min };
}

function Head({ hallName, title }: { hallName: string; title: string }) {
  return <h1 class="sheet-title"><span class="hall">{hallName}</span>{title}</h1>;
}

function Note({ t, revealed, masked }: { t: T; revealed: boolean; masked: boolean }) {
  if (!revealed && !masked) return null;
  return <p class="sheet-note">{revealed ? t('revealedNote') : ''}{revealed && masked ? ' · ' : ''}{masked ? t('maskedNote') : ''}</p>;
}

export function RegistrationSheet({ t, title, form: f }: { t: T; title: string; form: RegistrationForm }) {
  const when = parts(`${f.date} ${f.slot}`);
  const rec = parts(f.recordedAt);
  const disp = f.dispatchedAt ? parts(f.dispatchedAt) : null;
  const from = f.service.from ? parts(f.service.from) : null;
  const to = f.service.to ? parts(f.service.to) : null;
  return (
    <section class="sheet registration" aria-labelledby="sheet-title">
      <div id="sheet-title"><Head hallName={f.hallName} title={title} /></div>
      <table class="sheet-table grid">
        <colgroup><col class="label" /><col /><col class="label" /><col /><col class="label" /><col /></colgroup>
        <tbody>
          <tr><th>{t('regName')}</th><td class="person">{f.name}</td><th>{t('regPhone')}</th><td class="phone">{f.phone}</td><th>{t('regUnit')}</th><td>{f.unit ?? ''}</td></tr>
          <tr><th>{t('regService')}</th><td colSpan={5}>{f.serviceName}</td></tr>
          <tr>
            <th>{t('regWhen')}</th><td>{t('monthDayTime', when)}</td>
            <th>{t('regWindow')}</th><td colSpan={3}>{f.window ?? ''}</td>
          </tr>
          <tr><th>{t('regRecordedAt')}</th><td>{t('monthDay', rec)}</td><th>{t('regRecordedBy')}</th><td colSpan={3}>{f.recordedBy ?? ''}</td></tr>
          <tr><th>{t('regDispatchedAt')}</th><td>{disp ? t('monthDay', disp) : ''}</td><th>{t('regSignedBy')}</th><td colSpan={3}>{f.signedBy ?? ''}</td></tr>
          <tr class="outcome">
            <th>{t('regOutcome')}</th>
            <td colSpan={5}>
              <p>{t('regDone')}<span class="fill">{f.service.done === null ? '' : t(f.service.done ? 'yes' : 'no')}</span></p>
              <p>{t('regTime')}<span class="fill">{from ? `${t('fullTime', from)}${to ? t('toTime', to) : ''}` : ''}</span></p>
              <p>{t('regNotes')}<span class="fill">{f.service.notes ?? ''}</span></p>
              <div class="write" />
              <p class="handlers"><span>{t('regHandler1')}<span class="fill">{f.service.handlers[0] ?? ''}</span></span>
                <span>{t('regHandler2')}<span class="fill">{f.service.handlers[1] ?? ''}</span></span></p>
              <p>{t('regCitizenSign')}<span class="fill sign" /></p>
            </td>
          </tr>
        </tbody>
      </table>
      <Note t={t} revealed={f.revealed} masked={!f.revealed} />
    </section>
  );
}

export function HandoverSheet({ t, title, form: f }: { t: T; title: string; form: HandoverForm }) {
  const blank = Math.max(0, 9 - f.rows.length); // the seed's form has nine lines
  return (
    <section class="sheet handover" aria-labelledby="sheet-title">
      <div id="sheet-title"><Head hallName={f.hallName} title={title} /></div>
      <p class="sub">{t('dutyServiceDate', { date: f.date })}</p>
      <table class="sheet-table">
        <colgroup><col class="seq" /><col class="w-service" /><col class="w-person" /><col class="w-slot" /><col class="w-phone" /><col class="w-unit" /><col class="w-status" /><col class="w-sign" /></colgroup>
        <thead><tr>
          <th class="seq">{t('hoSeq')}</th><th>{t('hoService')}</th><th>{t('hoPerson')}</th><th>{t('hoSlot')}</th><th>{t('hoPhone')}</th>
          <th>{t('hoUnit')}</th><th>{t('hoAccepted')}</th><th class="sign">{t('hoSign')}</th>
        </tr></thead>
        <tbody>
          {f.rows.map((r) => (
            <tr key={r.bookingId} class={r.revealed ? 'revealed' : 'masked'}>
              <td class="seq">{r.seq}</td><td>{r.serviceName}</td>
              <td>{r.name}{r.code && <div class="booking-code">{t('bookingCode')} {r.code}</div>}<a class="no-print reg-link" href={`?form=registration&booking=${encodeURIComponent(r.bookingId)}`}>{t('registration')}</a></td>
              <td>{r.slot}</td><td class="phone">{r.phone}</td><td>{r.unit}</td><td>{t(`bstatus_${r.status}`)}</td><td />
            </tr>
          ))}
          {Array.from({ length: blank }, (_, i) => <tr key={`blank-${i}`} class="blank"><td class="seq">{f.rows.length + i + 1}</td><td /><td /><td /><td /><td /><td /><td /></tr>)}
        </tbody>
      </table>
      <Note t={t} revealed={f.rows.some((r) => r.revealed)} masked={f.rows.some((r) => !r.revealed)} />
    </section>
  );
}

export function DutySheet({ t, title, form: f }: { t: T; title: string; form: DutyForm }) {
  const blank = Math.max(0, 8 - f.rows.length); // the seed's form has eight lines
  const filled = parts(f.filledOn);
  return (
    <section class="sheet duty" aria-labelledby="sheet-title">
      <div id="sheet-title"><Head hallName={f.hallName} title={title} /></div>
      <p class="meta"><span>{t('dutyDept')}<span class="fill">{f.department}</span></span>
        <span>{t('dutyFilled')} <span class="fill">{t('dutyYmd', filled)}</span></span>
        <span>{t('dutyServiceDate', { date: f.date })}</span></p>
      <table class="sheet-table">
        <colgroup><col class="seq" /><col class="w-service" /><col class="w-name" /><col class="w-phone" /><col class="w-time" /><col class="w-name" /><col class="w-name" />
          <col class="w-name" /><col class="w-phones" /><col class="w-note" /></colgroup>
        <thead><tr>
          <th class="seq">{t('dutySeq')}</th><th>{t('dutyService')}</th><th>{t('dutyPerson')}</th><th>{t('dutyPersonPhone')}</th><th>{t('dutySlot')}</th>
          <th>{t('dutyWindow')}</th><th>{t('dutyBack')}</th><th>{t('dutyLead')}</th><th>{t('dutyStaffPhone')}</th><th>{t('dutyNote')}</th>
        </tr></thead>
        <tbody>
          {f.rows.map((r) => (
            <tr key={r.seq} class={r.revealed ? 'revealed' : 'masked'}>
              <td class="seq">{r.seq}</td><td>{r.serviceName}</td><td>{r.name}</td><td class="phone">{r.phone}</td><td>{r.slot}</td>
              <td>{r.window.join('、')}</td><td>{r.backOffice.join('、')}</td><td>{r.lead.join('、')}</td>
              <td class="phones">{r.staffPhones.map((p) => <div key={p}>{p}</div>)}</td><td>{r.note}</td>
            </tr>
          ))}
          {Array.from({ length: blank }, (_, i) => <tr key={`blank-${i}`} class="blank"><td class="seq">{f.rows.length + i + 1}</td><td /><td /><td /><td /><td /><td /><td /><td /><td /></tr>)}
        </tbody>
      </table>
      <Note t={t} revealed={f.rows.some((r) => r.revealed)} masked={f.rows.some((r) => r.bookingId !== null && !r.revealed)} />
    </section>
  );
}
