/**
 * The agent's connection to the hall server: Socket.IO on `/agent` with the kiosk's token,
 * reconnecting with exponential backoff (1 s doubling to 30 s, jittered) and resuming on its own:
 * after every (re)connect it sends its devices' whole health list again and takes print jobs.
 *
 * Scans and health changes are sent only while connected (volatile): a scan from minutes ago must
 * not check in a citizen who has walked away. A print result is kept across a short break and sent
 * on reconnecting; the server ignores it if it already reported that job failed.
 *
 * It stops for good (`fatal`) when the server refuses the token (unknown, revoked, not a kiosk's) or
 * when another agent connected for the same kiosk and replaced this one.
 */
import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import { io, type Socket } from 'socket.io-client';
import type {
  AgentPrintJob,
  AgentPrintResult,
  AgentToServerEvents,
  DeviceHealth,
  DeviceScanEvent,
  ServerToAgentEvents,
} from '../protocol/events.js';
import { AGENT_NAMESPACE } from '../protocol/events.js';
import { AgentPrintJobSchema } from '../protocol/schemas.js';
import { EXIT } from './env.js';

export const BACKOFF = { initialMs: 1000, maxMs: 30_000 };

export const REFUSED =
  '取号机设备令牌被服务器拒绝（无效、过期或已吊销），设备代理停止 (the server refused the kiosk token: unknown, expired or revoked; the device agent stops)';
export const NOT_A_KIOSK = '该令牌不属于取号机，设备代理停止 (the token is not a kiosk device token; the device agent stops)';
export const REPLACED =
  '同一取号机的另一个设备代理已连接并取代本代理，本代理停止 (another device agent connected for the same kiosk and replaced this one; it stops)';

export interface ServerLinkEvents {
  print: [AgentPrintJob];
  /** the agent must stop: exit code and a Chinese + English line */
  fatal: [number, string];
}

export class ServerLink extends EventEmitter<ServerLinkEvents> {
  private readonly socket: Socket<ServerToAgentEvents, AgentToServerEvents>;
  private stopped = false;
  private failures = 0;
  private kiosk: string | null = null;

  constructor(private readonly o: { server: string; token: string; log: Logger; health: () => DeviceHealth[]; backoff?: typeof BACKOFF }) {
    super();
    const b = o.backoff ?? BACKOFF;
    this.socket = io(`${o.server}${AGENT_NAMESPACE}`, {
      auth: { token: o.token },
      transports: ['websocket'],
      autoConnect: false,
      reconnectionDelay: b.initialMs,
      reconnectionDelayMax: b.maxMs,
      randomizationFactor: 0.5,
    });
    const s = this.socket;
    s.on('connect', () => {
      if (this.failures > 0) o.log.info({ failures: this.failures }, 'reconnected to the hall server');
      this.failures = 0;
      s.emit('agent:health', o.health());
    });
    s.on('agent:welcome', (w) => {
      if (w.kiosk !== this.kiosk) o.log.info({ kiosk: w.kiosk, server: o.server }, `connected as kiosk ${w.kiosk}`);
      this.kiosk = w.kiosk;
    });
    s.on('agent:print', (job) => {
      const r = AgentPrintJobSchema.safeParse(job);
      if (r.success) this.emit('print', r.data);
      else o.log.warn({ problem: r.error.issues.map((i) => i.path.join('.')).join(', ') }, 'malformed print job from the server: ignored');
    });
    s.on('agent:replaced', () => this.fatal(EXIT.replaced, REPLACED));
    s.on('connect_error', (err) => {
      // refused by the server's handshake (not a network fault): socket.io does not retry those
      if (!s.active) {
        if (err.message === 'not-a-kiosk') this.fatal(EXIT.refused, NOT_A_KIOSK);
        else this.fatal(EXIT.refused, REFUSED);
        return;
      }
      this.failures++;
      if (this.failures === 1) o.log.warn({ server: o.server, err: err.message }, 'cannot reach the hall server; retrying with backoff');
      else o.log.debug({ failures: this.failures, err: err.message }, 'still cannot reach the hall server');
    });
    s.on('disconnect', (reason) => {
      if (this.stopped) return;
      o.log.warn({ reason }, 'disconnected from the hall server; reconnecting');
      this.failures = Math.max(this.failures, 1);
      // the server dropped this connection (its token revoked, its role changed): socket.io does not
      // reconnect by itself then; the next handshake says whether the token still holds
      // (not unref'd: this timer is what keeps the agent alive meanwhile)
      if (reason === 'io server disconnect') setTimeout(() => !this.stopped && s.connect(), b.initialMs);
    });
  }

  start(): void {
    this.socket.connect();
  }

  stop(): void {
    this.stopped = true;
    this.socket.close();
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  health(list: DeviceHealth[]): void {
    this.socket.volatile.emit('agent:health', list);
  }

  scan(e: DeviceScanEvent): void {
    if (!this.socket.connected) this.o.log.warn({ source: e.source }, 'scan while not connected to the hall server: dropped');
    this.socket.volatile.emit('agent:scan', e);
  }

  printed(r: AgentPrintResult): void {
    this.socket.emit('agent:printed', r);
  }

  private fatal(code: number, message: string): void {
    if (this.stopped) return;
    this.stop();
    this.emit('fatal', code, message);
  }
}
