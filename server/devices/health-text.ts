/**
 * The reasons shown with a device's health (the admin's 设备 page), Chinese first; the driver's own
 * words (English, from the OS or the driver) follow in brackets for whoever fixes the wiring.
 */
export const HEALTH_TEXT = {
  notOpened: '尚未连接（not opened yet）',
  busDown: '所在总线未连接（bus down）',
  /** the bus a screen or panel hangs on went down */
  onBus: (bus: string, reason: string) => `所在总线 ${bus} 断开：${reason}`,
  /** a port closed or could not be opened: a cable, a path, a driver */
  linkDown: (reason: string) => `连接断开（${reason}）`,
  /** a screen answered nothing or refused a write */
  writeFailed: (reason: string) => `写入失败（${reason}）`,
  /** a panel stopped answering its poll */
  noAnswer: (reason?: string) => (reason ? `无应答（${reason}）` : '无应答'),
} as const;
