/**
 * Child process of bench/http.ts: opens N Socket.IO clients to a server and reports over IPC when
 * every one of them has received a given `ticket:called` (keyed by ticket id). The parent times the
 * round trip call-next → last client received, so no clocks are compared across processes.
 * Parent → child: nothing. Child → parent: {type:'ready'} once all are connected,
 * {type:'all', ticketId} when the N-th client got that ticket, {type:'error', message}.
 */
import { io as connect, type Socket } from 'socket.io-client';

const [url, countArg, token] = process.argv.slice(2);
const count = Number(countArg);
const send = (m: object) => process.send?.(m);
const seen = new Map<string, number>();
const sockets: Socket[] = [];

let connected = 0;
for (let i = 0; i < count; i++) {
  const s = connect(url, { auth: token ? { token } : {}, transports: ['websocket'], reconnection: false, forceNew: true });
  sockets.push(s);
  s.once('connect', () => { if (++connected === count) send({ type: 'ready' }); });
  s.once('connect_error', (err) => send({ type: 'error', message: `client ${i}: ${err.message}` }));
  s.on('ticket:called', (e: { ticket: { id: string } }) => {
    const n = (seen.get(e.ticket.id) ?? 0) + 1;
    seen.set(e.ticket.id, n);
    if (n === count) {
      seen.delete(e.ticket.id);
      send({ type: 'all', ticketId: e.ticket.id });
    }
  });
}

process.on('disconnect', () => {
  sockets.forEach((s) => s.close());
  process.exit(0);
});
