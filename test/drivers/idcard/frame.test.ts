import { describe, expect, it } from 'vitest';
import { FrameAssembler, SamFrameError, encodeCommand, encodeReply, toReply } from '../../../drivers/idcard/frame.js';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

function collect() {
  const frames: Buffer[] = [];
  const errors: SamFrameError[] = [];
  const asm = new FrameAssembler((b) => frames.push(b), (e) => errors.push(e));
  return { asm, frames, errors };
}

describe('SAM frame encoding', () => {
  it('encodes find card as the published byte sequence', () => {
    // AA AA AA 96 69 00 03 20 01 22: len 3 = cmd + para + chk; chk = 00^03^20^01
    expect(encodeCommand(0x20, 0x01)).toEqual(hex('AAAAAA9669 0003 2001 22'));
  });

  it('encodes select card and read base info with their checksums', () => {
    expect(encodeCommand(0x20, 0x02)).toEqual(hex('AAAAAA9669 0003 2002 21'));
    expect(encodeCommand(0x30, 0x01)).toEqual(hex('AAAAAA9669 0003 3001 32'));
  });

  it('gives a base-info answer the vendor-documented header 05 08 00 00 90 01 00 04 00', () => {
    const lengths = hex('0100 0400');
    const reply = encodeReply(0x90, Buffer.concat([lengths, Buffer.alloc(256 + 1024)]));
    expect(reply.subarray(0, 14)).toEqual(hex('AAAAAA9669 0508 000090 0100 0400'));
    expect(reply.length).toBe(7 + 0x508);
  });
});

describe('FrameAssembler', () => {
  it('reassembles a reply split into single bytes, skipping leading noise', () => {
    const { asm, frames, errors } = collect();
    const bytes = Buffer.concat([hex('00 FF AA'), encodeReply(0x9f, Buffer.alloc(4))]);
    for (const b of bytes) asm.push(Buffer.from([b]));
    expect(errors).toEqual([]);
    expect(frames).toHaveLength(1);
    expect(toReply(frames[0])).toMatchObject({ sw1: 0, sw2: 0, sw3: 0x9f });
  });

  it('returns two frames that arrive in one chunk', () => {
    const { asm, frames } = collect();
    asm.push(Buffer.concat([encodeReply(0x80), encodeReply(0x90, Buffer.alloc(8))]));
    expect(frames.map((f) => toReply(f).sw3)).toEqual([0x80, 0x90]);
  });

  it('rejects a frame with a bad checksum and resynchronises on the next one', () => {
    const { asm, frames, errors } = collect();
    const bad = encodeReply(0x90, Buffer.from([1, 2, 3]));
    bad[bad.length - 1] ^= 0x01;
    asm.push(Buffer.concat([bad, encodeReply(0x80)]));
    expect(errors.map((e) => e.code)).toEqual(['bad-checksum']);
    expect(frames.map((f) => toReply(f).sw3)).toEqual([0x80]);
  });

  it('refuses an absurd length instead of waiting for 64 kB', () => {
    const { asm, frames, errors } = collect();
    asm.push(Buffer.concat([hex('AAAAAA9669 FFFF'), encodeReply(0x80)]));
    expect(errors[0]?.code).toBe('bad-length');
    expect(frames.map((f) => toReply(f).sw3)).toEqual([0x80]);
  });
});
