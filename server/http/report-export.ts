/**
 * A report's download (CONTRACT.md "Reports"): an XLSX workbook (exceljs: one sheet for the totals,
 * bookings and ratings, then one sheet per grouping; Chinese headers; numbers as numbers; durations in
 * minutes) or one CSV (UTF-8 with a BOM, so Excel in zh-CN opens it as is). A report holds no personal
 * data of citizens: counts and the hall's own names only.
 */
import ExcelJS from 'exceljs';
import type { ReportBy, ReportFigures } from '../../protocol/reports.js';
import type { Hall } from '../hall.js';

export type ReportBook = ReturnType<Hall['reports']['book']>;

export const GROUPING_TITLES: Record<ReportBy, string> = {
  day: '按日', week: '按周', month: '按月', hour: '按时段', service: '按事项', queue: '按队列', window: '按窗口', staff: '按人员', channel: '按渠道',
};

const minutes = (s: number) => Math.round(s / 6) / 10;

/** The figure columns: header, and the value as written (durations in minutes, one decimal). */
const COLUMNS: [string, (f: ReportFigures) => number][] = [
  ['到达人数', (f) => f.arrived],
  ['办结人数', (f) => f.served],
  ['办结率(%)', (f) => f.servedPct],
  ['过号人数', (f) => f.noShows],
  ['过号率(%)', (f) => f.noShowPct],
  ['取消', (f) => f.cancelled],
  ['其中日终取消', (f) => f.cancelledAtDayEnd],
  ['转移', (f) => f.transfers],
  ['平均等候(分钟)', (f) => minutes(f.avgWaitSeconds)],
  ['最长等候(分钟)', (f) => minutes(f.maxWaitSeconds)],
  ['平均到窗(分钟)', (f) => minutes(f.avgWalkSeconds)],
  ['平均办理(分钟)', (f) => minutes(f.avgServiceSeconds)],
  ['最长办理(分钟)', (f) => minutes(f.maxServiceSeconds)],
  ['等候超时占比(%)', (f) => f.waitOverTargetPct],
];

/** The summary sheet's lines: label and number. */
function summary(b: ReportBook): [string, string | number][] {
  const lines: [string, string | number][] = [
    ['服务中心', b.hallName], ['统计期间', `${b.from} 至 ${b.to}`], ['等候时限(分钟)', b.waitTargetMinutes],
    ...COLUMNS.map(([h, v]): [string, number] => [h, v(b.totals)]),
  ];
  if (b.ownWindowsOnly) lines.splice(2, 0, ['范围', '本人窗口']);
  if (b.bookings) {
    const k = b.bookings;
    lines.push(['预约总数', k.total], ['网上预约', k.byChannel.online], ['电话预约', k.byChannel.phone], ['现场预约', k.byChannel.onsite],
      ['已取号', k.checkedIn], ['爽约', k.forfeited], ['已取消', k.cancelled], ['群众取消', k.cancelledByCitizen], ['中心取消', k.cancelledByHall],
      ['预约办结', k.served], ['提前不足1天', k.leadTime.under1Day], ['提前1–3天', k.leadTime.days1to3], ['提前3–7天', k.leadTime.days3to7],
      ['提前7天以上', k.leadTime.over7Days]);
  }
  const r = b.ratings;
  lines.push(['评价总数', r.count], ['非常满意', r.byLevel[5]], ['满意', r.byLevel[4]], ['基本满意', r.byLevel[3]], ['不满意', r.byLevel[2]],
    ['非常不满意', r.byLevel[1]], ['满意率(%)', r.satisfiedPct]);
  return lines;
}

export async function reportXlsx(b: ReportBook): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'hallq';
  const first = wb.addWorksheet('总览');
  first.columns = [{ header: '项目', width: 18 }, { header: '数值', width: 28 }];
  for (const line of summary(b)) first.addRow(line);
  for (const [by, title] of Object.entries(GROUPING_TITLES) as [ReportBy, string][]) {
    const ws = wb.addWorksheet(title);
    ws.columns = [{ header: title.slice(1), width: 22 }, ...COLUMNS.map(([h]) => ({ header: h, width: 14 }))];
    ws.getRow(1).font = { bold: true };
    for (const row of b.groupings[by]) ws.addRow([row.label, ...COLUMNS.map(([, v]) => v(row))]);
    ws.addRow(['合计', ...COLUMNS.map(([, v]) => v(b.totals))]).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const cell = (v: string | number) => (typeof v === 'number' ? String(v) : /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** One table: every grouping's rows under a first column naming the grouping, then the totals. */
export function reportCsv(b: ReportBook): Buffer {
  const lines = [['分组方式', '分组', ...COLUMNS.map(([h]) => h)]];
  lines.push(['合计', `${b.from} 至 ${b.to}`, ...COLUMNS.map(([, v]) => String(v(b.totals)))]);
  for (const [by, title] of Object.entries(GROUPING_TITLES) as [ReportBy, string][]) {
    for (const row of b.groupings[by]) lines.push([title, row.label, ...COLUMNS.map(([, v]) => String(v(row)))]);
  }
  return Buffer.from('\uFEFF' + lines.map((l) => l.map(cell).join(',')).join('\r\n') + '\r\n', 'utf8');
}
