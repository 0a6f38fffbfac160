/**
 * Modbus RTU frames of the CONTRACT profile: 0x10 write multiple registers, 0x03/0x04 read
 * registers, and exception replies. Register values are big-endian; the CRC is little-endian.
 * Framing here is by length, computed from the header, so a reader never depends on line silence.
 */
import { crcOk, withCrc } from './crc.js';
import { ModbusFrameError } from './errors.js';

export const FN_READ_HOLDING = 0x03;
export const FN_READ_INPUT = 0x04;
export const FN_WRITE_MULTIPLE = 0x10;
/** Protocol limits (MODBUS Application Protocol §6.4, §6.12): a frame is at most 256 bytes. */
export const MAX_READ_REGISTERS = 125;
export const MAX_WRITE_REGISTERS = 123;
export const BROADCAST = 0;

export type ReadFn = typeof FN_READ_HOLDING | typeof FN_READ_INPUT;

export type Request =
  | { fn: typeof FN_WRITE_MULTIPLE; address: number; start: number; values: number[] }
  | { fn: ReadFn; address: number; start: number; count: number };

export type Reply =
  | { kind: 'write'; address: number; fn: typeof FN_WRITE_MULTIPLE; start: number; count: number }
  | { kind: 'read'; address: number; fn: ReadFn; values: number[] }
  | { kind: 'exception'; address: number; fn: number; code: number };

function checkAddress(address: number, allowBroadcast: boolean): void {
  const min = allowBroadcast ? 0 : 1;
  if (!Number.isInteger(address) || address < min || address > 247) {
    throw new RangeError(`Modbus address must be an integer ${min}–247, got ${address}`);
  }
}

function checkRegister(start: number, count: number, max: number): void {
  if (!Number.isInteger(start) || start < 0 || start > 0xffff) throw new RangeError(`register ${start} is not 0–65535`);
  if (!Number.isInteger(count) || count < 1 || count > max) throw new RangeError(`register count ${count} is not 1–${max}`);
  if (start + count > 0x10000) throw new RangeError(`registers ${start}+${count} run past 65535`);
}

/** Register values as big-endian bytes. A Buffer is taken as already big-endian register bytes. */
export function registerBytes(values: readonly number[] | Buffer): Buffer {
  if (Buffer.isBuffer(values)) {
    if (values.length % 2 !== 0) throw new RangeError(`register bytes must be even, got ${values.length}`);
    return values;
  }
  const out = Buffer.alloc(values.length * 2);
  values.forEach((v, i) => {
    if (!Number.isInteger(v) || v < 0 || v > 0xffff) throw new RangeError(`register value ${v} is not 0–65535`);
    out.writeUInt16BE(v, i * 2);
  });
  return out;
}

export function registersOf(bytes: Buffer): number[] {
  const out: number[] = [];
  for (let i = 0; i + 1 < bytes.length; i += 2) out.push(bytes.readUInt16BE(i));
  return out;
}

export function encodeWriteRegisters(address: number, start: number, values: readonly number[] | Buffer): Buffer {
  checkAddress(address, true);
  const data = registerBytes(values);
  checkRegister(start, data.length / 2, MAX_WRITE_REGISTERS);
  const body = Buffer.alloc(7 + data.length);
  body.writeUInt8(address, 0);
  body.writeUInt8(FN_WRITE_MULTIPLE, 1);
  body.writeUInt16BE(start, 2);
  body.writeUInt16BE(data.length / 2, 4);
  body.writeUInt8(data.length, 6);
  data.copy(body, 7);
  return withCrc(body);
}

export function encodeReadRegisters(fn: ReadFn, address: number, start: number, count: number): Buffer {
  checkAddress(address, false);
  checkRegister(start, count, MAX_READ_REGISTERS);
  return fixedFrame(address, fn, start, count);
}

export function encodeWriteEcho(address: number, start: number, count: number): Buffer {
  return fixedFrame(address, FN_WRITE_MULTIPLE, start, count);
}

