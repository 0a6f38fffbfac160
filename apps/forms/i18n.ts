/**
 * The printable forms' words: Chinese first, English available. The forms' own titles and column
 * headers are the seeds' (000 附件3–5, 004 附件2), word for word.
 */
import type { Dictionaries } from '../kit/i18n.js';

const zh = {
  title: '表单打印', logout: '退出', langSwitch: 'English',
  loginHint: '窗口人员、带班组长与管理员：本人窗口的预约显示完整电话，查看留痕',
  print: '打印', back: '返回控制台', loading: '加载中…', date: '日期', channel: '预约方式', department: '填报科室', open: '打开',
  formRegistration: '预约服务登记表', formHandoverOnline: '网上预约业务交办单', formHandoverPhone: '电话预约业务交办单', formDuty: '“延时服务”工作人员上岗表',
  channel_online: '网上预约', channel_phone: '电话预约', chooseForm: '请选择表单', bookingId: '预约编号',
  maskedNote: '非本人窗口的预约，个人信息已隐去', revealedNote: '本表含完整联系电话，查看已记录，仅供内部使用',
  // 预约服务登记表 (004 附件2)
  regName: '预约人姓名', regPhone: '联系电话', regUnit: '单  位', regService: '预约事项', regWhen: '预约办理时间', regWindow: '预约窗口',
  regRecordedAt: '记录时间', regRecordedBy: '记录人', regDispatchedAt: '交办时间', regSignedBy: '签收人', regOutcome: '办理情况',
  regDone: '是否完成预约办理：', regTime: '办理时间：', regNotes: '办理情况：', regHandler1: '承办人1：', regHandler2: '承办人2：', regCitizenSign: '预约人（签字）：',
  yes: '是', no: '否', monthDay: '{m}月{d}日', monthDayTime: '{m}月{d}日{h}时{min}分', fullTime: '{y}年{m}月{d}日{h}时{min}分', toTime: '至{h}时{min}分',
  // 交办单 (000 附件3/4)
  hoSeq: '序号', hoService: '被预约的事项名称', hoPerson: '预约人', hoSlot: '预约的时间段', hoPhone: '联系电话', hoUnit: '应交办单位',
  hoAccepted: '办件情况 是否受理', hoSign: '预约人签字', registration: '登记表', bookingCode: '预约码',
  bstatus_booked: '', 'bstatus_checked-in': '已受理', bstatus_served: '已办结', bstatus_forfeited: '未到', bstatus_cancelled: '已取消',
  // 上岗表 (000 附件5)
  dutyDept: '填报科室：', dutyFilled: '填报时间', dutyYmd: '{y}年{m}月{d}日', dutySeq: '序号', dutyService: '预约事项名称', dutyPerson: '预约人',
  dutyPersonPhone: '预约人联系电话', dutySlot: '预约时间段', dutyWindow: '窗口人员', dutyBack: '后台人员', dutyLead: '带班人员',
  dutyStaffPhone: '上岗人员联系电话', dutyNote: '备注', dutyServiceDate: '服务日期：{date}',
};
type Key = keyof typeof zh;
const en: Record<Key, string> = {
  title: 'Printable forms', logout: 'Sign out', langSwitch: '中文',
  loginHint: 'Staff, leads and admins: your own windows\' bookings show the full phone; every view is logged',
  print: 'Print', back: 'Back to the console', loading: 'Loading…', date: 'Date', channel: 'Channel', department: 'Department', open: 'Open',
  formRegistration: 'Booking registration form', formHandoverOnline: 'Online booking handover sheet', formHandoverPhone: 'Phone booking handover sheet',
  formDuty: 'Extended-service duty roster',
  channel_online: 'Online', channel_phone: 'Phone', chooseForm: 'Choose a form', bookingId: 'Booking id',
  maskedNote: 'Bookings of other windows: personal data hidden', revealedNote: 'Contains full phone numbers; this view is logged; internal use only',
  regName: 'Name', regPhone: 'Phone', regUnit: 'Organisation', regService: 'Service', regWhen: 'Booked for', regWindow: 'Window',
  regRecordedAt: 'Recorded on', regRecordedBy: 'Recorded by', regDispatchedAt: 'Dispatched on', regSignedBy: 'Signed for by', regOutcome: 'Outcome',
  regDone: 'Served as booked: ', regTime: 'Service time: ', regNotes: 'Notes: ', regHandler1: 'Handler 1: ', regHandler2: 'Handler 2: ', regCitizenSign: 'Citizen\'s signature: ',
  yes: 'yes', no: 'no', monthDay: '{m}/{d}', monthDayTime: '{m}/{d} {h}:{min}', fullTime: '{y}-{m}-{d} {h}:{min}', toTime: ' to {h}:{min}',
  hoSeq: 'No.', hoService: 'Service booked', hoPerson: 'Citizen', hoSlot: 'Time', hoPhone: 'Phone', hoUnit: 'Hand over to',
  hoAccepted: 'Accepted?', hoSign: 'Citizen\'s signature', registration: 'Registration', bookingCode: 'Code',
  bstatus_booked: '', 'bstatus_checked-in': 'Accepted', bstatus_served: 'Served', bstatus_forfeited: 'No-show', bstatus_cancelled: 'Cancelled',
  dutyDept: 'Department: ', dutyFilled: 'Filled on', dutyYmd: '{y}-{m}-{d}', dutySeq: 'No.', dutyService: 'Service', dutyPerson: 'Citizen',
  dutyPersonPhone: 'Citizen\'s phone', dutySlot: 'Time', dutyWindow: 'Window staff', dutyBack: 'Back office', dutyLead: 'Duty lead',
  dutyStaffPhone: 'Staff phones', dutyNote: 'Notes', dutyServiceDate: 'Service date: {date}',
};

export type MsgKey = Key;
export const DICT: Dictionaries<MsgKey> = { zh, en };
