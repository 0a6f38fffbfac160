/**
 * The LED frames against an implementation we did not write: modbus-serial's ServerSerial acting
 * as the screen, on the far end of a socat pty pair; our master on the near end, through the OS
 * serial binding. What the slave stores is decoded here with iconv directly, not with our decoder.
 */
import { afterEach, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { LedScreen } from '../../../drivers/led/screen.js';
import { busToModbusSerial } from '../rs485/modbus-serial-slave.js';

function text(regs: Map<number, number>, first: number): string {
  const bytes = Buffer.alloc(128);
  for (let i = 0; i < 64; i++) bytes.writeUInt16BE(regs.get(first + i) ?? 0, i * 2);
  const end = bytes.indexOf(0);
  return iconv.decode(bytes.subarray(0, end < 0 ? 128 : end), 'gb18030');
}

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function screenAgainstModbusSerial(unitID: number, vector: object) {
  const { bus, stop } = await busToModbusSerial(unitID, vector);
  cleanup.push(stop);
  return bus;
}

describe('LedScreen frames against a modbus-serial slave over a socat pty pair', () => {
  it('writes holding registers that decode to "请A012号" / "到5号窗口" with blink, brightness and window number', async () => {
    const regs = new Map<number, number>();
    const writes: number[] = [];
    const bus = await screenAgainstModbusSerial(5, {
      setRegister: (addr: number, value: number) => {
        regs.set(addr, value);
        writes.push(addr);
      },
      getHoldingRegister: (addr: number) => regs.get(addr) ?? 0,
    });
    await new LedScreen(bus, 5, 5).showCall('A012', 5);
    expect(text(regs, 0x10)).toBe('请A012号');
    expect(text(regs, 0x50)).toBe('到5号窗口');
    expect(regs.get(0x0000)).toBe((12 << 8) | 0b10);
    expect(regs.get(0x0001)).toBe(5);
    expect(regs.get(0x0100)).toBe(1);
    // commit is the last register the screen receives
    expect(writes.at(-1)).toBe(0x0100);
    expect(writes.filter((a) => a >= 0x10 && a <= 0x8f)).toHaveLength(128);
  });

  it('surfaces the slave\'s exception reply as a ModbusExceptionError with its code', async () => {
    const bus = await screenAgainstModbusSerial(6, {
      setRegister: () => {
        throw Object.assign(new Error('busy'), { modbusErrorCode: 6 });
      },
      getHoldingRegister: () => 0,
    });
    await expect(new LedScreen(bus, 6, 6).showIdle('综合受理')).rejects.toMatchObject({ name: 'ModbusExceptionError', code: 6 });
  });
});
