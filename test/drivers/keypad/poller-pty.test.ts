/**
 * End to end over a real serial line: socat pty pair, our master through the OS binding on one
 * end, simulated keypad and evaluator served over serialport on the other.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SerialPort } from 'serialport';
import { ModbusBus } from '../../../drivers/rs485/bus.js';
import { serveSlaves } from '../../../drivers/rs485/slave-stream.js';
import { KeypadPoller, type KeypadEvent, type RatingEvent } from '../../../drivers/keypad/poller.js';
import { EvaluatorSimulator, KeypadSimulator } from '../../../drivers/keypad/simulator.js';
import { ptyPair } from '../rs485/socat.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

function until<T>(poller: KeypadPoller, event: 'keypad' | 'rating'): Promise<T> {
  return new Promise((resolve) => poller.once(event, resolve as never));
}

describe('KeypadPoller across a socat pty pair', () => {
  it('delivers presses and ratings from devices on the far end of a serial line', async () => {
    const pair = await ptyPair();
    cleanup.push(() => pair.stop());
    const far = new SerialPort({ path: pair.b, baudRate: 9600, autoOpen: false });
    await new Promise<void>((resolve, reject) => far.open((err) => (err ? reject(err) : resolve())));
    cleanup.push(() => new Promise((resolve) => far.close(() => resolve())));
    const keypad = new KeypadSimulator(105);
    const evaluator = new EvaluatorSimulator(205);
    const server = serveSlaves(far, [keypad, evaluator]);
    cleanup.push(async () => server.stop());

    const bus = await ModbusBus.open({ path: pair.a, baudRate: 9600 });
    cleanup.push(() => bus.close());
    const poller = new KeypadPoller(bus, [
      { address: 105, window: 12, kind: 'keypad' },
      { address: 205, window: 12, kind: 'evaluator' },
    ], { intervalMs: 20 });
    const faults: unknown[] = [];
    poller.on('fault', (f) => faults.push(f));
    cleanup.push(() => poller.stop());

    await poller.pollOnce(); // sync
    poller.start();
    const key = until<KeypadEvent>(poller, 'keypad');
    keypad.press('no-show');
    await expect(key).resolves.toEqual({ window: 12, action: 'no-show', address: 105 });
    const rating = until<RatingEvent>(poller, 'rating');
    evaluator.rate(5);
    await expect(rating).resolves.toEqual({ window: 12, rating: 5, address: 205 });
    expect(faults).toEqual([]);
  });
});
