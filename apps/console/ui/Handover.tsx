/**
 * The console's forms view (issue 19): the 交办单 (seed 000 附件3/4) and the 上岗表 (附件5) of a date
 * open in the printable forms page (/forms/, in the same tab so the session carries over; one 交办单 for the whole hall: the receiving window's own
 * bookings show the full phone there, audited), and today's duty roster.
 */
import { useState } from 'preact/hooks';
import type { HandoverChannel } from '../../../protocol/forms.js';
import { useApp } from '../context.js';
import { RosterPanel } from './RosterPanel.js';

export function Handover() {
  const { store } = useApp();
  const { t } = store;
  const [date, setDate] = useState(store.today.value);
  const [channel, setChannel] = useState<HandoverChannel>('phone');
  const [dept, setDept] = useState('');
  const handover = `/forms/?${new URLSearchParams({ form: 'handover', date, channel })}`;
  const duty = `/forms/?${new URLSearchParams({ form: 'duty', date, ...(dept ? { department: dept } : {}) })}`;
  return (
    <section class="handover" aria-labelledby="forms-title">
      <h2 id="forms-title">{t('formsTitle')}</h2>
      <p class="hint">{t('formsHint')}</p>
      <div class="row">
        <label class="inline">{t('date')}<input type="date" name="date" value={date} onInput={(e) => setDate(e.currentTarget.value)} /></label>
        <label class="inline">{t('channel')}
          <select name="channel" value={channel} onChange={(e) => setChannel(e.currentTarget.value as HandoverChannel)}>
            {(['online', 'phone'] as const).map((c) => <option key={c} value={c}>{t(`channel_${c}`)}</option>)}
          </select>
        </label>
        <a class="button primary" href={handover}>{t('openHandover')}</a>
      </div>
      <div class="row">
        <label class="inline">{t('formsDept')}<input name="department" value={dept} onInput={(e) => setDept(e.currentTarget.value)} /></label>
        <a class="button" href={duty}>{t('openDuty')}</a>
      </div>
      <RosterPanel />
    </section>
  );
}
