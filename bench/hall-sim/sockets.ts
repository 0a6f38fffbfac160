/**
 * Child process of bench/hall-sim.ts: opens one Socket.IO connection per entry it is given (a token, what
 * the screen tells the server it shows, e.g. `{window: 5}`, and which calls it shows), counts every event
 * they receive, and tells the parent over IPC when every socket that shows a call has received its
 * `ticket:called` (keyed by ticket id), so the parent times call-next → every screen in its own clock.
 * Since issue 20 a socket gets only what it shows: a lobby screen every call, a window's screen its
 * window's, a console its windows' and their queues' calls.
 *
 * The connections are bench/light-socket.ts's: real websockets, read with no more parsing than the
 * timing needs.
 * Parent → child: {type:'open', url, sockets}; {type:'count'} → {type:'count', events}.
 * Child → parent: {type:'ready'}, {type:'all', ticketId}, {type:'error', message}.
 */
import { openLightSocket, type LightSocket } from '../light-socket.js';

/** which calls a socket shows: all, or those at `windows` or of `queues` */
export interface Shows { all?: boolean; windows?: string[]; queues?: string[] }
export interface SimSocket { token: string; view?: Record<string, number>; shows: Shows }

// the parent may be gone (it stopped, or failed): a child never dies of telling it
const send = (m: object) => void (process.connected && process.send?.(m, undefined, undefined, () => undefined));
const sockets: LightSocket[] = [];
const seen = new Map<string, { got: number; of: number }>();
let events = 0;

const shows = (s: Shows, windowId: string, queueId: string) => !!s.all || !!s.windows?.includes(windowId) || !!s.queues?.includes(queueId);

function open(url: string, list: SimSocket[]) {
  let connected = 0;
  list.forEach((entry, i) => sockets.push(openLightSocket(url, { ...entry.view, token: entry.token }, {
    onConnect: () => { if (++connected === list.length) send({ type: 'ready' }); },
    onError: (message) => send({ type: 'error', message: `socket ${i}: ${message}` }),
    onEvent: (name, json) => {
      events++;
      if (name !== 'ticket:called') return;
      const e = (JSON.parse(json) as [string, { ticket: { id: string; queueId: string }; window: { id: string }; recall?: boolean }])[1];
      if (e.recall) return; // a recall repeats the ticket's id: only first calls are timed
      let n = seen.get(e.ticket.id);
      if (!n) seen.set(e.ticket.id, (n = { got: 0, of: list.filter((x) => shows(x.shows, e.window.id, e.ticket.queueId)).length }));
      if (++n.got < n.of) return;
      seen.delete(e.ticket.id);
      send({ type: 'all', ticketId: e.ticket.id });
    },
  })));
}

process.on('message', (m: { type: string; url?: string; sockets?: SimSocket[] }) => {
  if (m.type === 'open') open(m.url!, m.sockets!);
  else if (m.type === 'count') send({ type: 'count', events });
});
process.on('disconnect', () => {
  sockets.forEach((s) => s.close());
  process.exit(0);
});
