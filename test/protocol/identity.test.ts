import { describe, expect, it } from 'vitest';
import {
  idCheckChar, isValidIdNumber, isValidMobile, maskIdNumber, maskName, maskPhone, normalizeIdNumber,
} from '../../protocol/identity.js';

// GB 11643-1999: check character = "10X98765432"[Σ(digit·weight) mod 11]
describe('GB 11643 ID numbers (seed 002 实名预约)', () => {
  it('computes the published check character of the standard example 11010519491231002X', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
  });

  it('accepts a lower-case x check character and normalizes it to upper case', () => {
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
    expect(normalizeIdNumber(' 11010519491231002x ')).toBe('11010519491231002X');
  });

  it('refuses a number whose check character is wrong', () => {
    expect(isValidIdNumber('110105194912310021')).toBe(false);
  });

  it('refuses a single changed digit (the checksum catches it)', () => {
    expect(isValidIdNumber('11010519491231003X')).toBe(false);
  });

  it('refuses an impossible birth date even with a matching check character', () => {
    const first17 = '11010519490231002'; // 31 February
    expect(isValidIdNumber(first17 + idCheckChar(first17))).toBe(false);
    const old = '11010518991231002'; // born before 1900
    expect(isValidIdNumber(old + idCheckChar(old))).toBe(false);
  });

  it('refuses wrong lengths and non-digits', () => {
    expect(isValidIdNumber('')).toBe(false);
    expect(isValidIdNumber('1101051949123100')).toBe(false);
    expect(isValidIdNumber('11010519491231002X1')).toBe(false);
    expect(isValidIdNumber('1101051949123100AX')).toBe(false);
    expect(normalizeIdNumber('abc')).toBeNull();
  });

  it('accepts a leap-day birth date only in a leap year', () => {
    const leap = '11010520000229001';
    expect(isValidIdNumber(leap + idCheckChar(leap))).toBe(true);
    const notLeap = '11010519990229001';
    expect(isValidIdNumber(notLeap + idCheckChar(notLeap))).toBe(false);
  });
});

describe('mobile numbers (seed 002: 手机号码)', () => {
  it('accepts 11 digits starting 13–19', () => {
    for (const p of ['13800138000', '15912345678', '19900000000']) expect(isValidMobile(p)).toBe(true);
  });
  it('refuses 12x prefixes, wrong lengths and letters', () => {
    for (const p of ['12800138000', '1380013800', '138001380001', '1380013800a', '+8613800138000']) expect(isValidMobile(p)).toBe(false);
  });
});

describe('masking (DESIGN.md Privacy)', () => {
  it('keeps the first and last four characters of an ID number', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });
  it('keeps the first three and last four digits of a phone', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
  it('keeps only the family name character', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('李')).toBe('*');
  });
  it('masks short values entirely rather than revealing them', () => {
    expect(maskIdNumber('1234567')).toBe('*******');
    expect(maskPhone('123456')).toBe('******');
  });
});
