/**
 * Child process of bench/hall-sim.ts: opens one Socket.IO client per token it is given (the lobby
 * screens share one display token, the consoles each have their staff member's), counts every event
 * they receive, and tells the parent over IPC when all of them have received a `ticket:called`
 * (keyed by ticket id), so the parent times call-next → every screen in its own clock.
 * Parent → child: {type:'open', url, tokens}; {type:'count'} → {type:'count', events}.
 * Child → parent: {type:'ready'}, {type:'all', ticketId}, {type:'error', message}.
 */
import { io as connect, type Socket } from 'socket.io-client';

// the parent may be gone (it stopped, or failed): a child never dies of telling it
const send = (m: object) => void (process.connected && process.send?.(m, undefined, undefined, () => undefined));
const sockets: Socket[] = [];
const seen = new Map<string, number>();
let events = 0;

function open(url: string, tokens: string[]) {
  let connected = 0;
  tokens.forEach((token, i) => {
    const s = connect(url, { auth: { token }, transports: ['websocket'], forceNew: true });
    sockets.push(s);
    s.once('connect', () => { if (++connected === tokens.length) send({ type: 'ready' }); });
    s.on('connect_error', (err) => send({ type: 'error', message: `socket ${i}: ${err.message}` }));
    s.onAny(() => void events++);
    s.on('ticket:called', (e: { ticket: { id: string }; recall?: boolean }) => {
      if (e.recall) return; // a recall repeats the ticket's id: only first calls are timed
      const n = (seen.get(e.ticket.id) ?? 0) + 1;
      if (n < tokens.length) seen.set(e.ticket.id, n);
      else {
        seen.delete(e.ticket.id);
        send({ type: 'all', ticketId: e.ticket.id });
      }
    });
  });
}

process.on('message', (m: { type: string; url?: string; tokens?: string[] }) => {
  if (m.type === 'open') open(m.url!, m.tokens!);
  else if (m.type === 'count') send({ type: 'count', events });
});
process.on('disconnect', () => {
  sockets.forEach((s) => s.close());
  process.exit(0);
});
