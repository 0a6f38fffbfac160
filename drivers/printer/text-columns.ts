/**
 * Column arithmetic as the printer does it in Chinese mode: a character encoded as one byte
 * (ASCII) takes one column of font A (12 dots), a multi-byte GB18030 character takes two (24 dots).
 * node-thermal-printer counts string length instead, which overflows lines holding Hanzi.
 */

export function charColumns(ch: string): 1 | 2 {
  return ch.codePointAt(0)! < 0x80 ? 1 : 2;
}

export function columns(text: string): number {
  let n = 0;
  for (const ch of text) n += charColumns(ch);
  return n;
}

/** Splits text into lines of at most `width` columns; never splits a character; keeps explicit newlines. */
export function fold(text: string, width: number): string[] {
  if (width < 2) throw new RangeError(`fold width ${width} cannot hold a Hanzi`);
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    let used = 0;
    for (const ch of para) {
      const w = charColumns(ch);
      if (used + w > width) {
        out.push(line);
        line = '';
        used = 0;
      }
      line += ch;
      used += w;
    }
    out.push(line);
  }
  return out;
}
