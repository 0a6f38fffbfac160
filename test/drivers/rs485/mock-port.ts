/** Test helper: a MockBinding port whose writes a test can answer by injecting bytes. */
import { SerialPortMock } from 'serialport';
import type { SerialBinding } from '../../../drivers/rs485/bus.js';

// SerialPortMock.binding is @serialport/binding-mock's MockBinding (that package ships no ESM types)
const MockBinding = SerialPortMock.binding;

export interface MockLine {
  binding: SerialBinding;
  path: string;
  /** every frame the master wrote, in order, with the time it was written */
  writes: { bytes: Buffer; at: number }[];
  /** log of wire events in order: 'w:<hex>' for master writes, 'r:<hex>' for injected replies */
  log: string[];
  /** set the answer to each write; return null for silence */
  respond: (fn: (frame: Buffer, n: number) => Buffer | Buffer[] | null, delayMs?: number) => void;
  inject: (bytes: Buffer) => void;
}

let seq = 0;

export function mockLine(): MockLine {
  const path = `/dev/mock-rs485-${++seq}`;
  MockBinding.createPort(path, { record: true });
  let opened: { write(b: Buffer): Promise<void>; emitData(b: Buffer): void } | null = null;
  let responder: ((frame: Buffer, n: number) => Buffer | Buffer[] | null) | null = null;
  let delay = 0;
  const line: MockLine = {
    binding: {
      list: () => MockBinding.list(),
      async open(options: unknown) {
        const port = await MockBinding.open(options);
        const write = port.write.bind(port);
        port.write = async (buf: Buffer) => {
          await write(buf);
          const bytes = Buffer.from(buf);
          line.writes.push({ bytes, at: performance.now() });
          line.log.push(`w:${bytes.toString('hex')}`);
          const reply = responder?.(bytes, line.writes.length);
          if (!reply) return;
          const parts = Array.isArray(reply) ? reply : [reply];
          setTimeout(() => parts.forEach((p) => line.inject(p)), delay);
        };
        opened = port;
        return port;
      },
    } as SerialBinding,
    path,
    writes: [],
    log: [],
    respond(fn, delayMs = 0) {
      responder = fn;
      delay = delayMs;
    },
    inject(bytes) {
      line.log.push(`r:${bytes.toString('hex')}`);
      opened?.emitData(bytes);
    },
  };
  return line;
}
