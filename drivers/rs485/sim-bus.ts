/**
 * An in-process RS-485 bus: a serialport binding whose far side is a set of simulated slaves.
 * The master's real RTU bytes go on a half-duplex wire that carries one frame at a time, each
 * taking its time at the baud rate (8N1: 10 bits a byte); slaves answer with real RTU bytes.
 */
import { RequestFramer } from './framer.js';
import type { RtuSlave } from './slave.js';
import type { SerialBinding } from './bus.js';
import { wireTimeMs } from './bus.js';

export interface SimulatedBusOptions {
  baudRate?: number;
  /** Time a slave takes to start its reply after the request's last byte. Default 1 ms. */
  replyDelayMs?: number;
}

/** A frame as it finished on the wire. `at` is performance.now() of its last byte. */
export interface WireFrame {
  from: 'master' | 'slave';
  bytes: Buffer;
  at: number;
}

export interface SimulatedBus {
  binding: SerialBinding;
  path: string;
  baudRate: number;
  attach(slave: RtuSlave): void;
  detach(slave: RtuSlave): void;
  /** Flips one bit of the next `n` slave replies (a noisy line). */
  corruptReplies(n: number): void;
  /** Observes every frame when its last byte is on the wire; returns an unsubscribe. */
  onFrame(listener: (frame: WireFrame) => void): () => void;
}

class CanceledError extends Error {
  readonly canceled = true;
}

export function createSimulatedBus(opts: SimulatedBusOptions = {}): SimulatedBus {
  const baudRate = opts.baudRate ?? 9600;
  const replyDelayMs = opts.replyDelayMs ?? 1;
  const path = `/sim/rs485-${Math.random().toString(36).slice(2, 8)}`;
  const slaves: RtuSlave[] = [];
  const listeners = new Set<(frame: WireFrame) => void>();
  let wireFreeAt = 0;
  let corrupt = 0;
  let port: SimPort | null = null;

  /** Puts bytes on the shared wire; resolves when the last byte has arrived. */
  function transmit(bytes: Buffer, from: WireFrame['from']): Promise<void> {
    const start = Math.max(performance.now(), wireFreeAt);
    const end = start + wireTimeMs(bytes.length, baudRate);
    wireFreeAt = end;
    return new Promise((resolve) => setTimeout(() => {
      for (const l of listeners) l({ from, bytes, at: performance.now() });
      resolve();
    }, end - performance.now()));
  }

  const framer = new RequestFramer((frame) => {
    for (const slave of slaves) {
      const reply = slave.handle(frame);
      if (!reply) continue;
      if (corrupt > 0) {
        corrupt--;
        reply[reply.length - 3] ^= 0x01;
      }
      setTimeout(() => {
        void transmit(reply, 'slave').then(() => port?.receive(reply));
      }, replyDelayMs);
    }
  });

  class SimPort {
    isOpen = true;
    private rx = Buffer.alloc(0);
    private pendingRead: { resolve: () => void; reject: (err: Error) => void } | null = null;
    constructor(readonly openOptions: Record<string, unknown>) {}

    receive(bytes: Buffer): void {
      if (!this.isOpen) return;
      this.rx = Buffer.concat([this.rx, bytes]);
      this.pendingRead?.resolve();
    }

    async read(buffer: Buffer, offset: number, length: number): Promise<{ buffer: Buffer; bytesRead: number }> {
      while (this.rx.length === 0) {
        if (!this.isOpen) throw new CanceledError('port is closed');
        await new Promise<void>((resolve, reject) => (this.pendingRead = { resolve, reject }));
        this.pendingRead = null;
      }
      const n = Math.min(length, this.rx.length);
      this.rx.copy(buffer, offset, 0, n);
      this.rx = this.rx.subarray(n);
      return { buffer, bytesRead: n };
    }

    /** Resolves once the bytes are on the wire, like a blocking UART write. */
    async write(buffer: Buffer): Promise<void> {
      if (!this.isOpen) throw new CanceledError('port is closed');
      const bytes = Buffer.from(buffer);
      await transmit(bytes, 'master');
      framer.push(bytes);
    }

    async close(): Promise<void> {
      this.isOpen = false;
      this.pendingRead?.reject(new CanceledError('port is closed'));
      port = null;
    }

    async update(): Promise<void> {}
    async set(): Promise<void> {}
    async get() { return { cts: true, dsr: true, dcd: true }; }
    async getBaudRate() { return { baudRate }; }
    async flush(): Promise<void> { this.rx = Buffer.alloc(0); }
    async drain(): Promise<void> {}
  }

  const binding = {
    async list() {
      return [{ path, manufacturer: 'hallq simulator', serialNumber: undefined, pnpId: undefined, locationId: undefined, productId: undefined, vendorId: undefined }];
    },
    async open(options: Record<string, unknown> & { path: string }) {
      if (options.path !== path) throw new Error(`no simulated port at ${options.path}`);
      if (port) throw new Error(`${path} is already open`);
      port = new SimPort({ ...options });
      return port;
    },
  };

  return {
    binding: binding as SerialBinding,
    path,
    baudRate,
    attach: (slave) => slaves.push(slave),
    detach: (slave) => {
      const i = slaves.indexOf(slave);
      if (i >= 0) slaves.splice(i, 1);
    },
    corruptReplies: (n) => (corrupt = n),
    onFrame: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
