/**
 * Our LedSimulator must answer like a real screen: here modbus-serial's ModbusRTU client (a
 * master we did not write) talks to it over a socat pty pair and checks the replies itself.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import iconv from 'iconv-lite';
import { SerialPort } from 'serialport';
import { serveSlaves } from '../../../drivers/rs485/slave-stream.js';
import { LedSimulator } from '../../../drivers/led/simulator.js';
import { ptyPair } from '../rs485/socat.js';

const require = createRequire(import.meta.url);
interface Client {
  connectRTUBuffered(path: string, opts: object): Promise<void>;
  setID(id: number): void;
  setTimeout(ms: number): void;
  writeRegisters(start: number, values: number[]): Promise<unknown>;
  readHoldingRegisters(start: number, count: number): Promise<{ data: number[] }>;
  close(cb: () => void): void;
}
const ModbusRTU = require('modbus-serial') as new () => Client;

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

function regs(text: string): number[] {
  const bytes = Buffer.alloc(128);
  iconv.encode(text, 'gb18030').copy(bytes);
  return Array.from({ length: 64 }, (_, i) => bytes.readUInt16BE(i * 2));
}

describe('LedSimulator driven by modbus-serial as master', () => {
  it('accepts 0x10 writes, shows committed text, and answers an illegal address with exception 2', async () => {
    const pair = await ptyPair();
    cleanup.push(() => pair.stop());
    const far = new SerialPort({ path: pair.b, baudRate: 9600, autoOpen: false });
    await new Promise<void>((resolve, reject) => far.open((err) => (err ? reject(err) : resolve())));
    cleanup.push(() => new Promise((resolve) => far.close(() => resolve())));
    const led = new LedSimulator(9);
    const server = serveSlaves(far, [led]);
    cleanup.push(async () => server.stop());

    const client = new ModbusRTU();
    await client.connectRTUBuffered(pair.a, { baudRate: 9600 });
    cleanup.push(() => new Promise((resolve) => client.close(() => resolve())));
    client.setID(9);
    client.setTimeout(1000);

    await client.writeRegisters(0x0010, regs('请C107号'));
    await client.writeRegisters(0x0050, regs('到9号窗口'));
    await client.writeRegisters(0x0000, [(7 << 8) | 2, 9]);
    await client.writeRegisters(0x0100, [1]);
    expect(led.text()).toEqual({ line1: '请C107号', line2: '到9号窗口', blink: true, brightness: 7, windowNumber: 9 });
    await expect(client.readHoldingRegisters(0x0000, 2)).resolves.toMatchObject({ data: [(7 << 8) | 2, 9] });
    await expect(client.writeRegisters(0x0200, [1])).rejects.toMatchObject({ modbusCode: 2 });
  });
});
