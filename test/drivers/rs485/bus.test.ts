import { afterEach, describe, expect, it } from 'vitest';
import { ModbusBus } from '../../../drivers/rs485/bus.js';
import { ModbusClosedError, ModbusCrcError, ModbusExceptionError, ModbusTimeoutError } from '../../../drivers/rs485/errors.js';
import { encodeException, encodeReadReply, encodeWriteEcho, FN_READ_INPUT, parseRequest } from '../../../drivers/rs485/frame.js';
import { mockLine } from './mock-port.js';

const buses: ModbusBus[] = [];
afterEach(async () => {
  await Promise.all(buses.splice(0).map((b) => b.close()));
});

async function open(line: ReturnType<typeof mockLine>, extra: { timeoutMs?: number; turnaroundMs?: number } = {}) {
  const bus = await ModbusBus.open({ path: line.path, binding: line.binding, timeoutMs: 60, ...extra });
  buses.push(bus);
  return bus;
}

/** A well-behaved slave: echoes writes, answers reads with register numbers as values. */
function echoSlave(frame: Buffer): Buffer {
  const req = parseRequest(frame);
  if (req.fn === 0x10) return encodeWriteEcho(req.address, req.start, req.values.length);
  return encodeReadReply(req.address, req.fn, Array.from({ length: req.count }, (_, i) => req.start + i));
}

describe('ModbusBus over MockBinding', () => {
  it('writes the exact 0x10 frame and resolves on the echo', async () => {
    const line = mockLine();
    line.respond(echoSlave);
    const bus = await open(line);
    await bus.writeRegisters(0x11, 1, [0x000a, 0x0102]);
    expect(line.writes.map((w) => w.bytes.toString('hex'))).toEqual(['11100001000204000a0102c6f0']);
  });

  it('returns input register values from a 0x04 reply delivered in pieces', async () => {
    const line = mockLine();
    line.respond((frame) => {
      const reply = encodeReadReply(frame[0], FN_READ_INPUT, [7, 4]);
      return [reply.subarray(0, 2), reply.subarray(2, 5), reply.subarray(5)];
    });
    const bus = await open(line);
    await expect(bus.readInputRegisters(105, 0, 2)).resolves.toEqual([7, 4]);
  });

  it('tries 3 times then rejects with ModbusTimeoutError when the slave stays silent', async () => {
    const line = mockLine();
    line.respond(() => null);
    const bus = await open(line);
    const started = performance.now();
    const err = await bus.readInputRegisters(9, 0, 2).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModbusTimeoutError);
    expect((err as ModbusTimeoutError).address).toBe(9);
    expect(line.writes).toHaveLength(3);
    expect(new Set(line.writes.map((w) => w.bytes.toString('hex'))).size).toBe(1);
    expect(performance.now() - started).toBeGreaterThanOrEqual(3 * 60 - 5);
  });

  it('succeeds on the third try when the first two replies are lost', async () => {
    const line = mockLine();
    line.respond((frame, n) => (n < 3 ? null : echoSlave(frame)));
    const bus = await open(line);
    await bus.writeRegisters(3, 0x100, [1]);
    expect(line.writes).toHaveLength(3);
  });

  it('rejects with ModbusExceptionError carrying the code, without retrying', async () => {
    const line = mockLine();
    line.respond((frame) => encodeException(frame[0], frame[1], 2));
    const bus = await open(line);
    const err = await bus.writeRegisters(4, 0x200, [1]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModbusExceptionError);
    expect((err as ModbusExceptionError).code).toBe(2);
    expect(line.writes).toHaveLength(1);
  });

  it('rejects with ModbusCrcError when every reply is corrupted', async () => {
    const line = mockLine();
    line.respond((frame) => {
      const reply = echoSlave(frame);
      reply[3] ^= 0x40;
      return reply;
    });
    const bus = await open(line);
    await expect(bus.writeRegisters(4, 0, [1])).rejects.toBeInstanceOf(ModbusCrcError);
    expect(line.writes).toHaveLength(3);
  });

  it('never puts a second request on the wire before the first one is answered', async () => {
    const line = mockLine();
    line.respond(echoSlave, 25);
    const bus = await open(line);
    await Promise.all([
      bus.writeRegisters(1, 0x10, [1, 2, 3]),
      bus.readInputRegisters(2, 0, 2),
      bus.writeRegisters(3, 0x100, [1]),
    ]);
    expect(line.log.map((l) => l.slice(0, 6))).toEqual(['w:0110', 'r:0110', 'w:0204', 'r:0204', 'w:0310', 'r:0310']);
  });

  it('keeps serving after a request failed', async () => {
    const line = mockLine();
    line.respond((frame) => (frame[0] === 9 ? null : echoSlave(frame)));
    const bus = await open(line, { timeoutMs: 30 });
    const failed = bus.readInputRegisters(9, 0, 1);
    const ok = bus.readInputRegisters(8, 0, 1);
    await expect(failed).rejects.toBeInstanceOf(ModbusTimeoutError);
    await expect(ok).resolves.toEqual([0]);
  });

  it('sends a broadcast once and awaits no reply, only the turnaround silence', async () => {
    const line = mockLine();
    line.respond(() => null);
    // a reply would be awaited for timeoutMs (2 s): finishing well before it shows none was awaited,
    // with room for a loaded CI machine's late timers
    const bus = await open(line, { turnaroundMs: 20, timeoutMs: 2_000 });
    const started = performance.now();
    await bus.writeRegisters(0, 0x0000, [0x0c00]);
    expect(line.writes).toHaveLength(1);
    expect(line.writes[0].bytes[0]).toBe(0);
    expect(performance.now() - started).toBeGreaterThanOrEqual(19);
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it('runs a sequence as one turn: a request queued meanwhile waits until the turn ends', async () => {
    const line = mockLine();
    line.respond(echoSlave, 5);
    const bus = await open(line);
    const turn = bus.sequence(async (s) => {
      await s.writeRegisters(1, 0x10, [1]);
      await s.writeRegisters(1, 0x100, [1]);
    });
    const other = bus.readInputRegisters(2, 0, 1);
    await Promise.all([turn, other]);
    expect(line.writes.map((w) => w.bytes[0])).toEqual([1, 1, 2]);
  });

  it('rejects the request in flight and those queued with ModbusClosedError on close', async () => {
    const line = mockLine();
    line.respond(() => null);
    const bus = await open(line, { timeoutMs: 1000 });
    const inFlight = bus.readInputRegisters(5, 0, 1);
    const queued = bus.readInputRegisters(6, 0, 1);
    await new Promise((r) => setTimeout(r, 10));
    await bus.close();
    await expect(inFlight).rejects.toBeInstanceOf(ModbusClosedError);
    await expect(queued).rejects.toBeInstanceOf(ModbusClosedError);
    expect(line.writes).toHaveLength(1);
  });
});
