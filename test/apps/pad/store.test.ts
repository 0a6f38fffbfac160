/** The pad's store (issue 16): a request, a level, reasons for a low one, thanks, and no rating without a tap. */
import { describe, expect, it } from 'vitest';
import type { EvaluationRequestEvent } from '../../../protocol/evaluations.js';
import { createPadStore, THANKS_MS } from '../../../apps/pad/store.js';
import { parseSettings } from '../../../apps/pad/settings.js';

function fakeTimers() {
  let now = 0;
  const due: { at: number; fn: () => void; id: number }[] = [];
  let next = 1;
  return {
    timers: {
      setTimeout: (fn: () => void, ms: number) => { const id = next++; due.push({ at: now + ms, fn, id }); return id; },
      clearTimeout: (h: unknown) => { const i = due.findIndex((d) => d.id === h); if (i >= 0) due.splice(i, 1); },
    },
    advance(ms: number) {
      now += ms;
      for (const d of due.filter((x) => x.at <= now).sort((a, b) => a.at - b.at)) {
        due.splice(due.indexOf(d), 1);
        d.fn();
      }
    },
  };
}
const REQ: EvaluationRequestEvent = {
  window: { id: 'w4', number: 4, name: '不动产登记' }, ticket: { id: 't1', number: 'B001' }, serviceName: '不动产转移登记', staffName: '刘洋',
  reasons: ['等候时间太长', '服务态度不好'],
};

function setup(send = async () => {}) {
  const sent: unknown[][] = [];
  const clock = fakeTimers();
  const store = createPadStore({
    windowNo: 4, timers: clock.timers, timeoutMs: 60_000,
    send: async (...args) => { sent.push(args); await send(); },
  });
  return { store, sent, clock };
}
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('the pad store', () => {
  it('a satisfied level is sent at once, thanks, then idle', async () => {
    const { store, sent, clock } = setup();
    store.requested(REQ);
    expect(store.phase.value).toBe('ask');
    store.pick(4);
    await flush();
    expect(sent).toEqual([['t1', 4, []]]);
    expect(store.phase.value).toBe('thanks');
    clock.advance(THANKS_MS);
    expect(store.phase.value).toBe('idle');
  });

  it('a low level asks for reasons first and sends the tapped ones', async () => {
    const { store, sent } = setup();
    store.requested(REQ);
    store.pick(2);
    expect(store.phase.value).toBe('reasons');
    expect(sent).toEqual([]);
    store.toggle('服务态度不好');
    store.toggle('等候时间太长');
    store.toggle('等候时间太长');
    await store.submit();
    expect(sent).toEqual([['t1', 2, ['服务态度不好']]]);
  });

  it('no tap within the timeout: back to idle and nothing is sent (never a default rating)', () => {
    const { store, sent, clock } = setup();
    store.requested(REQ);
    clock.advance(59_000);
    store.pick(1); // a tap keeps it alive
    clock.advance(59_000);
    expect(store.phase.value).toBe('reasons');
    clock.advance(1_000);
    expect(store.phase.value).toBe('idle');
    expect(store.request.value).toBe(null);
    expect(sent).toEqual([]);
  });

  it('another window\'s request is ignored; a ticket rated elsewhere says so', async () => {
    const { store } = setup(async () => { throw Object.assign(new Error('已评价'), { code: 'already-evaluated' }); });
    store.requested({ ...REQ, window: { id: 'w5', number: 5, name: 'x' } });
    expect(store.phase.value).toBe('idle');
    store.requested(REQ);
    store.pick(5);
    await flush();
    expect(store.phase.value).toBe('thanks');
    expect(store.alreadyRated.value).toBe(true);
  });

  it('settings: the window number is required, the timeout bounded', () => {
    expect(parseSettings(new URLSearchParams('window=4&timeout=30'))).toMatchObject({ window: 4, timeoutMs: 30_000, lang: 'zh' });
    expect(parseSettings(new URLSearchParams('window=x&timeout=1&lang=en'))).toMatchObject({ window: null, timeoutMs: 60_000, lang: 'en' });
  });
});
