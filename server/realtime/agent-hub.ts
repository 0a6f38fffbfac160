/**
 * The kiosk PCs' device agents as the server sees them (CONTRACT.md "Kiosk PC device agent"): at
 * most one live agent per kiosk (a new one replaces the old), its devices' health merged into the
 * hall's, and its print jobs matched to their results by job id with a deadline.
 *
 * A print never waits on an agent for longer than `printDeadlineMs`: a job the agent does not answer
 * in time (it was away, its link died, its printer hangs) is reported failed, and the agent, told to
 * start it within a shorter time, drops it rather than print it late. A job is sent once, to the
 * agent connected at that moment, and never again: no ticket is printed twice.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import type { AgentPrintJob, AgentPrintResult, DeviceHealth, PrintResultEvent, TicketPrintJob } from '../../protocol/events.js';

/** the kiosk app gives up after 8 s (apps/kiosk/store.ts PRINT_TIMEOUT_MS): the server answers first */
export const PRINT_DEADLINE_MS = 6_000;
/** time left for a print to run once started, on a slow thermal printer */
const PRINT_RUN_MS = 2_000;

export const AGENT_AWAY = '打印机离线（取号机设备代理未连接）';
const AGENT_TIMEOUT = '打印超时（取号机设备代理未应答）';
const AGENT_GONE = '取号机设备代理已断开 (device agent disconnected)';

/** One agent's connection, as the hub drives it. */
export interface AgentLink {
  print(job: AgentPrintJob): void;
  /** tells the agent it was replaced, then disconnects it */
  replace(): void;
}

interface Pending {
  kiosk: string;
  ticketId: string;
  timer: NodeJS.Timeout;
  resolve: (r: PrintResultEvent) => void;
}

export interface AgentHubEvents {
  health: [DeviceHealth];
}

export class AgentHub extends EventEmitter<AgentHubEvents> {
  private readonly links = new Map<string, AgentLink>();
  /** by kiosk, then by the agent's own device id */
  private readonly devices = new Map<string, Map<string, DeviceHealth>>();
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly o: { log: Logger; now: () => Date; printDeadlineMs?: number }) {
    super();
  }

  private get deadline(): number {
    return this.o.printDeadlineMs ?? PRINT_DEADLINE_MS;
  }

  /** The agent of `kiosk` connected; an earlier one for the same kiosk is replaced (told, then dropped). */
  connect(kiosk: string, link: AgentLink): void {
    const old = this.links.get(kiosk);
    this.links.set(kiosk, link);
    if (!this.devices.has(kiosk)) this.devices.set(kiosk, new Map());
    if (old) {
      this.o.log.warn({ kiosk }, 'a second device agent connected for this kiosk: it replaces the first');
      old.replace();
    } else this.o.log.info({ kiosk }, 'device agent connected');
  }

  /** That agent's connection ended: its devices go offline (unless a newer agent already took over). */
  disconnect(kiosk: string, link: AgentLink): void {
    if (this.links.get(kiosk) !== link) return;
    this.links.delete(kiosk);
    this.o.log.warn({ kiosk }, 'device agent disconnected');
    for (const h of this.devices.get(kiosk)?.values() ?? [])
      this.put(kiosk, { ...h, status: 'offline', detail: AGENT_GONE, at: this.o.now().toISOString() });
  }

  /** an agent is connected for this kiosk now */
  connected(kiosk: string): boolean {
    return this.links.has(kiosk);
  }

  /** an agent has connected for this kiosk since the server started: its printer is the agent's */
  known(kiosk: string): boolean {
    return this.devices.has(kiosk);
  }

  /** this kiosk's agent (connected or away) has said it has a printer: the kiosk's tickets are its to print */
  prints(kiosk: string): boolean {
    return [...(this.devices.get(kiosk)?.values() ?? [])].some((h) => h.kind === 'printer');
  }

  /** The agent's whole list: replaces what it said before. */
  health(kiosk: string, link: AgentLink, list: DeviceHealth[]): void {
    if (this.links.get(kiosk) !== link) return;
    const byId = this.devices.get(kiosk)!;
    for (const id of byId.keys()) if (!list.some((h) => h.id === id)) byId.delete(id);
    for (const h of list) {
      const prev = byId.get(h.id);
      if (!prev || prev.status !== h.status || prev.detail !== h.detail) this.put(kiosk, h);
    }
  }

  /** every agent's devices, ids prefixed with their kiosk (`kiosk-1/printer`) */
  list(): DeviceHealth[] {
    return [...this.devices].flatMap(([kiosk, byId]) => [...byId.values()].map((h) => ({ ...h, id: `${kiosk}/${h.id}` })));
  }

  /** Sends the job to the kiosk's agent; resolves with the agent's result, or a failure at the deadline. Never rejects. */
  print(kiosk: string, ticketId: string, ticket: TicketPrintJob): Promise<PrintResultEvent> {
    const link = this.links.get(kiosk);
    if (!link) return Promise.resolve({ ticketId, ok: false, reason: AGENT_AWAY });
    const jobId = randomUUID();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(jobId);
        this.o.log.warn({ kiosk, jobId }, 'device agent did not report the print in time: reported failed');
        resolve({ ticketId, ok: false, reason: AGENT_TIMEOUT });
      }, this.deadline);
      timer.unref();
      this.pending.set(jobId, { kiosk, ticketId, timer, resolve });
      link.print({ jobId, ticketId, startWithinMs: Math.max(0, this.deadline - PRINT_RUN_MS), ticket });
    });
  }

  /** The agent's result for a job; one for an unknown job, a job given up on or another kiosk's is ignored. */
  printed(kiosk: string, r: AgentPrintResult): void {
    const p = this.pending.get(r.jobId);
    if (!p || p.kiosk !== kiosk) {
      this.o.log.info({ kiosk, jobId: r.jobId, ok: r.ok }, 'late or unknown print result from a device agent: ignored');
      return;
    }
    clearTimeout(p.timer);
    this.pending.delete(r.jobId);
    p.resolve(r.ok ? { ticketId: p.ticketId, ok: true } : { ticketId: p.ticketId, ok: false, reason: r.reason ?? '打印失败' });
  }

  private put(kiosk: string, h: DeviceHealth): void {
    this.devices.get(kiosk)!.set(h.id, h);
    this.emit('health', { ...h, id: `${kiosk}/${h.id}` });
  }
}
