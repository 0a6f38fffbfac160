/**
 * The thermal ticket printer family: what the device manager hands a printer, and what it gets back.
 * A ticket holds no personal data (CONTRACT.md "Thermal ticket"): number, service, times, a status URL.
 */

import type { TicketPrintJob } from '../../protocol/events.js';

/** what a ticket printer prints: defined in protocol/, since a kiosk's device agent receives it over the wire */
export type { TicketPrintJob };

export type PrinterFault = 'paper-out' | 'cover-open' | 'offline' | 'timeout' | 'error';

export interface PrinterStatus {
  online: boolean;
  paperOut: boolean;
  paperNearEnd: boolean;
  coverOpen: boolean;
}

export type PrintOutcome =
  | { ok: true; jobId: string }
  | { ok: false; jobId: string; fault: PrinterFault; /** Chinese, for the admin and the kiosk. */ message: string };

export interface FailedJob {
  jobId: string;
  job: TicketPrintJob;
  fault: PrinterFault;
}

export interface TicketPrinter {
  /** Queued per printer; checks status before sending and confirms the printer processed the job after. */
  print(job: TicketPrintJob): Promise<PrintOutcome>;
  /** A failed (or any kept) job again, under the same jobId. */
  reprint(jobId: string): Promise<PrintOutcome>;
  /** DLE EOT 1/2/4 with a timeout; rejects with a PrinterError('timeout') when the printer is silent. */
  status(): Promise<PrinterStatus>;
  failedJobs(): FailedJob[];
  close(): Promise<void>;
}

export type PaperWidth = 58 | 80;
