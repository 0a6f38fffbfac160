/**
 * The demo hall (HALLQ_DEMO=1): a realistic catalog drawn from the seeds — queues of a city hall,
 * ~20 services with the market-supervision items of seed 000 附件2 at window 48, some on the
 * extended (延时服务) list; 13 windows, one reservation-only (预约专窗, seed 002 §四(三)); staff
 * `staffN` bound to window N, a duty lead and an admin. Seeded once into an empty database.
 */
import type { CatalogSeed, Hall } from './hall.js';
import { SYSTEM } from './hall.js';
import { hashPassword } from './hall.js';

export const DEMO_PASSWORD = 'demo1234';
export const DEMO_ADMIN_PASSWORD = 'admin1234';

const QUEUES = [
  ['qA', 'A', '综合受理', 'General intake'],
  ['qB', 'B', '不动产登记', 'Real estate registration'],
  ['qC', 'C', '社保医保', 'Social & medical insurance'],
  ['qD', 'D', '市场准入', 'Market access'],
  ['qE', 'E', '公安户籍出入境', 'Household & exit-entry'],
  ['qF', 'F', '税务', 'Taxation'],
] as const;

// [id, code, name, nameEn, queue, extended, bookable, window label]
const SERVICES: [string, string, string, string, string, boolean, boolean, string][] = [
  ['s-a01', 'ZH-001', '综合咨询', 'General enquiries', 'qA', true, false, '1-3号窗口'],
  ['s-a02', 'ZH-002', '证照打印', 'Licence printing', 'qA', true, true, '1-3号窗口'],
  ['s-a03', 'ZH-003', '企业开办一件事', 'Start-a-business bundle', 'qA', false, true, '1-3号窗口'],
  ['s-b01', 'BDC-001', '不动产转移登记', 'Property transfer registration', 'qB', false, true, '4-5号窗口'],
  ['s-b02', 'BDC-002', '不动产抵押登记', 'Mortgage registration', 'qB', false, true, '4-5号窗口'],
  ['s-b03', 'BDC-003', '不动产登记资料查询', 'Property records search', 'qB', true, true, '4-5号窗口'],
  ['s-c01', 'SB-001', '社保卡申领', 'Social security card', 'qC', true, true, '6-7号窗口'],
  ['s-c02', 'SB-002', '养老保险关系转移', 'Pension transfer', 'qC', false, true, '6-7号窗口'],
  ['s-c03', 'YB-001', '医保异地就医备案', 'Out-of-town medical filing', 'qC', true, true, '6-7号窗口'],
  ['s-d01', 'SJ-096', '第三类医疗器械经营许可证核发', 'Class III medical device trading licence', 'qD', true, true, '48号窗口'],
  ['s-d02', 'SJ-097', '计量标准复查考核', 'Measurement standard re-examination', 'qD', true, true, '48号窗口'],
  ['s-d03', 'SJ-098', '移动式压力容器、气瓶充装许可', 'Pressure vessel & cylinder filling permit', 'qD', true, true, '48号窗口'],
  ['s-d04', 'SJ-099', '检验检测机构资质认定', 'Testing laboratory accreditation', 'qD', true, true, '48号窗口'],
  ['s-d05', 'SJ-100', '第一类医疗器械生产备案（补发）', 'Class I device production filing (reissue)', 'qD', true, true, '48号窗口'],
  ['s-d06', 'SJ-101', '医疗器械网络营销备案', 'Online medical device sales filing', 'qD', true, true, '48号窗口'],
  ['s-d07', 'SJ-102', '外资企业登记', 'Foreign-invested enterprise registration', 'qD', true, true, '48号窗口'],
  ['s-e01', 'GA-001', '户口迁移', 'Household registration transfer', 'qE', false, true, '8-9号窗口'],
  ['s-e02', 'GA-002', '出入境证件办理', 'Passport & travel permits', 'qE', false, true, '8-9号窗口'],
  ['s-e03', 'GA-003', '居住证办理', 'Residence permit', 'qE', true, true, '8-9号窗口'],
  ['s-f01', 'SW-001', '发票领用', 'Invoice collection', 'qF', true, false, '10-11号窗口'],
  ['s-f02', 'SW-002', '税务登记', 'Tax registration', 'qF', false, true, '10-11号窗口'],
];

