/**
 * 开始使用: what a hall needs before its first citizen, each item done or missing with a link to the
 * page that fixes it, so a fresh install opens on a to-do list rather than an empty page.
 */
import { useApp } from '../context.js';
import type { MsgKey } from '../i18n.js';
import { formatDateTime } from '../../kit/time.js';

/** the name a hall has before anyone named it (server/config.ts's default) */
export const DEFAULT_HALL_NAME = '政务服务中心';

interface Item { key: string; title: MsgKey; done: boolean; detail: string; href: string; fix: MsgKey }

export function Start() {
  const { store } = useApp();
  const { t } = store;
  const lang = store.lang.value;
  const queues = store.queues.value;
  const services = store.services.value;
  const windows = store.windows.value;
  const staff = store.users.value.filter((u) => u.active && u.role !== 'admin');
  const live = store.devices.value.filter((d) => !d.revokedAt);
  const kiosks = live.filter((d) => d.kind === 'kiosk').length;
  const screens = live.filter((d) => d.kind === 'display').length;
  const windowsWithoutQueues = windows.filter((w) => w.queueIds.length === 0);
  const queuesWithoutServices = queues.filter((q) => !services.some((s) => s.queueId === q.id));
  const unstaffed = windows.filter((w) => !staff.some((u) => u.role === 'lead' || u.windowIds.includes(w.id)));
  const named = store.hallName.value !== '' && store.hallName.value !== DEFAULT_HALL_NAME;
  const items: Item[] = [
    { key: 'hall', title: 'ckHall', done: named, detail: named ? store.hallName.value : t('ckHallMissing', { name: store.hallName.value }), href: '#/hall', fix: 'ckHallFix' },
    { key: 'queues', title: 'ckQueues', done: queues.length > 0, detail: queues.length ? t('ckCount', { n: queues.length }) : t('ckQueuesMissing'), href: '#/catalog', fix: 'ckFixCatalog' },
    {
      key: 'services', title: 'ckServices', done: services.length > 0 && queuesWithoutServices.length === 0,
      detail: !services.length ? t('ckServicesMissing') : queuesWithoutServices.length ? t('ckQueuesEmpty', { list: queuesWithoutServices.map((q) => q.name).join('、') }) : t('ckCount', { n: services.length }),
      href: '#/catalog', fix: 'ckFixCatalog',
    },
    {
      key: 'windows', title: 'ckWindows', done: windows.length > 0 && windowsWithoutQueues.length === 0,
      detail: !windows.length ? t('ckWindowsMissing') : windowsWithoutQueues.length ? t('ckWindowsNoQueue', { list: windowsWithoutQueues.map((w) => w.number).join('、') }) : t('ckCount', { n: windows.length }),
      href: '#/catalog', fix: 'ckFixCatalog',
    },
    {
      key: 'staff', title: 'ckStaff', done: staff.length > 0 && unstaffed.length === 0,
      detail: !staff.length ? t('ckStaffMissing') : unstaffed.length ? t('ckUnstaffed', { list: unstaffed.map((w) => w.number).join('、') }) : t('ckCount', { n: staff.length }),
      href: '#/people', fix: 'ckFixPeople',
    },
    {
      key: 'devices', title: 'ckDevices', done: kiosks > 0 && screens > 0,
      detail: t('ckDevicesCount', { kiosks, screens }) + (kiosks && screens ? '' : ' ' + t('ckDevicesMissing')),
      href: '#/devices', fix: 'ckFixDevices',
    },
    {
      key: 'hours', title: 'ckHours', done: store.open.value === true || store.nextOpenAt.value !== null,
      detail: store.open.value ? t('ckOpenNow') : store.nextOpenAt.value ? t('ckNextOpen', { at: formatDateTime(store.nextOpenAt.value, lang) }) : t('ckNeverOpen'),
      href: '#/calendar', fix: 'ckHoursFix',
    },
  ];
  const missing = items.filter((i) => !i.done).length;
  return (
    <section class="page start">
      <h2>{t('navStart')}</h2>
      <p class={missing ? 'summary todo' : 'summary done'} data-testid="checklist-summary">{missing ? t('ckSummaryTodo', { n: missing }) : t('ckSummaryDone')}</p>
      <ol class="checklist">
        {items.map((i) => (
          <li key={i.key} class={i.done ? 'done' : 'todo'} data-testid={`check-${i.key}`}>
            <span class="mark" aria-hidden="true">{i.done ? '✓' : '!'}</span>
            <div class="what">
              <strong>{t(i.title)}</strong>
              <span class="state">{i.done ? t('ckDone') : t('ckTodo')}</span>
              <p>{i.detail}</p>
            </div>
            <a class={i.done ? 'button' : 'button primary'} href={i.href}>{t(i.fix)}</a>
          </li>
        ))}
      </ol>
    </section>
  );
}
