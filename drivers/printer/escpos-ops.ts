/** One decoded ESC/POS command, as the decoder reports it and the renderer and tests consume it. */
export type EscPosOp =
  | { op: 'init' }
  | { op: 'chinese'; on: boolean }
  | { op: 'text'; text: string }
  | { op: 'lf' }
  | { op: 'cr' }
  | { op: 'feed'; lines: number }
  | { op: 'feed-dots'; dots: number }
  | { op: 'align'; align: 'left' | 'center' | 'right' }
  | { op: 'bold'; on: boolean }
  | { op: 'underline'; dots: number }
  | { op: 'invert'; on: boolean }
  | { op: 'font'; font: 'A' | 'B' }
  | { op: 'print-mode'; fontB: boolean; bold: boolean; doubleHeight: boolean; doubleWidth: boolean; underline: boolean }
  | { op: 'size'; width: number; height: number }
  | { op: 'line-spacing'; dots: number | null }
  | { op: 'code-page'; n: number }
  | { op: 'intl-charset'; n: number }
  | { op: 'qr-model'; model: number }
  | { op: 'qr-cell'; dots: number }
  | { op: 'qr-ec'; level: 'L' | 'M' | 'Q' | 'H' }
  | { op: 'qr-store'; data: string; bytes: number[] }
  | { op: 'qr-print' }
  | { op: 'cut'; partial: boolean }
  | { op: 'status-request'; n: number }
  | { op: 'paper-status-request'; n: number }
  | { op: 'clear-buffer' }
  | { op: 'unknown'; bytes: number[] };

/** The printed text of a job: text ops joined, line feeds as '\n'. */
export function opsText(ops: EscPosOp[]): string {
  let s = '';
  for (const o of ops) {
    if (o.op === 'text') s += o.text;
    else if (o.op === 'lf') s += '\n';
  }
  return s;
}
