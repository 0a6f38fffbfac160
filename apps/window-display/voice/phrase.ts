/**
 * What a call says, as a list of clip names: chime + "请 A012 号 到 5 号窗口办理".
 * The ticket number is read character by character (A 零 一 二), as halls do so "012" is not
 * mistaken for "twelve"; the window number is read as a number (5 五, 12 十二, 48 四十八).
 */
import { CHIME } from './clip-texts.js';

const digit = (n: number) => `d${n}`;

/** "A012" → ['A', 'd0', 'd1', 'd2']; characters without a clip are skipped */
export function ticketClips(number: string): string[] {
  return [...number.toUpperCase()].flatMap((c) => (/[A-Z]/.test(c) ? [c] : /[0-9]/.test(c) ? [digit(Number(c))] : []));
}

/** A number as Mandarin reads it: 0–999 as a cardinal (十, 百), larger ones digit by digit. */
export function cardinalClips(n: number): string[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`not a window number: ${n}`);
  if (n >= 1000) return [...String(n)].map((c) => digit(Number(c)));
  if (n < 10) return [digit(n)];
  if (n < 20) return ['shi', ...(n % 10 ? [digit(n % 10)] : [])];
  if (n < 100) return [digit(Math.floor(n / 10)), 'shi', ...(n % 10 ? [digit(n % 10)] : [])];
  const h = Math.floor(n / 100);
  const rest = n % 100;
  const head = [digit(h), 'bai'];
  if (rest === 0) return head;
  if (rest < 10) return [...head, 'd0', digit(rest)];
  // 110 is 一百一十, not 一百十
  if (rest < 20) return [...head, 'd1', ...cardinalClips(rest)];
  return [...head, ...cardinalClips(rest)];
}

export function callClips(call: { ticketNumber: string; windowNumber: number }): string[] {
  return [CHIME, 'qing', ...ticketClips(call.ticketNumber), 'hao', 'dao', ...cardinalClips(call.windowNumber), 'hao', 'chuangkou', 'banli'];
}
