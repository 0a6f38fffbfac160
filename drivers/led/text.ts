/**
 * Screen text: GB18030 (iconv-lite), NUL-padded to a 128-byte line area, 2 bytes a register,
 * high byte first. Too-long text is cut at a character boundary, never inside a character.
 */
import iconv from 'iconv-lite';
import { LINE_REGISTERS } from './registers.js';

const LINE_BYTES = LINE_REGISTERS * 2;

export function encodeLine(text: string): Buffer {
  const out = Buffer.alloc(LINE_BYTES); // zero-filled: the NUL padding
  let used = 0;
  for (const ch of text) {
    const bytes = iconv.encode(ch, 'gb18030');
    if (used + bytes.length > LINE_BYTES) break;
    bytes.copy(out, used);
    used += bytes.length;
  }
  return out;
}

/** Text of a line area: the bytes before the first NUL, decoded from GB18030. */
export function decodeLine(bytes: Buffer): string {
  const end = bytes.indexOf(0);
  return iconv.decode(end >= 0 ? bytes.subarray(0, end) : bytes, 'gb18030');
}
