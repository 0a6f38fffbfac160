/**
 * The Modbus RTU master of one RS-485 bus (CONTRACT "Window LED screen — Modbus RTU profile").
 * It is the only master: requests run strictly one at a time (FIFO), each reply is matched to its
 * request by length, address and function, with a reply timeout and a bounded number of tries.
 */
import { EventEmitter } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { SerialPortStream, type OpenOptions } from '@serialport/stream';
import { SerialPort } from 'serialport';
import type { Logger } from 'pino';
import { crcOk } from './crc.js';
import {
  BROADCAST, FN_READ_INPUT, FN_WRITE_MULTIPLE, encodeReadRegisters, encodeWriteRegisters,
  parseReply, registerBytes, type Reply,
} from './frame.js';
import { ModbusClosedError, ModbusCrcError, ModbusExceptionError, ModbusFrameError, ModbusTimeoutError } from './errors.js';
import { Exchange } from './exchange.js';

/**
 * A serialport binding (`@serialport/bindings-interface` BindingInterface). Named through
 * @serialport/stream because bindings-interface ships no types for ESM resolution.
 */
export type SerialBinding = OpenOptions['binding'];

export interface BusOptions {
  path: string;
  /** 9600 8N1 by default (CONTRACT). */
  baudRate?: number;
  /** The serialport binding; the OS binding when absent. Tests pass MockBinding or a simulated bus. */
  binding?: SerialBinding;
  /** Reply timeout per try, counted from the last request byte leaving the port. Default 200 ms. */
  timeoutMs?: number;
  /** Tries per request (a timeout or a bad CRC uses one). Default 3. */
  tries?: number;
  /** Silence kept after a broadcast so slaves can act before the next frame. Default 100 ms. */
  turnaroundMs?: number;
  /** Minimum silence between frames; default Modbus t3.5 (3.5 characters, 1.75 ms above 19200 baud). */
  interFrameMs?: number;
  logger?: Logger;
}

/** The requests available inside one `sequence` turn. */
export interface BusSession {
  writeRegisters(address: number, start: number, values: number[] | Buffer): Promise<void>;
  readInputRegisters(address: number, start: number, count: number): Promise<number[]>;
}

export interface ModbusBusEvents {
  error: [Error];
  close: [];
}

/** Time of `bytes` on the wire at `baudRate`, 8N1: 10 bits a byte, in ms. */
export function wireTimeMs(bytes: number, baudRate: number): number {
  return (bytes * 10 * 1000) / baudRate;
}

export class ModbusBus extends EventEmitter<ModbusBusEvents> {
  private queue: Promise<unknown> = Promise.resolve();
  private current: Exchange | null = null;
  private lastFrameEnd = 0;
  private closed = false;
  private readonly timeoutMs: number;
  private readonly tries: number;
  private readonly turnaroundMs: number;
  private readonly interFrameMs: number;

  private constructor(private readonly port: SerialPortStream, opts: BusOptions, private readonly log?: Logger) {
    super();
    this.timeoutMs = opts.timeoutMs ?? 200;
    this.tries = opts.tries ?? 3;
    this.turnaroundMs = opts.turnaroundMs ?? 100;
    const baud = opts.baudRate ?? 9600;
    this.interFrameMs = opts.interFrameMs ?? (baud > 19200 ? 1.75 : wireTimeMs(3.5, baud));
    port.on('data', (chunk: Buffer) => this.onData(chunk));
    port.on('error', (err: Error) => this.fail(err));
    port.on('close', () => this.onClose());
  }

