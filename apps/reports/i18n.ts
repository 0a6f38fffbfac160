/** The reports page's words: Chinese first, English available. */
import type { Dictionaries } from '../kit/i18n.js';
import type { ReportBy } from '../../protocol/reports.js';

const zh = {
  title: '统计报表', logout: '退出', langSwitch: 'English',
  loginHint: '带班组长与管理员查看全厅；窗口人员只看本人窗口', from: '起始日期', to: '结束日期', by: '分组', thisMonth: '本月',
  lastMonth: '上月', last7: '最近7天', thisYear: '本年', exportXlsx: '导出 Excel', exportCsv: '导出 CSV', print: '打印',
  ownWindows: '仅本人窗口', loading: '加载中…', noData: '该期间没有数据',
  arrived: '到达人数', served: '办结', noShows: '过号', cancelledAtDayEnd: '日终取消', avgWait: '平均等候', maxWait: '最长等候',
  avgService: '平均办理', maxService: '最长办理', overTarget: '等候超{n}分钟', satisfied: '满意率', ratings: '{n}条评价', bookings: '预约',
  bookingsLine: '共{total}，已取号{checkedIn}，爽约{forfeited}，取消{cancelled}，办结{served}', minutes: '{n}分钟',
  volume: '每日业务量', waitDist: '等候时长分布', heat: '时段负荷（星期×小时）', byWindow: '按窗口', byStaff: '按人员',
  group: '分组', trend: '每日走势', pct: '办结率', overShort: '等候超时占比', transfers: '转移', walk: '到窗',
  weekdays: '周一|周二|周三|周四|周五|周六|周日', longer: '更长',
  to_: '至', back: '返回控制台',
  by_day: '按日', by_week: '按周', by_month: '按月', by_hour: '按时段', by_service: '按事项', by_queue: '按队列', by_window: '按窗口',
  by_staff: '按人员', by_channel: '按渠道',
  // issue 19: 上门办 and long services
  visitsLine: '其中上门办{visits}（已办{served}）', longServices: '单次办理超过{max}分钟：{n}笔', longNone: '无',
};
type Key = keyof typeof zh;
const en: Record<Key, string> = {
  title: 'Reports', logout: 'Sign out', langSwitch: '中文',
  loginHint: 'Leads and admins see the whole hall; staff their own windows', from: 'From', to: 'To', by: 'Group by', thisMonth: 'This month',
  lastMonth: 'Last month', last7: 'Last 7 days', thisYear: 'This year', exportXlsx: 'Export Excel', exportCsv: 'Export CSV', print: 'Print',
  ownWindows: 'Own windows only', loading: 'Loading…', noData: 'No data in this period',
  arrived: 'Arrived', served: 'Served', noShows: 'No-shows', cancelledAtDayEnd: 'Cancelled at day end', avgWait: 'Average wait',
  maxWait: 'Longest wait', avgService: 'Average service', maxService: 'Longest service', overTarget: 'Waited over {n} min', satisfied: 'Satisfied', ratings: '{n} ratings',
  bookings: 'Bookings', bookingsLine: '{total} in all, {checkedIn} checked in, {forfeited} forfeited, {cancelled} cancelled, {served} served',
  minutes: '{n} min', volume: 'Daily volume', waitDist: 'Wait distribution', heat: 'Load (weekday × hour)', byWindow: 'By window',
  byStaff: 'By staff', group: 'Group', trend: 'Daily trend', pct: 'Served %', overShort: 'Over wait target', transfers: 'Transfers', walk: 'Walk',
  weekdays: 'Mon|Tue|Wed|Thu|Fri|Sat|Sun', longer: 'longer', to_: 'to', back: 'Back to console',
  by_day: 'Day', by_week: 'Week', by_month: 'Month', by_hour: 'Hour', by_service: 'Service', by_queue: 'Queue', by_window: 'Window',
  by_staff: 'Staff', by_channel: 'Channel',
  // issue 19: 上门办 and long services
  visitsLine: '{visits} home visits ({served} done)', longServices: 'Services over {max} min: {n}', longNone: 'none',
};
export type MsgKey = Key;
export const DICT: Dictionaries<MsgKey> = { zh, en };
export const byKey = (b: ReportBy) => `by_${b}` as MsgKey;
