/** One requestId per citizen action: a retry after a lost answer never makes a second ticket. */
import { describe, expect, it } from 'vitest';
import { createActions } from '../../../apps/kiosk/actions.js';
import { createKioskStore } from '../../../apps/kiosk/store.js';
import { ApiError, type Client } from '../../../apps/kit/client.js';

const issued = (n: string) => ({ ticket: { id: `t-${n}`, number: n, kind: 'walk-in', status: 'waiting', queueId: 'qA', serviceId: 's', issuedAt: '', recalls: 0 }, waitingAhead: 0, print: 'none' });
const lost = () => new ApiError(0, 'network', '无法连接服务器，请检查网络');

/** a client answering POST /api/tickets from a script: an error to throw or an answer */
function scripted(script: unknown[]) {
  const ids: string[] = [];
  const client = {
    call: async (key: string, args: { body?: { requestId?: string } }) => {
      if (key !== 'POST /api/tickets') throw new Error(`unexpected ${key}`);
      ids.push(args.body!.requestId!);
      const next = script.shift();
      if (next instanceof Error) throw next;
      return next;
    },
  } as unknown as Client;
  return { client, ids };
}

function setup(script: unknown[]) {
  const store = createKioskStore({ lang: 'zh', idleSeconds: 30, camera: false });
  const { client, ids } = scripted(script);
  let k = 0;
  const actions = createActions(store, client, { newId: () => `rid-${++k}`, sleep: async () => undefined });
  return { store, actions, ids };
}

describe('kiosk actions and requestId', () => {
  it('retries a lost answer once with the same requestId', async () => {
    const { store, actions, ids } = setup([lost(), issued('A001')]);
    await actions.walkIn('s1');
    expect(ids).toEqual(['rid-1', 'rid-1']);
    expect(store.screen.value).toMatchObject({ name: 'ticket', ticket: { number: 'A001' } });
  });

  it('a citizen pressing the same service again after the network refusal reuses the id', async () => {
    const { store, actions, ids } = setup([lost(), lost(), issued('A001')]);
    await actions.walkIn('s1');
    expect(store.screen.value).toMatchObject({ name: 'refusal', code: 'network' });
    await actions.walkIn('s1');
    expect(ids).toEqual(['rid-1', 'rid-1', 'rid-1']);
  });

  it('a new action gets a new id: after an answer, another service, or once the kiosk went home', async () => {
    const { store, actions, ids } = setup([issued('A001'), issued('A002'), lost(), lost(), issued('B001'), lost(), lost(), issued('B002')]);
    await actions.walkIn('s1');
    await actions.walkIn('s1'); // the next citizen, same service: a new ticket
    await actions.walkIn('s1'); // lost twice
    await actions.walkIn('s2'); // another service: another action
    await actions.walkIn('s1'); // lost twice again (a new id: the s1 action ended with s2's press)
    store.go({ name: 'home' });
    await actions.walkIn('s1');
    expect(ids).toEqual(['rid-1', 'rid-2', 'rid-3', 'rid-3', 'rid-4', 'rid-5', 'rid-5', 'rid-6']);
  });

  it('a refusal ends the action: pressing again is a new request', async () => {
    const { actions, ids } = setup([new ApiError(422, 'hall-closed', '当前不在办公时间'), issued('A001')]);
    await actions.walkIn('s1');
    await actions.walkIn('s1');
    expect(ids).toEqual(['rid-1', 'rid-2']);
  });
});

describe('kiosk store', () => {
  it('hall:updated turns 正在办公 off with the next opening, without a new snapshot', () => {
    const store = createKioskStore({ lang: 'zh', idleSeconds: 30, camera: false });
    store.applySnapshot({ time: '2026-11-23T11:59:00+08:00', hallName: '大厅', open: true, nextOpenAt: null, windows: [], queues: [], recentCalls: [] });
    store.applyHall({ open: false, nextOpenAt: '2026-11-23T13:30:00+08:00', hallName: '大厅' });
    expect(store.snapshot.value).toMatchObject({ open: false, nextOpenAt: '2026-11-23T13:30:00+08:00' });
  });
});
