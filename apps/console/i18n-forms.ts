/** The console's words for the printable forms and today's duty roster (issue 19), merged into ./i18n.ts. */
export const FORMS_ZH = {
  formsTitle: '表单打印', formsHint: '交办单、上岗表在新页面打开，按 A4 打印；本人窗口的预约显示完整电话，查看留痕。',
  openHandover: '打开交办单', openDuty: '打开上岗表', formsDept: '填报科室',
  rosterTitle: '今日上岗表', rosterNone: '今日没有安排上岗人员', rosterNotExtended: '今日不是延时服务日', rosterRefresh: '刷新',
  rosterLead: '带班人员', rosterRole_window: '窗口人员', 'rosterRole_back-office': '后台人员', rosterRole_lead: '带班人员',
  rosterWholeDay: '全天', rosterPhone: '电话', rosterBooking: '预约', rosterSession: '时段', rosterName: '姓名', rosterRole: '岗位', rosterNote: '备注',
  rosterEdit: '编辑上岗表', rosterDate: '服务日期', rosterStaff: '人员', rosterAdd: '安排', rosterRemove: '移除', rosterNoBooking: '不指定',
  rosterAdded: '已安排 {name}', rosterOf: '上岗表',
} as const;

export const FORMS_EN: Record<keyof typeof FORMS_ZH, string> = {
  formsTitle: 'Printable forms', formsHint: 'Handover sheets and the duty roster open in a new page for A4 printing; your own windows\' bookings show the full phone, and the view is logged.',
  openHandover: 'Open handover sheet', openDuty: 'Open duty roster', formsDept: 'Department',
  rosterTitle: 'Today\'s duty roster', rosterNone: 'Nobody is on the roster today', rosterNotExtended: 'Today is not an extended-service day', rosterRefresh: 'Refresh',
  rosterLead: 'Duty lead', rosterRole_window: 'Window', 'rosterRole_back-office': 'Back office', rosterRole_lead: 'Duty lead',
  rosterWholeDay: 'All day', rosterPhone: 'Phone', rosterBooking: 'Booking', rosterSession: 'Session', rosterName: 'Name', rosterRole: 'Role', rosterNote: 'Note',
  rosterEdit: 'Edit the roster', rosterDate: 'Service date', rosterStaff: 'Staff', rosterAdd: 'Assign', rosterRemove: 'Remove', rosterNoBooking: 'None',
  rosterAdded: '{name} assigned', rosterOf: 'Duty roster',
};
