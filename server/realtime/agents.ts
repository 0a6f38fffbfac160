/**
 * The `/agent` Socket.IO namespace (CONTRACT.md "Kiosk PC device agent"): a kiosk PC's device agent
 * connects with the kiosk's device token. Anything else is refused at the handshake: an unknown,
 * expired or revoked token (`unauthorized`) or another principal's (`not-a-kiosk`). What an agent
 * sends is checked with protocol/schemas.ts before it reaches the kiosk page or the health board.
 */
import type { Namespace, Server } from 'socket.io';
import type { Logger } from 'pino';
import type { AgentToServerEvents, DeviceScanEvent, ServerToAgentEvents } from '../../protocol/events.js';
import { AGENT_NAMESPACE } from '../../protocol/events.js';
import { AgentHealthSchema, AgentPrintResultSchema, DeviceScanSchema } from '../../protocol/schemas.js';
import type { Actor } from '../hall.js';
import type { AgentHub, AgentLink } from './agent-hub.js';

interface AgentSocketData {
  actor: Actor;
  tokenHash: string;
}

export type AgentNamespace = Namespace<AgentToServerEvents, ServerToAgentEvents, Record<string, never>, AgentSocketData>;

export function attachAgents(
  io: Server,
  o: {
    hub: AgentHub;
    log: Logger;
    resolve: (token: unknown) => { actor: Actor; tokenHash: string } | null;
    scan: (kiosk: string, e: DeviceScanEvent) => void;
    now: () => Date;
  },
): AgentNamespace {
  const nsp = io.of(AGENT_NAMESPACE) as unknown as AgentNamespace;

  nsp.use((socket, next) => {
    const who = o.resolve((socket.handshake.auth as { token?: unknown })?.token);
    if (!who) return next(new Error('unauthorized'));
    if (who.actor.kind !== 'device' || who.actor.role !== 'kiosk' || !who.actor.name) return next(new Error('not-a-kiosk'));
    socket.data.actor = who.actor;
    socket.data.tokenHash = who.tokenHash;
    next();
  });

  nsp.on('connection', (socket) => {
    const kiosk = socket.data.actor.name!;
    const link: AgentLink = {
      print: (job) => void socket.emit('agent:print', job),
      replace: () => {
        socket.emit('agent:replaced', { at: o.now().toISOString() });
        // after the notice is on its way
        setImmediate(() => socket.disconnect(true));
      },
    };
    const refused = (what: string, err: unknown) =>
      o.log.warn(
        { kiosk, event: what, problem: err instanceof Error ? err.message.slice(0, 200) : String(err) },
        'device agent sent a malformed event: ignored',
      );
    o.hub.connect(kiosk, link);
    socket.on('disconnect', () => o.hub.disconnect(kiosk, link));
    socket.on('agent:health', (list) => {
      const r = AgentHealthSchema.safeParse(list);
      if (r.success) o.hub.health(kiosk, link, r.data);
      else refused('agent:health', r.error);
    });
    socket.on('agent:scan', (e) => {
      const r = DeviceScanSchema.safeParse(e);
      // a scan is personal data (an ID number): forwarded to this kiosk's page only, never logged
      if (r.success) o.scan(kiosk, r.data);
      else refused('agent:scan', r.error.issues.map((i) => i.path.join('.')).join(', '));
    });
    socket.on('agent:printed', (result) => {
      const r = AgentPrintResultSchema.safeParse(result);
      if (r.success) o.hub.printed(kiosk, r.data);
      else refused('agent:printed', r.error);
    });
    socket.emit('agent:welcome', { kiosk });
  });

  return nsp;
}
