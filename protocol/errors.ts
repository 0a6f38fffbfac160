/**
 * Every error code of CONTRACT.md with its HTTP status and Chinese message.
 * The one error shape: {"error": {"code", "message", "details"}}.
 *
 * A message naming a number the hall configures is a template: `{limit}` is filled from the
 * refusal's details, which the engine fills from the hall's policy (a hall allowing 3 bookings a
 * day says 3). The optional third entry is said instead when a detail is missing.
 */

export const ERRORS = {
  // generic
  'bad-request': [400, '请求格式不正确'],
  'unauthorized': [401, '未登录或凭证已失效'],
  'invalid-credentials': [401, '用户名或密码错误'],
  'forbidden': [403, '无权执行此操作'],
  'not-found': [404, '找不到该对象'],
  'conflict': [409, '状态冲突，请刷新后重试'],
  'too-many-attempts': [429, '尝试次数过多，请稍后再试'],
  'rate-limited': [429, '操作过于频繁，请稍后再试'],
  'payload-too-large': [413, '请求内容过大'],
  'internal': [500, '服务器内部错误'],
  // the database cannot be written (read-only, disk full, I/O error): `reason`; reads still work
  'storage-unavailable': [503, '数据存储暂不可用，请稍后再试或联系管理员'],
  // backups (docs/operations.md)
  'backup-not-configured': [409, '未配置备份目录（配置文件 backup.dir）'],
  'backup-failed': [503, '备份失败，请检查备份目录的空间与权限'],
  // hall settings (CONTRACT.md "Hall settings")
  'invalid-config': [400, '配置不正确：{path}：{reason}', '配置不正确'],
  'invalid-range': [400, '日期范围不正确：起始日期不能晚于结束日期，且最长{maxDays}天', '日期范围不正确'],
  // catalog
  'queue-not-found': [404, '找不到该队列'],
  'window-not-found': [404, '找不到该窗口'],
  'ticket-not-found': [404, '找不到该号票'],
  'user-not-found': [404, '找不到该用户'],
  // accounts and devices (CONTRACT.md "Accounts", "Devices")
  'duplicate-username': [409, '用户名已存在'],
  'weak-password': [422, '密码至少需要8个字符'],
  'wrong-password': [422, '原密码不正确'],
  'duplicate-device': [409, '该设备名称已登记；如需更换设备，请选择“替换”'],
  'device-not-found': [404, '找不到该设备'],
  'duplicate-prefix': [409, '队列字母已被使用'],
  'duplicate-window-number': [409, '窗口号已被使用'],
  'in-use': [409, '仍在使用中，无法删除'],
  // tickets
  'service-not-found': [404, '找不到该事项'],
  'hall-closed': [422, '当前不在办公时间'],
  'service-not-available-now': [422, '该事项当前时段不办理'],
  // check-in
  'invalid-qr': [400, '预约二维码无效'],
  'invalid-id-number': [400, '身份证号码不正确'],
  'booking-not-found': [404, '未找到预约记录'],
  'booking-too-early': [422, '还未到签到时间'],
  'booking-expired': [422, '已超过预约时间{minutes}分钟，预约已失效', '已超过预约时间，预约已失效'],
  'booking-cancelled': [422, '该预约已取消'],
  'booking-not-today': [422, '该预约不是今天的'],
  // bookings
  'invalid-phone': [400, '手机号码不正确'],
  'invalid-date': [400, '日期格式不正确'],
  'service-not-bookable': [422, '该事项不接受预约'],
  'slot-unavailable': [422, '该时段不可预约'],
  'slot-full': [422, '该时段已约满'],
  'duplicate-slot': [422, '您在该时段已有预约'],
  'daily-booking-limit': [422, '每人每天最多预约{limit}次', '已达到每人每天的预约次数上限'],
  'invalid-holiday-schedule': [400, '放假安排有误：{reason}', '放假安排有误'],
  'too-late-to-book': [422, '已超过预约截止时间：须在{lead}预约', '已超过预约截止时间'],
  'channel-closed': [422, '{channelName}预约受理时间为{accepts}，下次受理时间 {nextAcceptsAt}', '该渠道当前不受理预约'],
  'holiday-booking-window': [422, '节假日预约须在节假日前的工作日办理，最迟 {lastDate}', '节假日预约须在节假日前的工作日办理'],
  'beyond-horizon': [422, '只能预约{days}天内的时段', '超出可预约的日期范围'],
  'booking-barred': [422, '本月爽约已达{limit}次，暂停预约服务', '本月爽约次数已达上限，暂停预约服务'],
  'too-late-to-cancel': [422, '距预约时间不足{hours}小时，请联系窗口取消', '已过自行取消的期限，请联系窗口取消'],
  'booking-not-cancellable': [409, '该预约当前状态不能取消'],
  // windows
  'ticket-in-progress': [409, '当前号票尚未处理完毕（请先开始办理或过号）'],
  'no-current-ticket': [409, '当前没有正在处理的号票'],
  'window-paused': [409, '窗口已暂停服务'],
  'window-not-yours': [403, '您未绑定该窗口'],
  'ticket-not-waiting': [409, '该号票不在等候中'],
  'transfer-target-invalid': [422, '转移目标无效'],
  'clock-not-manual': [404, '找不到该对象'],
  // evaluations (好差评, issue 16)
  'ticket-not-finished': [409, '该号票尚未办结，办结后才能评价'],
  'already-evaluated': [409, '该号票已评价过，每次办事只评价一次'],
  'reason-required': [422, '请选择不满意的原因'],
  // platform link (issue 17)
  'events-pruned': [409, '序号 {fromSeq} 之前的事件已清理，最早可从 {firstSeq} 起重发', '所请求的事件已清理'],
  // services (issue 12)
  'daily-cap-reached': [409, '该事项今日号源已发完（每日{cap}个），请明日再来或网上预约', '该事项今日号源已发完，请明日再来或网上预约'],
  // booking desk (issue 19): 派单 → 签收, contact, follow-up
  'window-not-serving': [409, '该窗口不办理此预约事项，不能派单到该窗口'],
  'booking-not-open': [409, '该预约已结束（已取消、已办结或已爽约），不能再派单或签收'],
  'booking-already-signed': [409, '该预约已由窗口签收，不能改派'],
  'booking-not-dispatched': [409, '该预约尚未派单到窗口，不能签收'],
  'not-dispatch-window': [403, '只有派单窗口的工作人员才能签收该预约'],
  'contact-outcome-invalid': [400, '联系结果与联系类型不符'],
  'follow-up-too-early': [409, '预约时间过后{minutes}分钟仍未到场才可回访', '预约时间过后仍未到场才可回访'],
  'booking-not-at-window': [403, '该预约不属于您的窗口'],
  // booking changes, 办理情况 and 上门办 (issue 19, docs/contract.md "Booking changes, 办理情况 and 上门办")
  'reschedule-too-late': [409, '改期须至少提前{hours}小时告知申请人：原预约时段和新时段都须在{hours}小时之后', '改期须至少提前告知申请人'],
  'reschedule-not-allowed': [409, '该预约当前状态不能改期（只能改期尚未签到的预约）'],
  'reschedule-unchanged': [422, '新的预约时段与原时段相同'],
  'reschedule-pending': [409, '该预约已有一条待审批的改期申请'],
  'change-not-found': [404, '找不到该改期申请'],
  'change-not-pending': [409, '该改期申请已处理，不能再审批或撤回'],
  'visit-no-checkin': [409, '上门办理的预约无需到大厅取号'],
  'visit-staff-only': [403, '上门办理须由大厅工作人员登记，网上渠道不能预约上门办理'],
  'visit-address-required': [422, '上门办理须填写上门地址'],
  'not-a-visit': [409, '该预约不是上门办理'],
  'assignee-invalid': [422, '承办人须为在用的工作人员账号'],
  'service-record-not-allowed': [409, '该预约当前状态不能登记办理情况'],
  'service-times-invalid': [422, '办理时间不正确：结束时间不能早于开始时间'],
  // forms and the duty roster (issue 19)
  'roster-date-not-extended': [422, '{date} 不是延时服务日（大厅开放的周末或节假日），不排上岗表', '该日不是延时服务日，不排上岗表'],
  'roster-user-not-staff': [422, '只能安排在职的工作人员（窗口人员、带班或管理员）'],
  'roster-lead-taken': [409, '{date} 已安排带班人员', '当天已安排带班人员'],
  'roster-lead-whole-day': [422, '带班人员负责全天，不按时段或预约安排'],
  'roster-session-unknown': [422, '{session} 不是当天的服务时段', '不是当天的服务时段'],
  'roster-booking-not-on-date': [422, '该预约不是 {date} 的有效预约', '该预约不是当天的有效预约'],
  'roster-duplicate': [409, '该人员已按相同岗位和时段安排'],
  'roster-entry-not-found': [404, '上岗表中没有这一条'],
} as const satisfies Record<string, readonly [number, string] | readonly [number, string, string]>;

export type ErrorCode = keyof typeof ERRORS;

export interface ErrorBody {
  error: { code: ErrorCode | string; message: string; details?: Record<string, unknown> };
}

/** Thrown by the engine, the hall and the HTTP layer; rendered as the one error shape. */
export class HallError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: Record<string, unknown>;
  constructor(code: ErrorCode, details?: Record<string, unknown>, message?: string) {
    super(message ?? errorMessage(code, details));
    this.name = 'HallError';
    this.code = code;
    this.status = ERRORS[code][0];
    this.details = details;
  }
  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } };
  }
}

/** The message of `code`, its placeholders filled from `details` (or its plain wording when one is missing). */
export function errorMessage(code: string, details?: Record<string, unknown>): string {
  const entry = (ERRORS as Record<string, readonly [number, string, string?]>)[code];
  if (!entry) return code;
  const [, template, plain] = entry;
  let missing = false;
  const filled = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = details?.[name];
    if (typeof v === 'number' || typeof v === 'string') return String(v);
    missing = true;
    return '';
  });
  return missing ? (plain ?? filled) : filled;
}
