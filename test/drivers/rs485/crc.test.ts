import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRequire } from 'node:module';
import { crc16modbus, crcOk, withCrc } from '../../../drivers/rs485/crc.js';

// modbus-serial's own CRC routine: an implementation we did not write
const require = createRequire(import.meta.url);
const theirCrc16 = require('modbus-serial/utils/crc16') as (buf: Buffer) => number;

describe('crc16modbus', () => {
  it('gives the catalogued check value 0x4B37 for "123456789"', () => {
    expect(crc16modbus(Buffer.from('123456789', 'ascii'))).toBe(0x4b37);
  });

  it('matches the Modbus spec example frames (low byte first on the wire)', () => {
    expect(withCrc(Buffer.from('110400080001', 'hex')).toString('hex')).toBe('110400080001b298');
    expect(withCrc(Buffer.from('010300000001', 'hex')).toString('hex')).toBe('010300000001840a');
    expect(withCrc(Buffer.from('1110000100020400' + '0a0102', 'hex')).toString('hex')).toBe('11100001000204000a0102c6f0');
  });

  it('agrees with modbus-serial for any bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 256 }), (bytes) => {
      expect(crc16modbus(bytes)).toBe(theirCrc16(Buffer.from(bytes)));
    }));
  });

  it('crcOk accepts a framed buffer and rejects one with a flipped bit', () => {
    const frame = withCrc(Buffer.from('0510000000010200ff', 'hex'));
    expect(crcOk(frame)).toBe(true);
    frame[3] ^= 0x10;
    expect(crcOk(frame)).toBe(false);
  });
});
