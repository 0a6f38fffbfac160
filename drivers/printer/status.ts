/**
 * Printer status from the three real-time replies an Epson TM printer gives (ESC/POS DLE EOT):
 * n=1 printer (bit 3 offline), n=2 offline cause (bit 2 cover open, bit 5 stopped by paper end,
 * bit 6 error), n=4 roll paper sensor (bits 2-3 near end, bits 5-6 paper end). Every reply has
 * bits 1 and 4 set and bits 0 and 7 clear; a byte that does not is not a status reply.
 */
import { isRealtimeStatusByte } from './escpos-commands.js';
import { PrinterError } from './errors.js';
import type { PrinterFault, PrinterStatus } from './types.js';

export interface StatusReplies {
  printer: number;
  offlineCause: number;
  paper: number;
}

export function parseStatus(r: StatusReplies): PrinterStatus {
  for (const [name, b] of Object.entries(r)) {
    if (!isRealtimeStatusByte(b)) throw new PrinterError('error', `DLE EOT ${name} reply 0x${b.toString(16)} is not a status byte`);
  }
  return {
    online: (r.printer & 0x08) === 0,
    coverOpen: (r.offlineCause & 0x04) !== 0,
    paperOut: (r.paper & 0x60) !== 0 || (r.offlineCause & 0x20) !== 0,
    paperNearEnd: (r.paper & 0x0c) !== 0,
  };
}

/** The fault that stops printing, most specific first; near end alone is a warning, not a fault. */
export function faultOf(s: PrinterStatus, offlineCause?: number): PrinterFault | null {
  if (s.paperOut) return 'paper-out';
  if (s.coverOpen) return 'cover-open';
  if (offlineCause !== undefined && (offlineCause & 0x40) !== 0) return 'error';
  if (!s.online) return 'offline';
  return null;
}

/** GS r 1 reply (bit 4 clear): bits 2-3 set when the roll is out. */
export function paperReplyIsOut(b: number): boolean {
  return (b & 0x0c) !== 0;
}
