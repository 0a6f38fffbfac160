import { describe, expect, it } from 'vitest';
import { DuplicateFilter, LineSplitter, isPrintableAscii } from '../../../drivers/scanner/lines.js';

function split(chunks: string[], max = 512) {
  const lines: string[] = [];
  const overflows: number[] = [];
  const s = new LineSplitter((l) => lines.push(l), (n) => overflows.push(n), max);
  for (const c of chunks) s.push(Buffer.from(c, 'latin1'));
  return { lines, overflows };
}

describe('LineSplitter', () => {
  it('splits on CR, LF and CR LF alike, across chunk boundaries', () => {
    const { lines } = split(['HQ1.a', 'bc\r\nHQ1.def\r', 'HQ1.ghi\nHQ', '1.j\r', '\n']);
    expect(lines.filter(Boolean)).toEqual(['HQ1.abc', 'HQ1.def', 'HQ1.ghi', 'HQ1.j']);
  });

  it('keeps an unterminated code until its terminator arrives', () => {
    expect(split(['HQ1.abc']).lines).toEqual([]);
  });

  it('discards an over-long line and resumes after its terminator', () => {
    const { lines, overflows } = split(['x'.repeat(20) + '\r\nok\r\n'], 10);
    expect(overflows).toHaveLength(1);
    expect(lines.filter(Boolean)).toEqual(['ok']);
  });
});

describe('isPrintableAscii', () => {
  it('accepts a booking code and refuses control or high bytes', () => {
    expect(isPrintableAscii('HQ1.b_123.Ab-9_x')).toBe(true);
    expect(isPrintableAscii('abc\u0007')).toBe(false);
    expect(isPrintableAscii('caf\u00e9')).toBe(false);
  });
});

describe('DuplicateFilter', () => {
  it('drops a repeat within the window and accepts it after a quiet second', () => {
    const f = new DuplicateFilter(1000);
    expect(f.accept('A', 0)).toBe(true);
    expect(f.accept('A', 400)).toBe(false);
    expect(f.accept('A', 1300)).toBe(false); // held under the scanner: still the same scan
    expect(f.accept('A', 2400)).toBe(true);
  });

  it('accepts a different code at once', () => {
    const f = new DuplicateFilter(1000);
    expect(f.accept('A', 0)).toBe(true);
    expect(f.accept('B', 10)).toBe(true);
    expect(f.accept('A', 20)).toBe(true);
  });
});
