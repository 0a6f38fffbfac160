import { afterEach, describe, expect, it } from 'vitest';
import { ModbusBus } from '../../../drivers/rs485/bus.js';
import { createSimulatedBus } from '../../../drivers/rs485/sim-bus.js';
import { KeypadPoller, type KeypadEvent, type PollFault, type RatingEvent } from '../../../drivers/keypad/poller.js';
import { EvaluatorSimulator, KeypadSimulator } from '../../../drivers/keypad/simulator.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function hall() {
  const sim = createSimulatedBus({ baudRate: 115200 });
  const bus = await ModbusBus.open({ path: sim.path, binding: sim.binding, baudRate: 115200, timeoutMs: 20 });
  cleanup.push(() => bus.close());
  const keypad = new KeypadSimulator(105);
  const evaluator = new EvaluatorSimulator(205);
  sim.attach(keypad);
  sim.attach(evaluator);
  const poller = new KeypadPoller(bus, [
    { address: 105, window: 5, kind: 'keypad' },
    { address: 205, window: 5, kind: 'evaluator' },
  ], { intervalMs: 10 });
  const keys: KeypadEvent[] = [];
  const ratings: RatingEvent[] = [];
  const faults: PollFault[] = [];
  poller.on('keypad', (e) => keys.push(e));
  poller.on('rating', (e) => ratings.push(e));
  poller.on('fault', (e) => faults.push(e));
  return { sim, bus, keypad, evaluator, poller, keys, ratings, faults };
}

describe('KeypadPoller on a simulated bus', () => {
  it('only syncs on the first read: a press made before polling began is not replayed', async () => {
    const { keypad, poller, keys } = await hall();
    keypad.press('call-next');
    await poller.pollOnce();
    expect(keys).toEqual([]);
  });

  it('turns a new keypad event into a hall command for that window, once', async () => {
    const { keypad, poller, keys } = await hall();
    await poller.pollOnce();
    keypad.press('call-next');
    await poller.pollOnce();
    await poller.pollOnce();
    expect(keys).toEqual([{ window: 5, action: 'call-next', address: 105 }]);
  });

  it('maps codes 1–6 to call-next, recall, no-show, start, finish, pause', async () => {
    const { keypad, poller, keys } = await hall();
    await poller.pollOnce();
    for (let code = 1; code <= 6; code++) {
      keypad.press(code);
      await poller.pollOnce();
    }
    expect(keys.map((k) => k.action)).toEqual(['call-next', 'recall', 'no-show', 'start', 'finish', 'pause']);
  });

  it('turns an evaluator event into a rating for that window', async () => {
    const { evaluator, poller, ratings } = await hall();
    await poller.pollOnce();
    evaluator.rate(4);
    await poller.pollOnce();
    expect(ratings).toEqual([{ window: 5, rating: 4, address: 205 }]);
  });

  it('sees a sequence number that wrapped from 65535 to 0 as a new event', async () => {
    const { keypad, poller, keys } = await hall();
    keypad.setRegisters(65535, 1);
    await poller.pollOnce();
    keypad.press('recall');
    await poller.pollOnce();
    expect(keys.map((k) => k.action)).toEqual(['recall']);
  });

  it('reports an unknown code as a fault, not as a command', async () => {
    const { keypad, evaluator, poller, keys, ratings, faults } = await hall();
    await poller.pollOnce();
    keypad.press(9);
    evaluator.rate(0);
    await poller.pollOnce();
    expect(keys).toEqual([]);
    expect(ratings).toEqual([]);
    expect(faults.map((f) => [f.kind, f.reason, f.code])).toEqual([['keypad', 'bad-code', 9], ['evaluator', 'bad-code', 0]]);
  });

  it('reports an unreachable device once, and after it answers again only resyncs', async () => {
    const { sim, keypad, poller, keys, faults } = await hall();
    const recovered: number[] = [];
    poller.on('recovered', (e) => recovered.push(e.address));
    await poller.pollOnce();
    sim.detach(keypad);
    await poller.pollOnce();
    await poller.pollOnce();
    expect(faults.map((f) => [f.address, f.reason])).toEqual([[105, 'unreachable']]);
    keypad.press('call-next'); // while unreachable: must not fire later as a stale command
    sim.attach(keypad);
    await poller.pollOnce();
    expect(recovered).toEqual([105]);
    expect(keys).toEqual([]);
    keypad.press('finish');
    await poller.pollOnce();
    expect(keys.map((k) => k.action)).toEqual(['finish']);
  });

  it('polls on its own after start() and stops cleanly', async () => {
    const { keypad, poller, keys } = await hall();
    const got = new Promise<KeypadEvent>((resolve) => poller.once('keypad', resolve));
    poller.start();
    await new Promise((r) => setTimeout(r, 40)); // a few rounds: synced
    keypad.press('pause');
    await expect(got).resolves.toMatchObject({ window: 5, action: 'pause' });
    await poller.stop();
    keypad.press('start');
    await new Promise((r) => setTimeout(r, 40));
    expect(keys.map((k) => k.action)).toEqual(['pause']);
  });
});
