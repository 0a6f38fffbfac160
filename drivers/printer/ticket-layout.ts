/**
 * The ticket of CONTRACT.md "Thermal ticket" as ESC/POS bytes, built on node-thermal-printer's
 * buffer with its traps avoided:
 * - its CHINA character set sends ESC R 15 (an international character set, not Chinese mode) and
 *   encodes EUC-CN (GB2312): we send FS & ourselves and append text encoded GB18030 by iconv-lite;
 * - its `print` folds by string length: we fold by printed columns (Hanzi = 2) and append directly;
 * - its `printQR` counts UTF-16 units but writes UTF-8 bytes: QR payloads must be ASCII, checked here.
 */
import iconv from 'iconv-lite';
import { ThermalPrinter, PrinterTypes, BreakLine } from 'node-thermal-printer';
import { FS_CHINESE_ON, ESC_INIT, gsSize } from './escpos-commands.js';
import { columns, fold } from './text-columns.js';
import type { PaperWidth, TicketPrintJob } from './types.js';

/** Characters per line at font A (12 dots): 58 mm paper prints 384 dots, 80 mm prints 576. */
export const COLUMNS: Record<PaperWidth, number> = { 58: 32, 80: 48 };
/** QR module size in dots: about 2/5 and 2/5 of the printable width for a ~40-character URL. */
const QR_CELL: Record<PaperWidth, number> = { 58: 5, 80: 7 };
const ASCII_PRINTABLE = /^[\x20-\x7e]+$/;
/** An 18-character ID number or an 11-digit mobile number must never reach paper. */
const PERSONAL_DATA = /\d{17}[\dXx]|(?<!\d)1[3-9]\d{9}(?!\d)/;

export function renderTicketBytes(job: TicketPrintJob, paperWidth: PaperWidth): Buffer {
  checkJob(job);
  const cols = COLUMNS[paperWidth];
  const p = new ThermalPrinter({ type: PrinterTypes.EPSON, width: cols, breakLine: BreakLine.NONE } as ConstructorParameters<typeof ThermalPrinter>[0]);
  const text = (s: string) => p.append(iconv.encode(s, 'gb18030'));
  const line = (s: string) => {
    text(s);
    p.newLine();
  };
  /** Prints `s` at `size`× width if it fits the line at that size, else at the widest size that does. */
  const sized = (s: string, size: number, height: number) => {
    let w = size;
    while (w > 1 && columns(s) * w > cols) w--;
    p.append(gsSize(w, height));
    for (const l of fold(s, Math.floor(cols / w))) line(l);
  };

  p.append(ESC_INIT);
  p.append(FS_CHINESE_ON);
  p.alignCenter();
  p.bold(true);
  sized(job.hallName, 2, 2);
  p.bold(false);
  p.append(gsSize(1, 1));
  line('-'.repeat(cols));

  if (job.kind === 'reservation') {
    p.invert(true);
    sized(job.slot ? ` 预约 ${job.slot} ` : ' 预约 ', 2, 2);
    p.invert(false);
  }
  sized(job.ticketNumber, paperWidth === 80 ? 5 : 4, paperWidth === 80 ? 5 : 4);
  p.bold(true);
  sized(job.serviceName, 2, 2);
  p.bold(false);
  p.append(gsSize(1, 1));
  if (job.windows?.length) {
    p.bold(true);
    for (const l of fold(windowsLine(job.windows), cols)) line(l);
    p.bold(false);
  }
  line(`您前面还有 ${job.waitingAhead} 人等候`);
  if (job.materials?.length) for (const l of fold(materialsLine(job.materials), cols)) line(l);
  line(`取号时间 ${wallClock(job.issuedAt)}`);
  p.newLine();

  p.printQR(job.statusUrl, { cellSize: QR_CELL[paperWidth], correction: 'M', model: 2 });
  p.newLine();
  line('扫码查看排队进度');
  line('-'.repeat(cols));
  p.alignLeft();
  for (const notice of job.notices) for (const l of fold(notice, cols)) line(l);
  p.cut();
  return Buffer.from(p.getBuffer());
}

/** ['身份证', '营业执照'] → '请携带：身份证、营业执照' (the kiosk's ticket screen lists the same) */
export function materialsLine(materials: string[]): string {
  return `请携带：${materials.join('、')}`;
}

/** [4, 5] → '办理窗口：4号、5号' (the kiosk screen says the same) */
export function windowsLine(numbers: number[]): string {
  return `办理窗口：${numbers.map((n) => `${n}号`).join('、')}`;
}

/** '2026-11-23T09:12:34+08:00' → '2026-11-23 09:12', the wall-clock time where the ticket was issued. */
export function wallClock(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`issuedAt must be ISO 8601 with offset, got ${JSON.stringify(iso)}`);
  return `${m[1]} ${m[2]}`;
}

function checkJob(job: TicketPrintJob): void {
  if (!ASCII_PRINTABLE.test(job.statusUrl)) throw new RangeError('statusUrl must be printable ASCII (QR payload)');
  if (job.slot !== undefined && !/^\d{2}:\d{2}$/.test(job.slot)) throw new RangeError('slot must be HH:MM');
  if (!Number.isInteger(job.waitingAhead) || job.waitingAhead < 0) throw new RangeError('waitingAhead must be a count');
  if (!/^[\x21-\x7e]{1,8}$/.test(job.ticketNumber)) throw new RangeError('ticketNumber must be short ASCII');
  for (const s of [job.hallName, job.serviceName, ...job.notices]) {
    if (PERSONAL_DATA.test(s)) throw new RangeError('ticket text looks like an ID or phone number');
  }
}
