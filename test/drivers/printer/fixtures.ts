import type { TicketPrintJob } from '../../../drivers/printer/types.js';

export const reservationJob: TicketPrintJob = {
  hallName: '商洛市政务服务中心',
  ticketNumber: 'A012',
  kind: 'reservation',
  serviceName: '不动产登记',
  slot: '09:30',
  waitingAhead: 3,
  issuedAt: '2026-11-23T09:12:45+08:00',
  statusUrl: 'http://127.0.0.1:8080/t/5b1e0c2a',
  notices: ['过号请重新取号', '请保管好您的号票，叫号时请到对应窗口办理业务，谢谢合作'],
};

export const walkInJob: TicketPrintJob = {
  hallName: '商洛市政务服务中心',
  ticketNumber: 'B007',
  kind: 'walk-in',
  serviceName: '社会保障卡补办',
  waitingAhead: 12,
  issuedAt: '2026-11-23T14:05:00+08:00',
  statusUrl: 'http://127.0.0.1:8080/t/77aa01ff',
  notices: ['过号请重新取号'],
};