// 所需材料 of a few services, so the demo's tickets and booking confirmations show them
const MATERIALS: Record<string, string[]> = {
  's-a03': ['身份证原件', '企业名称自主申报告知书', '住所（经营场所）使用证明'],
  's-c01': ['身份证原件', '近期免冠一寸照片（白底）'],
  's-e03': ['身份证原件', '住所证明（房产证或租赁合同）'],
};

// [number, name, queues in calling order, reservation-only]
const WINDOWS: [number, string, string[], boolean][] = [
  [1, '综合受理', ['qA'], false],
  [2, '综合受理', ['qA', 'qD'], false],
  [3, '综合受理', ['qA', 'qC'], false],
  [4, '不动产登记', ['qB'], false],
  [5, '不动产登记', ['qB', 'qA'], false],
  [6, '社保医保', ['qC'], false],
  [7, '社保医保', ['qC', 'qA'], false],
  [8, '公安户籍', ['qE'], false],
  [9, '出入境', ['qE'], false],
  [10, '税务', ['qF'], false],
  [11, '税务', ['qF', 'qA'], false],
  [12, '预约专窗', ['qA', 'qB', 'qC', 'qD', 'qE', 'qF'], true],
  [48, '市场监管', ['qD'], false],
];

const STAFF_NAMES = ['王丽', '李强', '张敏', '刘洋', '陈静', '杨帆', '赵磊', '黄婷', '周杰', '吴霞', '徐鹏', '孙悦', '马超'];

export const DEMO_WINDOW_NUMBERS = WINDOWS.map((w) => w[0]);
export const DEMO_KIOSKS = ['kiosk-1', 'kiosk-2'];

/** The demo hall as one catalog import: queues, services, windows, a staff member per window and a duty lead. */
export function demoSeed(passwordHash: string): CatalogSeed {
  return {
    queues: QUEUES.map(([id, prefix, name, nameEn], i) => ({ id, name, nameEn, prefix, sortOrder: i })),
    services: SERVICES.map(([id, code, name, nameEn, queueId, extended, bookable, windowLabel]) =>
      ({ id, code, name, nameEn, queueId, extended, bookable, slotCapacity: 4, phone: '0914-2345678', windowLabel, ...(MATERIALS[id] ? { materials: MATERIALS[id] } : {}) })),
    windows: WINDOWS.map(([number, name, queueIds, reservationOnly]) => ({ id: `w${number}`, number, name, queueIds, reservationOnly, status: 'open' as const })),
    users: [
      ...WINDOWS.map(([number], i) => ({
        id: `u-staff${number}`, username: `staff${number}`, name: STAFF_NAMES[i % STAFF_NAMES.length], role: 'staff' as const, passwordHash, windowIds: [`w${number}`],
      })),
      { id: 'u-lead1', username: 'lead1', name: '带班组长', role: 'lead' as const, passwordHash },
    ],
  };
}

/** Seeds the demo hall into an empty database. Returns whether it seeded. */
export async function seedDemo(hall: Hall): Promise<boolean> {
  if (!hall.catalog.isEmpty()) return false;
  hall.catalog.import(SYSTEM, demoSeed(await hashPassword(DEMO_PASSWORD)));
  return true;
}

/**
 * The demo schedule (issue 14, demo only: `npm start` sets HALLQ_DEMO_ALLDAY=1): one regular session
 * 00:00–24:00 every day, holidays included, so whoever tries the demo finds the hall open. Built on
 * the hall config's own `hours` keys; the hall's name says it is a demo schedule.
 */
export function demoAllDayHours<H extends { summer: unknown; winter: unknown }>(hours: H): H {
  const day: [string, string] = ['00:00', '24:00'];
  return {
    ...hours,
    summer: { am: ['00:00', '12:00'], pm: ['12:00', '24:00'] },
    winter: { am: ['00:00', '12:00'], pm: ['12:00', '24:00'] },
    lunch: false, eveningMinutes: 0,
    weekend: [day], holiday: { sessions: [day], appointmentOnly: false },
    closedExceptions: false,
  };
}

/** What the lobby and kiosk headers say under the demo schedule. */
export const DEMO_ALLDAY_LABEL = '（演示：全天开放）';
