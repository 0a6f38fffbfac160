/** The keypad polls against modbus-serial's ServerSerial as the keypad, over a socat pty pair. */
import { afterEach, describe, expect, it } from 'vitest';
import { KeypadPoller, type KeypadEvent } from '../../../drivers/keypad/poller.js';
import { busToModbusSerial } from '../rs485/modbus-serial-slave.js';

let stop: (() => Promise<void>) | null = null;
afterEach(async () => {
  await stop?.();
  stop = null;
});

describe('KeypadPoller against a modbus-serial slave', () => {
  it('reads input registers 0–1 with 0x04 and turns a new sequence number into a command', async () => {
    const input = [41, 1];
    const asked: number[] = [];
    const link = await busToModbusSerial(105, {
      getInputRegister: (addr: number) => {
        asked.push(addr);
        return input[addr];
      },
    });
    stop = link.stop;
    const poller = new KeypadPoller(link.bus, [{ address: 105, window: 3, kind: 'keypad' }]);
    const keys: KeypadEvent[] = [];
    poller.on('keypad', (e) => keys.push(e));
    await poller.pollOnce();
    input.splice(0, 2, 42, 5);
    await poller.pollOnce();
    expect(keys).toEqual([{ window: 3, action: 'finish', address: 105 }]);
    expect(asked.slice(0, 2)).toEqual([0, 1]);
  });
});
