/**
 * ID card reader driver: polls the SAM module find → select → read base info, and emits one
 * `scan` per card placement. After a card was read, it must leave the reader (find answers
 * "no card") before it is read again, so a card lying on the reader checks in only once.
 */
import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import type { SerialPortStream } from '@serialport/stream';
import type { DeviceScanEvent } from '../../protocol/events.js';
import { maskIdNumber } from '../../protocol/identity.js';
import { closePort, openPort, type BindingInterface } from '../serial/open-port.js';
import { Command, Sw3 } from './frame.js';
import { SamLink } from './link.js';
import { TEXT_BYTES, checkCard, parseIdText, type CardProblem, type IdCardInfo } from './text.js';

export interface IdCardReaderOptions {
  path: string;
  binding: BindingInterface;
  logger: Logger;
  /** SAM modules default to 115200 8N1 */
  baudRate?: number;
  /** pause between polls (ms) */
  pollMs?: number;
  /** per command; a base-info answer is ~1.3 kB, 1.4 s at 9600 baud */
  replyTimeoutMs?: number;
}

export interface IdCardReaderEvents {
  /** a valid card was read: value is the ID number, for the kiosk's check-in */
  scan: [DeviceScanEvent];
  /** the same read, with everything the card says (personal data: never log it) */
  card: [IdCardInfo];
  /** a card was read but refused */
  rejected: [CardProblem];
  /** the port closed under us (unplugged); call open() again to retry */
  disconnect: [Error];
}

export class IdCardReader extends EventEmitter<IdCardReaderEvents> {
  private port: SerialPortStream | null = null;
  private link: SamLink | null = null;
  private running = false;
  private wake: (() => void) | null = null;
  private loopDone: Promise<void> = Promise.resolve();
  /** the card now on the reader has been read (or refused); reset when find reports no card */
  private cardHandled = false;
  private readonly log: Logger;

  constructor(private readonly opts: IdCardReaderOptions) {
    super();
    this.log = opts.logger.child({ driver: 'idcard', path: opts.path });
  }

  get isOpen(): boolean {
    return this.running;
  }

  async open(): Promise<void> {
    if (this.running) return;
    const port = await openPort({ path: this.opts.path, baudRate: this.opts.baudRate ?? 115200, binding: this.opts.binding });
    this.port = port;
    this.link = new SamLink(port, this.opts.replyTimeoutMs ?? 1500);
    this.running = true;
    this.cardHandled = false;
    port.on('close', (err: Error | null) => {
      if (!this.running) return;
      this.stopLoop();
      this.emit('disconnect', err ?? new Error('port closed'));
    });
    port.on('error', (err) => this.log.warn({ err: err.message }, 'serial error'));
    this.loopDone = this.loop();
  }

  async close(): Promise<void> {
    const port = this.port;
    this.stopLoop();
    await this.loopDone;
    this.port = null;
    if (port) await closePort(port);
  }

  private stopLoop(): void {
    this.running = false;
    this.link?.detach();
    this.link = null;
    this.wake?.();
  }

  private async loop(): Promise<void> {
    while (this.running) {
      try {
        await this.pollOnce();
      } catch (err) {
        if (this.running) this.log.warn({ err: (err as Error).message }, 'ID card poll failed; retrying');
      }
      if (!this.running) break;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, this.opts.pollMs ?? 300);
        this.wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
      this.wake = null;
    }
  }

  private async pollOnce(): Promise<void> {
    const link = this.link;
    if (!link) return;
    const found = await link.transact(Command.findCard);
    if (found.sw3 === Sw3.noCard) {
      this.cardHandled = false;
      return;
    }
    if (found.sw3 !== Sw3.cardFound) throw new Error(`find card: SW3 0x${found.sw3.toString(16)}`);
    if (this.cardHandled) return;
    const selected = await link.transact(Command.selectCard);
    if (selected.sw3 !== Sw3.ok) throw new Error(`select card: SW3 0x${selected.sw3.toString(16)}`);
    const read = await link.transact(Command.readBase);
    if (read.sw3 !== Sw3.ok) throw new Error(`read base info: SW3 0x${read.sw3.toString(16)}`);
    if (read.data.length < 4) throw new Error('read base info: answer too short');
    const textLength = read.data.readUInt16BE(0);
    const photoLength = read.data.readUInt16BE(2);
    if (textLength < TEXT_BYTES || read.data.length < 4 + textLength + photoLength) {
      throw new Error(`read base info: ${read.data.length} bytes for text ${textLength} + photo ${photoLength}`);
    }
    const info = parseIdText(read.data.subarray(4, 4 + textLength));
    // re-reading the same card cannot change its content: handled either way until it is lifted
    this.cardHandled = true;
    const problem = checkCard(info);
    if (problem) {
      this.log.warn({ problem, id: maskIdNumber(info.idNumber) }, 'ID card refused');
      this.emit('rejected', problem);
      return;
    }
    this.log.info({ id: maskIdNumber(info.idNumber) }, 'ID card read');
    this.emit('card', info);
    this.emit('scan', { source: 'idcard', value: info.idNumber });
  }
}
