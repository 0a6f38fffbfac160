/**
 * SAM module serial frames (公安部 二代证 SAM 安全控制模块 UART protocol, as published by reader
 * vendors, e.g. eastcoms.com "身份证阅读器模块SAM通讯协议", softs.im "身份证阅读器通信协议"):
 *
 *   host → module:  AA AA AA 96 69 | LEN1 LEN2 | CMD PARA [DATA] | CHK
 *   module → host:  AA AA AA 96 69 | LEN1 LEN2 | SW1 SW2 SW3 [DATA] | CHK
 *
 * LEN (big-endian) counts every byte after itself, checksum included. CHK is the XOR of every
 * byte except the 5-byte preamble and CHK itself (so LEN1 and LEN2 are included).
 */

export const PREAMBLE = Buffer.from([0xaa, 0xaa, 0xaa, 0x96, 0x69]);
const HEADER = PREAMBLE.length + 2;
/** Longest legal body: read-with-fingerprint answers ~2.3 kB; anything longer is line noise. */
export const MAX_BODY = 4096;

export const Command = {
  reset: [0x10, 0xff],
  status: [0x11, 0xff],
  findCard: [0x20, 0x01],
  selectCard: [0x20, 0x02],
  readBase: [0x30, 0x01],
} as const satisfies Record<string, readonly [number, number]>;

/** SW3: the module's own status byte. */
export const Sw3 = {
  ok: 0x90,
  cardFound: 0x9f,
  checksumError: 0x10,
  lengthError: 0x11,
  commandError: 0x21,
  readFailed: 0x41,
  noCard: 0x80,
  selectFailed: 0x81,
} as const;

export class SamFrameError extends Error {
  constructor(
    readonly code: 'bad-checksum' | 'bad-length',
    message: string,
  ) {
    super(message);
    this.name = 'SamFrameError';
  }
}

export function xor(bytes: Uint8Array, from = 0, to = bytes.length): number {
  let x = 0;
  for (let i = from; i < to; i++) x ^= bytes[i];
  return x;
}

function frame(body: Buffer): Buffer {
  const out = Buffer.alloc(HEADER + body.length + 1);
  PREAMBLE.copy(out, 0);
  out.writeUInt16BE(body.length + 1, PREAMBLE.length);
  body.copy(out, HEADER);
  out[out.length - 1] = xor(out, PREAMBLE.length, out.length - 1);
  return out;
}

export function encodeCommand(cmd: number, para: number, data: Buffer = Buffer.alloc(0)): Buffer {
  return frame(Buffer.concat([Buffer.from([cmd, para]), data]));
}

export function encodeReply(sw3: number, data: Buffer = Buffer.alloc(0), sw1 = 0, sw2 = 0): Buffer {
  return frame(Buffer.concat([Buffer.from([sw1, sw2, sw3]), data]));
}

export interface SamCommand {
  cmd: number;
  para: number;
  data: Buffer;
}

export interface SamReply {
  sw1: number;
  sw2: number;
  sw3: number;
  data: Buffer;
}

/** The bytes between LEN and CHK of one complete frame. */
export type FrameBody = Buffer;

export function toCommand(body: FrameBody): SamCommand {
  if (body.length < 2) throw new SamFrameError('bad-length', `command body of ${body.length} bytes`);
  return { cmd: body[0], para: body[1], data: body.subarray(2) };
}

export function toReply(body: FrameBody): SamReply {
  if (body.length < 3) throw new SamFrameError('bad-length', `reply body of ${body.length} bytes`);
  return { sw1: body[0], sw2: body[1], sw3: body[2], data: body.subarray(3) };
}

/**
 * Reassembles frames from a byte stream that arrives in arbitrary pieces. Bytes before a
 * preamble are dropped; a frame whose checksum fails is dropped and reported, and the parser
 * resynchronises on the next preamble.
 */
export class FrameAssembler {
  private buf = Buffer.alloc(0);

  constructor(
    private readonly onFrame: (body: FrameBody) => void,
    private readonly onError: (err: SamFrameError) => void,
  ) {}

  push(chunk: Buffer): void {
    this.buf = Buffer.concat([this.buf, chunk]);
    for (;;) {
      const start = this.buf.indexOf(PREAMBLE);
      if (start < 0) {
        // keep a tail that may be the start of a preamble split across chunks
        this.buf = this.buf.subarray(Math.max(0, this.buf.length - (PREAMBLE.length - 1)));
        return;
      }
      this.buf = this.buf.subarray(start);
      if (this.buf.length < HEADER) return;
      const len = this.buf.readUInt16BE(PREAMBLE.length);
      if (len < 2 || len > MAX_BODY + 1) {
        this.onError(new SamFrameError('bad-length', `frame length ${len}`));
        this.buf = this.buf.subarray(1);
        continue;
      }
      if (this.buf.length < HEADER + len) return;
      const whole = this.buf.subarray(0, HEADER + len);
      this.buf = this.buf.subarray(HEADER + len);
      const chk = whole[whole.length - 1];
      const want = xor(whole, PREAMBLE.length, whole.length - 1);
      if (chk !== want) {
        this.onError(new SamFrameError('bad-checksum', `checksum ${hex(chk)}, expected ${hex(want)}`));
        continue;
      }
      this.onFrame(Buffer.from(whole.subarray(HEADER, whole.length - 1)));
    }
  }

  reset(): void {
    this.buf = Buffer.alloc(0);
  }
}

function hex(n: number): string {
  return '0x' + n.toString(16).padStart(2, '0');
}
