/**
 * A Modbus RTU slave as a register map: the base of every simulated device on the bus
 * (LED screen, caller keypad, evaluator). It answers the master's real frames with real frames,
 * including the standard exceptions, so the master is tested against protocol behaviour.
 */
import {
  BROADCAST, FN_READ_HOLDING, FN_READ_INPUT, FN_WRITE_MULTIPLE, encodeException, encodeReadReply,
  encodeWriteEcho, parseRequest,
} from './frame.js';
import { crcOk } from './crc.js';

export interface RtuSlave {
  readonly address: number;
  /** Gets every complete frame seen on the bus; returns the reply to put on the wire, or null. */
  handle(frame: Buffer): Buffer | null;
}

export const EX_ILLEGAL_FUNCTION = 1;
export const EX_ILLEGAL_ADDRESS = 2;
export const EX_DEVICE_FAILURE = 4;

/** Inclusive register ranges a device implements. */
export type RegisterRanges = readonly (readonly [number, number])[];

export class RegisterSlave implements RtuSlave {
  protected readonly holding = new Map<number, number>();
  protected readonly input = new Map<number, number>();
  /** When set, every request addressed here gets this exception code (fault injection). */
  failWith: number | null = null;

  constructor(
    readonly address: number,
    private readonly holdingRanges: RegisterRanges,
    private readonly inputRanges: RegisterRanges,
  ) {
    if (!Number.isInteger(address) || address < 1 || address > 247) throw new RangeError(`slave address ${address} is not 1–247`);
  }

  handle(frame: Buffer): Buffer | null {
    // a slave stays silent on a corrupted frame: the master's timeout covers it
    if (frame.length < 4 || !crcOk(frame)) return null;
    const to = frame[0];
    if (to !== this.address && to !== BROADCAST) return null;
    const reply = this.answer(frame);
    return to === BROADCAST ? null : reply;
  }

  private answer(frame: Buffer): Buffer {
    const fn = frame[1];
    if (fn !== FN_WRITE_MULTIPLE && fn !== FN_READ_HOLDING && fn !== FN_READ_INPUT) {
      return encodeException(this.address, fn, EX_ILLEGAL_FUNCTION);
    }
    if (this.failWith !== null) return encodeException(this.address, fn, this.failWith);
    const req = parseRequest(frame);
    if (req.fn === FN_WRITE_MULTIPLE) {
      if (!covers(this.holdingRanges, req.start, req.values.length)) return encodeException(this.address, fn, EX_ILLEGAL_ADDRESS);
      req.values.forEach((v, i) => this.holding.set(req.start + i, v));
      this.onWrite(req.start, req.values);
      return encodeWriteEcho(this.address, req.start, req.values.length);
    }
    const ranges = req.fn === FN_READ_INPUT ? this.inputRanges : this.holdingRanges;
    if (!covers(ranges, req.start, req.count)) return encodeException(this.address, fn, EX_ILLEGAL_ADDRESS);
    const map = req.fn === FN_READ_INPUT ? this.input : this.holding;
    const values = Array.from({ length: req.count }, (_, i) => map.get(req.start + i) ?? 0);
    return encodeReadReply(this.address, req.fn, values);
  }

  /** Called after a 0x10 write was stored; devices act on it here. */
  protected onWrite(_start: number, _values: number[]): void {}

  holdingRegister(register: number): number {
    return this.holding.get(register) ?? 0;
  }
}

function covers(ranges: RegisterRanges, start: number, count: number): boolean {
  const end = start + count - 1;
  return ranges.some(([lo, hi]) => start >= lo && end <= hi);
}
