import { describe, expect, it } from 'vitest';
import { idCheckChar } from '../../../protocol/identity.js';
import { ethnicityName } from '../../../drivers/idcard/ethnicity.js';
import { checkCard, encodeIdText, parseIdText, sampleCard } from '../../../drivers/idcard/text.js';

/** Builds a text block by hand (UCS-2 LE, space padded), independent of encodeIdText. */
function block(fields: [string, number][]): Buffer {
  return Buffer.concat(
    fields.map(([text, size]) => {
      const b = Buffer.from(text.padEnd(size / 2, ' '), 'utf16le');
      expect(b.length).toBe(size);
      return b;
    }),
  );
}

const first17 = '11010519491231002';
const id = first17 + idCheckChar(first17); // 11010519491231002X
const sample = block([
  ['王美娜', 30],
  ['2', 2],
  ['01', 4],
  ['19491231', 16],
  ['北京市朝阳区某某路1号院2号楼', 70],
  [id, 36],
  ['北京市公安局朝阳分局', 30],
  ['20100101', 16],
  ['长期', 16],
  ['', 36],
]);

describe('ID card text block', () => {
  it('stores the name as UCS-2 little-endian (王 = 8B 73)', () => {
    expect(sample.length).toBe(256);
    expect(sample.subarray(0, 6)).toEqual(Buffer.from([0x8b, 0x73, 0x8e, 0x7f, 0x1c, 0x5a]));
  });

  it('parses every field of a card with a Chinese name and a no-expiry validity', () => {
    expect(parseIdText(sample)).toEqual({
      name: '王美娜',
      gender: 'female',
      ethnicityCode: '01',
      ethnicity: '汉',
      birth: '1949-12-31',
      address: '北京市朝阳区某某路1号院2号楼',
      idNumber: id,
      authority: '北京市公安局朝阳分局',
      validFrom: '2010-01-01',
      validTo: '长期',
    });
    expect(checkCard(parseIdText(sample))).toBeNull();
  });

  it('round-trips through encodeIdText', () => {
    const card = sampleCard();
    expect(parseIdText(encodeIdText(card))).toEqual(card);
    expect(checkCard(card)).toBeNull();
  });

  it('refuses an ID number whose GB 11643 check digit is wrong', () => {
    const wrong = first17 + (idCheckChar(first17) === '1' ? '2' : '1');
    expect(checkCard(sampleCard({ idNumber: wrong, birth: '1949-12-31' }))).toBe('bad-id-number');
  });

  it('refuses a card whose birth date disagrees with its ID number', () => {
    expect(checkCard(sampleCard({ birth: '1990-03-08' }))).toBe('birth-mismatch');
  });

  it('rejects a block shorter than 256 bytes', () => {
    expect(() => parseIdText(Buffer.alloc(100))).toThrow(/256/);
  });

  it('names ethnicity codes and leaves unknown codes as they are', () => {
    expect(ethnicityName('01')).toBe('汉');
    expect(ethnicityName('56')).toBe('基诺');
    expect(ethnicityName('98')).toBe('外国血统中国籍人士');
    expect(ethnicityName('77')).toBe('77');
  });
});
