/**
 * A SAM module with a card slot, answering the same bytes as the real module. Runs behind a
 * PeerRegistry binding (tests on MockBinding, the demo) or on a socat pty (attachPeerToStream).
 */
import type { SerialPeer } from '../serial/peer-binding.js';
import { Command, FrameAssembler, Sw3, encodeReply, toCommand } from './frame.js';
import { TEXT_BYTES, encodeIdText, type IdCardInfo } from './text.js';

export const PHOTO_BYTES = 1024;

export interface IdCardSimulatorOptions {
  /** Delay before each answer, like a module busy reading the card (ms). */
  replyDelayMs?: number;
}

export class IdCardSimulator implements SerialPeer {
  private card: { info: IdCardInfo; text: Buffer } | null = null;
  private selected = false;
  private send: ((data: Buffer) => void) | null = null;
  private corruptNext = 0;
  private muted = false;
  private readonly assembler: FrameAssembler;
  /** How many base-info reads this module answered with data (tests use it). */
  reads = 0;

  constructor(private readonly opts: IdCardSimulatorOptions = {}) {
    this.assembler = new FrameAssembler(
      (body) => this.answer(this.handle(body)),
      () => this.answer(encodeReply(Sw3.checksumError)),
    );
  }

  /** Puts a card on the reader. `text` replaces the encoded text block (to test malformed cards). */
  place(info: IdCardInfo, text?: Buffer): void {
    this.card = { info, text: text ?? encodeIdText(info) };
    this.selected = false;
  }

  lift(): void {
    this.card = null;
    this.selected = false;
  }

  get hasCard(): boolean {
    return this.card !== null;
  }

  /** The next `n` answers carry a wrong checksum (line noise). */
  corruptReplies(n = 1): void {
    this.corruptNext = n;
  }

  /** A hung module: commands get no answer until `mute(false)`. */
  mute(on = true): void {
    this.muted = on;
  }

  connect(send: (data: Buffer) => void): void {
    this.send = send;
    this.assembler.reset();
  }

  receive(data: Buffer): void {
    this.assembler.push(data);
  }

  disconnect(): void {
    this.send = null;
  }

  /** The reply frame for one command body. */
  handle(body: Buffer): Buffer {
    const { cmd, para } = toCommand(body);
    const is = (c: readonly [number, number]) => cmd === c[0] && para === c[1];
    if (is(Command.reset) || is(Command.status)) return encodeReply(Sw3.ok);
    if (is(Command.findCard)) {
      return this.card ? encodeReply(Sw3.cardFound, Buffer.alloc(4)) : encodeReply(Sw3.noCard);
    }
    if (is(Command.selectCard)) {
      if (!this.card) return encodeReply(Sw3.selectFailed);
      this.selected = true;
      return encodeReply(Sw3.ok, Buffer.alloc(8));
    }
    if (is(Command.readBase)) {
      if (!this.card || !this.selected) return encodeReply(Sw3.readFailed);
      this.reads++;
      const lengths = Buffer.alloc(4);
      lengths.writeUInt16BE(TEXT_BYTES, 0);
      lengths.writeUInt16BE(PHOTO_BYTES, 2);
      // the photo is WLT-compressed on a real card; the hall never uses it, zeros are enough
      return encodeReply(Sw3.ok, Buffer.concat([lengths, this.card.text, Buffer.alloc(PHOTO_BYTES)]));
    }
    return encodeReply(Sw3.commandError);
  }

  private answer(reply: Buffer): void {
    if (this.muted) return;
    if (this.corruptNext > 0) {
      this.corruptNext--;
      reply = Buffer.from(reply);
      reply[reply.length - 1] ^= 0xff;
    }
    const deliver = () => this.send?.(reply);
    if (this.opts.replyDelayMs) setTimeout(deliver, this.opts.replyDelayMs);
    else setImmediate(deliver);
  }
}
