import type { PrinterFault } from './types.js';

/** Chinese messages shown to the admin (and on the kiosk when a ticket could not be printed). */
export const FAULT_MESSAGES: Record<PrinterFault, string> = {
  'paper-out': '打印机缺纸，请更换纸卷',
  'cover-open': '打印机上盖未关闭',
  offline: '打印机离线',
  timeout: '打印机无响应',
  error: '打印机故障',
};

/** A failure with a fault class; `detail` is for logs (English, no personal data). */
export class PrinterError extends Error {
  constructor(
    readonly fault: PrinterFault,
    readonly detail: string,
  ) {
    super(`${FAULT_MESSAGES[fault]} (${detail})`);
    this.name = 'PrinterError';
  }
}

/** Maps anything thrown by a link or the library to a PrinterError; programming errors stay 'error'. */
export function toPrinterError(err: unknown): PrinterError {
  if (err instanceof PrinterError) return err;
  const detail = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'ECONNREFUSED' || code === 'EHOSTUNREACH' || code === 'ENOENT' || code === 'ECONNRESET' || code === 'EPIPE') {
    return new PrinterError('offline', detail);
  }
  if (code === 'ETIMEDOUT') return new PrinterError('timeout', detail);
  return new PrinterError('error', detail);
}
