/**
 * Binds the device manager to the hall: the hall's events drive LED screens, keypads and evaluators
 * become hall commands, scans go to their kiosk, and a kiosk's ticket is printed on its printer.
 * Nothing here is on a hall command's path: a dead device only changes its health.
 */
import type pino from 'pino';
import type { Hall } from './hall.js';
import type { Actor } from './hall.js';
import type { Realtime } from './realtime/io.js';
import type { DevicePort } from './http/context.js';
import type { HallConfig } from './config.js';
import type { PrintResultEvent } from '../protocol/events.js';
import { HallError } from '../protocol/errors.js';
import { localTime } from './engine/calendar.js';
import { DeviceManager } from './devices/manager.js';
import { demoDevicesConfig } from './devices/demo.js';
import { DemoPanel } from './devices/demo-panel.js';
import type { DeviceHost, KeypadAction } from './devices/host.js';
import type { DevicesConfig } from './devices/config.js';
import type { TicketPrintJob } from '../protocol/events.js';
import type { AgentHub } from './realtime/agent-hub.js';

export interface DevicesHandle extends DevicePort {
  manager: DeviceManager;
  stop(): Promise<void>;
}

function hostFor(hall: Hall, realtime: Realtime, log: pino.Logger): DeviceHost {
  /** a keypad or evaluator acts as itself, at its own window only (server/engine/authz.ts) */
  const device = (id: string, role: 'keypad' | 'evaluator', windowId: string): Actor => ({ kind: 'device', id, role, name: id, windowIds: [windowId] });
  const run = (action: KeypadAction, a: Actor, w: string) => {
    switch (action) {
      case 'call-next': return hall.callNext(a, w);
      case 'recall': return hall.recall(a, w);
      case 'no-show': return hall.noShow(a, w);
      case 'start': return hall.start(a, w);
      case 'finish': return hall.finish(a, w);
      case 'pause': return hall.pause(a, w, '暂离（呼叫器）');
    }
  };
  return {
    hallName: () => hall.settings.hallName,
    events: hall.events as unknown as DeviceHost['events'],
    now: () => hall.now(),
    async windowAction(windowNumber, action, deviceId) {
      try {
        const w = hall.windowByNumber(windowNumber).id;
        run(action, device(deviceId, 'keypad', w), w);
      } catch (err) {
        // a keypad press the hall refuses (nobody waiting, ticket still called) is normal use, not a fault
        if (err instanceof HallError) log.info({ window: windowNumber, action, code: err.code }, 'keypad command refused');
        else throw err;
      }
    },
    async rate(windowNumber, rating, deviceId) {
      try {
        const w = hall.windowByNumber(windowNumber).id;
        hall.rate(device(deviceId, 'evaluator', w), w, rating);
      } catch (err) {
        if (err instanceof HallError) log.info({ window: windowNumber, code: err.code }, 'rating not stored');
        else throw err;
      }
    },
    scan: (kiosk, e) => realtime.scan(kiosk, e),
    windows: () => hall.snapshot().windows,
  };
}

/** A ticket as the printer prints it. */
export function printJob(hall: Hall, publicUrl: () => string, ticketId: string): TicketPrintJob {
  return { ...hall.ticketForPrint(ticketId), statusUrl: `${publicUrl()}/t/${ticketId}`, notices: [...hall.settings.notices] };
}

/**
 * The device side the HTTP layer sees: the server's own devices (or none) and the kiosk PCs' device
 * agents. A kiosk whose agent (since the server started) has a printer prints through it, and while that
 * agent is away its tickets are reported failed at once (its printer is at the kiosk, not here);
 * any other kiosk prints on the server's own printer for it, as before. Health is both lists.
 */
export function devicePort(o: {
  hall: Hall; realtime: Realtime; log: pino.Logger; own: DevicesHandle | null; agents: AgentHub; publicUrl: () => string;
}): DevicePort {
  const { own, agents } = o;
  return {
    health: () => [...(own?.health() ?? []), ...agents.list()],
    ledText: (n) => own?.ledText(n) ?? null,
    prints: (kiosk) => agents.prints(kiosk) || (own?.prints(kiosk) ?? false),
    async printTicket(kioskName, ticketId) {
      if (!agents.prints(kioskName) && own) return own.printTicket(kioskName, ticketId);
      let result: PrintResultEvent;
      try {
        result = await agents.print(kioskName, ticketId, printJob(o.hall, o.publicUrl, ticketId));
      } catch (err) {
        o.log.error({ err, kiosk: kioskName }, 'printing through the device agent failed');
        result = { ticketId, ok: false, reason: '打印机故障' };
      }
      o.realtime.printResult(kioskName, result);
      return result;
    },
    ...(own?.demo ? { demo: own.demo } : {}),
  };
}

export async function startDevices(o: {
  hall: Hall; realtime: Realtime; log: pino.Logger; config: HallConfig | null;
  demo: { windowNumbers: number[]; kiosks: string[] } | null; publicUrl: () => string;
}): Promise<DevicesHandle | null> {
  const cfg: DevicesConfig | null = o.config && o.config.devices.length
    ? { buses: o.config.buses, devices: o.config.devices }
    : o.demo ? demoDevicesConfig(o.demo.windowNumbers, o.demo.kiosks) : null;
  if (!cfg) return null;
  const { hall, realtime } = o;
  const manager = new DeviceManager({
    config: cfg, host: hostFor(hall, realtime, o.log), logger: o.log, demo: !!o.demo,
    localTime: () => localTime(hall.now(), hall.settings.hours.tz),
  });
  manager.on('health', (h) => realtime.health(h));
  await manager.start();

  return {
    manager,
    health: () => manager.health(),
    ledText: (n) => manager.ledText(n),
    prints: () => true,
    async printTicket(kioskName, ticketId): Promise<PrintResultEvent> {
      let result: PrintResultEvent;
      try {
        const out = await manager.printTicket(kioskName, printJob(hall, o.publicUrl, ticketId));
        result = out.ok ? { ticketId, ok: true } : { ticketId, ok: false, reason: out.message };
      } catch (err) {
        o.log.error({ err, kiosk: kioskName }, 'printing failed');
        result = { ticketId, ok: false, reason: '打印机故障' };
      }
      realtime.printResult(kioskName, result);
      return result;
    },
    ...(o.demo ? { demo: new DemoPanel(cfg, manager.simulators) } : {}),
    stop: () => manager.stop(),
  };
}
