/** The admin app's words for staff phones and the duty roster editor (issue 19), merged into ./i18n.ts. */
export const ROSTER_ZH = {
  staffPhone: '工作电话', phoneHint: '手机号或固定电话（选填），仅用于内部表单与上岗表',
  navRoster: '上岗表', rosterTitle: '“延时服务”工作人员上岗表', rosterHint: '为延时服务日（大厅开放的周末、节假日）安排窗口人员、后台人员和带班人员；每日一名带班人员。',
  rosterDate: '服务日期', rosterNotExtended: '该日不是延时服务日，不排上岗表', rosterSessions: '服务时段', rosterBookings: '当日预约',
  rosterNoBookings: '当日没有预约', rosterEntries: '已安排', rosterNone: '尚未安排', rosterRole: '岗位', rosterStaff: '人员', rosterSession: '时段',
  rosterBooking: '预约', rosterNote: '备注', rosterAdd: '安排', rosterRemove: '移除', rosterWholeDay: '全天', rosterNoBooking: '不指定',
  rosterRole_window: '窗口人员', 'rosterRole_back-office': '后台人员', rosterRole_lead: '带班人员', rosterPrint: '打印上岗表', rosterAdded: '已安排 {name}',
} as const;

export const ROSTER_EN: Record<keyof typeof ROSTER_ZH, string> = {
  staffPhone: 'Work phone', phoneHint: 'Mobile or landline (optional); internal forms and the duty roster only',
  navRoster: 'Duty roster', rosterTitle: 'Extended-service duty roster', rosterHint: 'For extended-service days (weekends and holidays the hall opens): window staff, back office and one duty lead a day.',
  rosterDate: 'Service date', rosterNotExtended: 'Not an extended-service day: no roster', rosterSessions: 'Sessions', rosterBookings: 'Bookings that day',
  rosterNoBookings: 'No bookings that day', rosterEntries: 'On duty', rosterNone: 'Nobody yet', rosterRole: 'Role', rosterStaff: 'Staff', rosterSession: 'Session',
  rosterBooking: 'Booking', rosterNote: 'Note', rosterAdd: 'Assign', rosterRemove: 'Remove', rosterWholeDay: 'All day', rosterNoBooking: 'None',
  rosterRole_window: 'Window', 'rosterRole_back-office': 'Back office', rosterRole_lead: 'Duty lead', rosterPrint: 'Print the roster', rosterAdded: '{name} assigned',
};
