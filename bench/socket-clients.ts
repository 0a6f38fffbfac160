/**
 * Child process of bench/http.ts: opens N Socket.IO connections to a server (bench/light-socket.ts)
 * and reports over IPC when every one of them has received a given `ticket:called` (keyed by ticket
 * id). The parent times the round trip call-next → last client received, so no clocks are compared
 * across processes.
 * Parent → child: nothing. Child → parent: {type:'ready'} once all are connected,
 * {type:'all', ticketId} when the N-th client got that ticket, {type:'error', message}.
 */
import { openLightSocket, type LightSocket } from './light-socket.js';

const [url, countArg, token] = process.argv.slice(2);
const count = Number(countArg);
const send = (m: object) => process.send?.(m);
const seen = new Map<string, number>();
const sockets: LightSocket[] = [];

let connected = 0;
for (let i = 0; i < count; i++) {
  sockets.push(openLightSocket(url, token ? { token } : {}, {
    onConnect: () => { if (++connected === count) send({ type: 'ready' }); },
    onError: (message) => send({ type: 'error', message: `client ${i}: ${message}` }),
    onEvent: (name, json) => {
      if (name !== 'ticket:called') return;
      const id = (JSON.parse(json) as [string, { ticket: { id: string } }])[1].ticket.id;
      const n = (seen.get(id) ?? 0) + 1;
      seen.set(id, n);
      if (n === count) {
        seen.delete(id);
        send({ type: 'all', ticketId: id });
      }
    },
  }));
}

process.on('disconnect', () => {
  sockets.forEach((s) => s.close());
  process.exit(0);
});