  static async open(opts: BusOptions): Promise<ModbusBus> {
    const baudRate = opts.baudRate ?? 9600;
    const port = opts.binding
      ? new SerialPortStream({ binding: opts.binding, path: opts.path, baudRate, autoOpen: false })
      : new SerialPort({ path: opts.path, baudRate, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
    return new ModbusBus(port, opts, opts.logger?.child({ module: 'rs485', path: opts.path }));
  }

  /** Function 0x10. Address 0 broadcasts: no reply is awaited, only the turnaround silence. */
  writeRegisters(address: number, start: number, values: number[] | Buffer): Promise<void> {
    return this.enqueue(() => this.write(address, start, values));
  }

  /** Function 0x04. */
  readInputRegisters(address: number, start: number, count: number): Promise<number[]> {
    return this.enqueue(() => this.read(address, start, count));
  }

  /**
   * Runs several requests as one turn of the FIFO: nothing else goes on the wire between them,
   * and the first failure ends the turn (so a screen never commits half-written text).
   */
  sequence<T>(fn: (session: BusSession) => Promise<T>): Promise<T> {
    const session: BusSession = {
      writeRegisters: (address, start, values) => this.write(address, start, values),
      readInputRegisters: (address, start, count) => this.read(address, start, count),
    };
    return this.enqueue(() => fn(session));
  }

  private async write(address: number, start: number, values: number[] | Buffer): Promise<void> {
    const frame = encodeWriteRegisters(address, start, values);
    const count = registerBytes(values).length / 2;
    const reply = await this.transact(frame, address, FN_WRITE_MULTIPLE);
    if (reply && (reply.kind !== 'write' || reply.start !== start || reply.count !== count)) {
      throw new ModbusFrameError(`slave ${address} echoed a different write than was sent`);
    }
  }

  private async read(address: number, start: number, count: number): Promise<number[]> {
    const frame = encodeReadRegisters(FN_READ_INPUT, address, start, count);
    const reply = await this.transact(frame, address, FN_READ_INPUT);
    if (!reply || reply.kind !== 'read' || reply.values.length !== count) {
      throw new ModbusFrameError(`slave ${address} returned a different register count than asked`);
    }
    return reply.values;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.current?.reject(new ModbusClosedError());
    if (!this.port.isOpen) return;
    await new Promise<void>((resolve, reject) => this.port.close((err) => (err ? reject(err) : resolve())));
  }

  private enqueue<T>(run: () => Promise<T>): Promise<T> {
    const result = this.queue.then(run, run);
    // the queue itself never rejects, so one failed request does not stall the next
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async transact(frame: Buffer, address: number, fn: number): Promise<Reply | null> {
    let crcFailures = 0;
    for (let attempt = 1; attempt <= this.tries; attempt++) {
      if (this.closed) throw new ModbusClosedError();
      await this.keepSilence();
      if (address === BROADCAST) {
        await this.send(frame);
        await sleep(this.turnaroundMs);
        this.lastFrameEnd = performance.now();
        return null;
      }
      const exchange = new Exchange(fn, this.timeoutMs);
      this.current = exchange;
      try {
        await this.send(frame);
        exchange.startTimer();
        const reply = await exchange.reply;
        if (!crcOk(reply)) {
          crcFailures++;
          this.log?.warn({ address, fn, attempt }, 'reply CRC mismatch');
          continue;
        }
        const parsed = parseReply(reply);
        if (parsed.address !== address || parsed.fn !== fn) {
          throw new ModbusFrameError(`reply from slave ${parsed.address} fn 0x${parsed.fn.toString(16)} does not match request`);
        }
        if (parsed.kind === 'exception') throw new ModbusExceptionError(parsed.code, address, fn);
        return parsed;
      } catch (err) {
        if (!(err instanceof ModbusTimeoutError)) throw err;
        this.log?.warn({ address, fn, attempt }, 'no reply within timeout');
      } finally {
        this.current = null;
        exchange.stop();
        this.lastFrameEnd = performance.now();
      }
    }
    if (crcFailures === this.tries) throw new ModbusCrcError(address, fn);
    throw new ModbusTimeoutError(address, fn, this.tries);
  }

  private async keepSilence(): Promise<void> {
    const wait = this.lastFrameEnd + this.interFrameMs - performance.now();
    if (wait > 0) await sleep(wait);
  }

  private send(frame: Buffer): Promise<void> {
    return new Promise((resolve, reject) => {
      this.port.write(frame, (err) => {
        if (err) return reject(err);
        this.port.drain((drainErr) => (drainErr ? reject(drainErr) : resolve()));
      });
    });
  }

  private onData(chunk: Buffer): void {
    if (this.current) this.current.push(chunk);
    else this.log?.debug({ bytes: chunk.length }, 'bytes outside any exchange dropped');
  }

  private fail(err: Error): void {
    this.log?.error({ err }, 'serial port error');
    // a bus fault must not take the hall down: report it to whoever watches, else the log has it
    if (this.listenerCount('error') > 0) this.emit('error', err);
  }

  private onClose(): void {
    this.closed = true;
    this.current?.reject(new ModbusClosedError());
    this.emit('close');
  }
}
