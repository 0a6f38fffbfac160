import { describe, expect, it } from 'vitest';
import {
  encodeException, encodeReadRegisters, encodeReadReply, encodeWriteEcho, encodeWriteRegisters,
  FN_READ_INPUT, parseReply, parseRequest, replyLength, requestLength,
} from '../../../drivers/rs485/frame.js';
import { ModbusFrameError } from '../../../drivers/rs485/errors.js';

describe('RTU frame encoding', () => {
  it('encodes 0x10 write multiple registers as in the Modbus spec example', () => {
    expect(encodeWriteRegisters(0x11, 1, [0x000a, 0x0102]).toString('hex')).toBe('11100001000204000a0102c6f0');
  });

  it('encodes 0x04 read input registers as in the Modbus spec example', () => {
    expect(encodeReadRegisters(FN_READ_INPUT, 0x11, 8, 1).toString('hex')).toBe('110400080001b298');
  });

  it('takes a Buffer as big-endian register bytes unchanged', () => {
    const frame = encodeWriteRegisters(5, 0x10, Buffer.from([0xc7, 0xeb, 0x41, 0x00]));
    expect(frame.subarray(0, 11).toString('hex')).toBe('0510001000020' + '4c7eb4100');
  });

  it('refuses more than 123 registers, odd byte counts and addresses beyond 247', () => {
    expect(() => encodeWriteRegisters(1, 0, new Array(124).fill(0))).toThrow(RangeError);
    expect(() => encodeWriteRegisters(1, 0, Buffer.alloc(3))).toThrow(RangeError);
    expect(() => encodeWriteRegisters(248, 0, [1])).toThrow(RangeError);
    expect(() => encodeReadRegisters(FN_READ_INPUT, 0, 0, 1)).toThrow(RangeError);
    expect(encodeWriteRegisters(1, 0, new Array(123).fill(0)).length).toBe(9 + 246);
  });
});

describe('RTU frame parsing', () => {
  it('parses a write request back to its registers', () => {
    const frame = encodeWriteRegisters(7, 0x50, [0xbcb4, 0x3500]);
    expect(requestLength(frame)).toBe(frame.length);
    expect(parseRequest(frame)).toEqual({ fn: 0x10, address: 7, start: 0x50, values: [0xbcb4, 0x3500] });
  });

  it('parses the write echo, a read reply and an exception reply', () => {
    const echo = encodeWriteEcho(7, 0x10, 64);
    expect(replyLength(echo, 0x10)).toBe(8);
    expect(parseReply(echo)).toEqual({ kind: 'write', address: 7, fn: 0x10, start: 0x10, count: 64 });

    const read = encodeReadReply(105, FN_READ_INPUT, [3, 1]);
    expect(read.toString('hex').slice(0, 14)).toBe('69040400030001');
    expect(replyLength(read.subarray(0, 3), FN_READ_INPUT)).toBe(9);
    expect(parseReply(read)).toEqual({ kind: 'read', address: 105, fn: 4, values: [3, 1] });

    const ex = encodeException(7, 0x10, 2);
    expect(ex.subarray(0, 3).toString('hex')).toBe('079002');
    expect(replyLength(ex, 0x10)).toBe(5);
    expect(parseReply(ex)).toEqual({ kind: 'exception', address: 7, fn: 0x10, code: 2 });
  });

  it('needs the header before it can tell a length', () => {
    expect(requestLength(Buffer.from([1]))).toBeUndefined();
    expect(requestLength(Buffer.from([1, 0x10, 0, 0, 0]))).toBeUndefined();
    expect(replyLength(Buffer.from([1, 0x04]), 0x04)).toBeUndefined();
  });

  it('rejects a request whose byte count disagrees with its register count', () => {
    const frame = encodeWriteRegisters(1, 0, [1, 2]);
    frame[5] = 3; // claims 3 registers, carries 2 — CRC is then wrong too
    expect(() => parseRequest(frame)).toThrow(ModbusFrameError);
  });
});
