/**
 * The booking SMS texts (seed 002 四(一) 系统自动下发预约短信; docs/platform.md "SMS"). Pure: the facts
 * in, the text and the template parameters out (a provider with approved templates, Aliyun, sends
 * the parameters; the others the text). A text never holds an ID number, nor the citizen's name.
 */
import type { Policy } from './policy.js';

export type SmsKind = 'confirmed' | 'reminder' | 'forfeited' | 'cancelled' | 'rescheduled';

export interface SmsFacts {
  signName: string;
  service: string;
  date: string;
  slot: string;
  code: string;
  /** what to bring; null: the service names none (yet) */
  materials: string | null;
  policy: Pick<Policy, 'checkinOpensMinutes' | 'forfeitMinutes' | 'noShowLimit'>;
  /** forfeited: this month's no-shows, this one included */
  noShowsThisMonth?: number;
  /** cancelled: why */
  reason?: string | null;
  /** rescheduled: the date and slot the booking had before (issue 19) */
  from?: { date: string; slot: string };
  /** a visit (上门办, issue 19): no kiosk check-in to explain */
  visit?: boolean;
}

export interface SmsMessageText { text: string; params: Record<string, string> }

function checkinRule(f: SmsFacts): string {
  if (f.visit) return '工作人员将按约定时间上门办理，请保持电话畅通';
  return `请于${f.slot}前${f.policy.checkinOpensMinutes}分钟至${f.slot}后${f.policy.forfeitMinutes}分钟内在取号机输入预约码或刷身份证签到，逾期视为爽约`;
}

export function smsText(kind: SmsKind, f: SmsFacts): SmsMessageText {
  const bring = f.materials ? `请携带：${f.materials}。` : '';
  const params: Record<string, string> = { service: f.service, date: f.date, slot: f.slot, code: f.code };
  let body: string;
  switch (kind) {
    case 'confirmed':
      body = `您已预约${f.date} ${f.slot}办理${f.service}，预约码${f.code}。${bring}${checkinRule(f)}。`;
      params.materials = f.materials ?? '';
      break;
    case 'reminder':
      body = `提醒：您预约了明天${f.date} ${f.slot}办理${f.service}，预约码${f.code}。${bring}${checkinRule(f)}。`;
      params.materials = f.materials ?? '';
      break;
    case 'forfeited': {
      const n = f.noShowsThisMonth ?? 1;
      body = `您预约的${f.date} ${f.slot}${f.service}超过约定时间${f.policy.forfeitMinutes}分钟未签到，已记爽约。本月已爽约${n}次，` +
        `累计${f.policy.noShowLimit}次将暂停预约至下月1日。`;
      params.count = String(n);
      params.limit = String(f.policy.noShowLimit);
      break;
    }
    case 'cancelled':
      body = `很抱歉，${f.reason ? `因${f.reason}，` : ''}您预约的${f.date} ${f.slot}${f.service}（预约码${f.code}）已被大厅取消，不计爽约。如需办理请重新预约。`;
      params.reason = f.reason ?? '';
      break;
    case 'rescheduled':
      // seed 004 二(4): the hall tells the citizen, at least policy.rescheduleNoticeHours ahead
      body = `您预约的${f.from ? `${f.from.date} ${f.from.slot}` : ''}${f.service}经大厅同意改至${f.date} ${f.slot}，预约码${f.code}不变。${checkinRule(f)}。`;
      params.fromDate = f.from?.date ?? '';
      params.fromSlot = f.from?.slot ?? '';
      break;
  }
  return { text: `【${f.signName}】${body}`, params };
}