/** The 8-byte frame shape shared by read requests and the write echo: address, fn, start, count. */
function fixedFrame(address: number, fn: number, start: number, count: number): Buffer {
  const body = Buffer.alloc(6);
  body.writeUInt8(address, 0);
  body.writeUInt8(fn, 1);
  body.writeUInt16BE(start, 2);
  body.writeUInt16BE(count, 4);
  return withCrc(body);
}

export function encodeReadReply(address: number, fn: ReadFn, values: readonly number[]): Buffer {
  const data = registerBytes(values);
  return withCrc(Buffer.concat([Buffer.from([address, fn, data.length]), data]));
}

export function encodeException(address: number, fn: number, code: number): Buffer {
  return withCrc(Buffer.from([address, (fn | 0x80) & 0xff, code]));
}

/**
 * Length of the request starting at buf[0], from its header; undefined while the header is
 * incomplete; null when the function is not one this profile carries.
 */
export function requestLength(buf: Uint8Array): number | null | undefined {
  if (buf.length < 2) return undefined;
  const fn = buf[1];
  if (fn === FN_READ_HOLDING || fn === FN_READ_INPUT || fn === 0x06 || fn === 0x05) return 8;
  if (fn === FN_WRITE_MULTIPLE) return buf.length < 7 ? undefined : 9 + buf[6];
  return null;
}

/** Length of a reply to `fn` starting at buf[0]; undefined while the header is incomplete. */
export function replyLength(buf: Uint8Array, fn: number): number | undefined {
  if (buf.length < 2) return undefined;
  if (buf[1] === ((fn | 0x80) & 0xff)) return 5;
  if (fn === FN_WRITE_MULTIPLE) return 8;
  return buf.length < 3 ? undefined : 5 + buf[2];
}

/** Parses one complete request frame (CRC checked by the caller with crcOk). */
export function parseRequest(frame: Buffer): Request {
  if (!crcOk(frame)) throw new ModbusFrameError('request CRC mismatch');
  const address = frame[0];
  const fn = frame[1];
  if (fn === FN_READ_HOLDING || fn === FN_READ_INPUT) {
    if (frame.length !== 8) throw new ModbusFrameError(`read request must be 8 bytes, got ${frame.length}`);
    return { fn, address, start: frame.readUInt16BE(2), count: frame.readUInt16BE(4) };
  }
  if (fn === FN_WRITE_MULTIPLE) {
    const count = frame.readUInt16BE(4);
    const byteCount = frame[6];
    if (byteCount !== count * 2 || frame.length !== 9 + byteCount) {
      throw new ModbusFrameError(`write request of ${count} registers has byte count ${byteCount}, length ${frame.length}`);
    }
    return { fn, address, start: frame.readUInt16BE(2), values: registersOf(frame.subarray(7, 7 + byteCount)) };
  }
  throw new ModbusFrameError(`function 0x${fn.toString(16)} is not in this profile`);
}

/** Parses one complete reply frame (CRC checked by the caller with crcOk). */
export function parseReply(frame: Buffer): Reply {
  const address = frame[0];
  const fn = frame[1];
  if (fn & 0x80) return { kind: 'exception', address, fn: fn & 0x7f, code: frame[2] };
  if (fn === FN_WRITE_MULTIPLE) {
    if (frame.length !== 8) throw new ModbusFrameError(`write reply must be 8 bytes, got ${frame.length}`);
    return { kind: 'write', address, fn, start: frame.readUInt16BE(2), count: frame.readUInt16BE(4) };
  }
  if (fn === FN_READ_HOLDING || fn === FN_READ_INPUT) {
    if (frame.length !== 5 + frame[2] || frame[2] % 2 !== 0) throw new ModbusFrameError('read reply length mismatch');
    return { kind: 'read', address, fn, values: registersOf(frame.subarray(3, 3 + frame[2])) };
  }
  throw new ModbusFrameError(`function 0x${fn.toString(16)} is not in this profile`);
}
