/**
 * Every text the display shows, Chinese first; the kit's translator fills `{x}` placeholders.
 * Lists are `|`-separated (the kit's `list`). Voice is always Mandarin (the clips).
 */
import type { Dictionaries } from '../kit/i18n.js';

const zh = {
  title: '叫号显示屏',
  nowCalling: '请到窗口办理',
  pleaseGo: '请 {ticket} 号 到 {window} 号窗口办理',
  windowN: '{n}号窗口',
  windows: '窗口叫号',
  recent: '最近叫号',
  waiting: '等候人数',
  waitingUnit: '人',
  reservations: '含预约 {n} 人',
  reservation: '预约',
  idle: '等待叫号',
  serving: '办理中',
  called: '请到窗口',
  paused: '暂停服务',
  closed: '窗口未开放',
  staff: '工作人员',
  currentTicket: '当前号码',
  offline: '连接中断，正在重新连接…',
  offlineHint: '显示内容可能不是最新',
  connecting: '正在连接…',
  unauthorized: '显示屏未配对或凭证已失效，请联系管理员',
  noToken: '显示屏未配对：请使用管理员提供的配对地址打开（#token=…）',
  unknownWindow: '未找到 {n} 号窗口',
  noCalls: '暂无叫号',
  weekdays: '星期日|星期一|星期二|星期三|星期四|星期五|星期六',
  date: '{y}年{m}月{d}日',
  closedUntil: '今日取号已结束，下次开放 {at}',
  switchLang: 'English',
  noticesLabel: '通知',
};

export type Key = keyof typeof zh;

const en: Record<Key, string> = {
  title: 'Queue display',
  nowCalling: 'Please go to the window',
  pleaseGo: 'Number {ticket}, please go to window {window}',
  windowN: 'Window {n}',
  windows: 'Windows',
  recent: 'Recent calls',
  waiting: 'Waiting',
  waitingUnit: '',
  reservations: 'incl. {n} booked',
  reservation: 'Booked',
  idle: 'Waiting to call',
  serving: 'Serving',
  called: 'Please come',
  paused: 'Service paused',
  closed: 'Window closed',
  staff: 'Staff',
  currentTicket: 'Now serving',
  offline: 'Connection lost, reconnecting…',
  offlineHint: 'What is shown may be out of date',
  connecting: 'Connecting…',
  unauthorized: 'This screen is not paired or its token was revoked; please call the administrator',
  noToken: 'Screen not paired: open the pairing address from the administrator (#token=…)',
  unknownWindow: 'No window {n}',
  noCalls: 'No calls yet',
  weekdays: 'Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday',
  date: '{y}-{mm}-{dd}',
  closedUntil: 'Tickets closed for today; next opening {at}',
  switchLang: '中文',
  noticesLabel: 'Notices',
};

export const DICT: Dictionaries<Key> = { zh, en };
