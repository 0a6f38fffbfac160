/**
 * The 256-byte text block of a resident ID card (second generation), as returned by SAM command
 * 30 01 after the text/photo length words. UCS-2 little-endian, each field padded with spaces
 * (20 00) to its fixed size. Layout (bytes): name 30, gender 2, ethnicity 4, birth 16 (YYYYMMDD),
 * address 70, ID number 36, issuing authority 30, valid from 16, valid to 16 (YYYYMMDD or 长期),
 * reserved 36 — see eastcoms.com "身份证阅读器SAM模块身份证信息解析说明".
 */
import { idCheckChar, isValidIdNumber } from '../../protocol/identity.js';
import { ethnicityName } from './ethnicity.js';

export const TEXT_BYTES = 256;

const FIELDS = [
  ['name', 30],
  ['gender', 2],
  ['ethnicity', 4],
  ['birth', 16],
  ['address', 70],
  ['idNumber', 36],
  ['authority', 30],
  ['validFrom', 16],
  ['validTo', 16],
  ['reserved', 36],
] as const;

type FieldName = (typeof FIELDS)[number][0];
export type RawIdText = Record<FieldName, string>;

/** What the card says. Personal data: never log it; mask with protocol/identity.ts. */
export interface IdCardInfo {
  name: string;
  gender: 'male' | 'female' | 'unknown';
  /** GB/T 3304 code, e.g. "01" */
  ethnicityCode: string;
  /** e.g. "汉" */
  ethnicity: string;
  /** YYYY-MM-DD */
  birth: string;
  address: string;
  idNumber: string;
  authority: string;
  /** YYYY-MM-DD */
  validFrom: string;
  /** YYYY-MM-DD, or "长期" (no expiry) */
  validTo: string;
}

export function decodeRawText(block: Buffer): RawIdText {
  if (block.length < TEXT_BYTES) throw new Error(`ID text block of ${block.length} bytes, expected ${TEXT_BYTES}`);
  const out = {} as RawIdText;
  let at = 0;
  for (const [field, size] of FIELDS) {
    out[field] = block.toString('utf16le', at, at + size).replace(/[\s\u0000]+$/u, '').trim();
    at += size;
  }
  return out;
}

function isoDate(yyyymmdd: string): string {
  return /^\d{8}$/.test(yyyymmdd) ? `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6)}` : yyyymmdd;
}

export function parseIdText(block: Buffer): IdCardInfo {
  const raw = decodeRawText(block);
  return {
    name: raw.name,
    gender: raw.gender === '1' ? 'male' : raw.gender === '2' ? 'female' : 'unknown',
    ethnicityCode: raw.ethnicity,
    ethnicity: ethnicityName(raw.ethnicity),
    birth: isoDate(raw.birth),
    address: raw.address,
    idNumber: raw.idNumber.toUpperCase(),
    authority: raw.authority,
    validFrom: isoDate(raw.validFrom),
    validTo: isoDate(raw.validTo),
  };
}

export type CardProblem = 'bad-id-number' | 'birth-mismatch';

/**
 * A card whose ID number fails GB 11643 (or disagrees with its own birth date) is a misread or
 * a forgery: never check anyone in with it.
 */
export function checkCard(info: IdCardInfo): CardProblem | null {
  if (!isValidIdNumber(info.idNumber)) return 'bad-id-number';
  const birthDigits = info.birth.replaceAll('-', '');
  if (/^\d{8}$/.test(birthDigits) && info.idNumber.slice(6, 14) !== birthDigits) return 'birth-mismatch';
  return null;
}

function field(text: string, size: number): Buffer {
  const out = Buffer.alloc(size);
  for (let i = 0; i < size; i += 2) out.writeUInt16LE(0x20, i);
  Buffer.from(text, 'utf16le').copy(out, 0, 0, size);
  return out;
}

/** The inverse of parseIdText, for simulators and tests. */
export function encodeIdText(info: IdCardInfo): Buffer {
  const raw: RawIdText = {
    name: info.name,
    gender: info.gender === 'male' ? '1' : info.gender === 'female' ? '2' : '0',
    ethnicity: info.ethnicityCode,
    birth: info.birth.replaceAll('-', ''),
    address: info.address,
    idNumber: info.idNumber,
    authority: info.authority,
    validFrom: info.validFrom.replaceAll('-', ''),
    validTo: info.validTo.replaceAll('-', ''),
    reserved: '',
  };
  return Buffer.concat(FIELDS.map(([name, size]) => field(raw[name], size)));
}

/** A made-up but well-formed card for demos and tests (the ID number's check digit is computed). */
export function sampleCard(overrides: Partial<IdCardInfo> = {}): IdCardInfo {
  const first17 = '61100219900307124';
  return {
    name: '张晓梅',
    gender: 'female',
    ethnicityCode: '01',
    ethnicity: '汉',
    birth: '1990-03-07',
    address: '陕西省商洛市商州区北新街12号',
    idNumber: first17 + idCheckChar(first17),
    authority: '商洛市公安局商州分局',
    validFrom: '2015-06-01',
    validTo: '2035-06-01',
    ...overrides,
  };
}
