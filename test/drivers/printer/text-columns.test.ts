import { describe, expect, it } from 'vitest';
import { columns, fold } from '../../../drivers/printer/text-columns.js';

describe('text columns', () => {
  it('counts a Hanzi as two columns and ASCII as one', () => {
    expect(columns('A012')).toBe(4);
    expect(columns('预约 09:30')).toBe(10);
    expect(columns('𠀀')).toBe(2);
  });

  it('folds Hanzi text at the printed width, not the string length', () => {
    const lines = fold('请保管好您的号票，叫号时请到对应窗口办理业务', 32);
    expect(lines).toEqual(['请保管好您的号票，叫号时请到对应', '窗口办理业务']);
    for (const l of lines) expect(columns(l)).toBeLessThanOrEqual(32);
  });

  it('never splits a Hanzi when one column is left on the line', () => {
    expect(fold('a预约', 2)).toEqual(['a', '预', '约']);
  });
});
