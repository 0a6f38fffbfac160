/**
 * Issue 18: the server and a kiosk PC's device agent as separate processes. A kiosk ticket prints on
 * the agent's printer (a TCP printer and a serial one on a socat pty), an ID card read at the agent
 * reaches the kiosk page, a killed agent's devices go offline while the kiosk still issues tickets
 * (each reported failed, none printed later), and a restarted agent brings them back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SerialPort } from 'serialport';
import { startVirtualPrinter, type VirtualPrinter } from '../../drivers/printer/index.js';
import { IdCardSimulator } from '../../drivers/idcard/simulator.js';
import { sampleCard } from '../../drivers/idcard/text.js';
import { attachPeerToStream } from '../../drivers/serial/peer-binding.js';
import { hasSocat, ptyPair, type PtyPair } from '../drivers/serial/socat.js';
import { agentHealth, BOOT_MS, startAgent, startHallProcess, TEST_MS, waitFor, type HallProcess, type Proc } from './processes.js';

let hall: HallProcess;
let vp: VirtualPrinter;
const agents: Proc[] = [];
const agent = (...a: Parameters<typeof startAgent>) => {
  const p = startAgent(...a);
  agents.push(p);
  return p;
};

beforeAll(async () => {
  hall = await startHallProcess();
  vp = await startVirtualPrinter({ host: '127.0.0.1', port: 0, paperWidth: 80, png: false, dir: hall.dir });
}, BOOT_MS * 2);

afterAll(async () => {
  await Promise.all(agents.map((a) => a.stop('SIGKILL')));
  await vp?.close();
  await hall?.close();
}, TEST_MS);

const tcpPrinter = () => ({ id: 'printer', kind: 'printer', interface: `tcp://127.0.0.1:${vp.port}` });

describe('a kiosk through its device agent (separate processes)', () => {
  it(
    "prints a kiosk ticket on the agent's TCP printer and tells the kiosk page; SIGTERM stops the agent with 0",
    async () => {
      const page = await hall.kioskPage();
      const a = agent(hall, [tcpPrinter()]);
      await agentHealth(hall, 'kiosk-1', ['printer'], 'online');
      const before = vp.jobs().length;
      const t = await hall.issue();
      expect(t.print).toBe('queued');
      const result = await waitFor(() => page.prints.find((p) => p.ticketId === t.ticket.id), 20_000, 'print:result');
      expect(result).toEqual({ ticketId: t.ticket.id, ok: true });
      expect(
        vp
          .jobs()
          .slice(before)
          .map((j) => j.text)
          .join('\n'),
      ).toContain(t.ticket.number);
      expect(await a.stop()).toBe(0);
      await agentHealth(hall, 'kiosk-1', ['printer'], 'offline');
    },
    TEST_MS,
  );

  describe.skipIf(!hasSocat)('serial devices on socat ptys', () => {
    let printerPty: PtyPair;
    let readerPty: PtyPair;
    const ports: SerialPort[] = [];
    const detach: (() => void)[] = [];
    const card = new IdCardSimulator();

    const open = async (path: string, baudRate: number) => {
      const port = new SerialPort({ path, baudRate, autoOpen: false });
      await new Promise<void>((res, rej) => port.open((e) => (e ? rej(e) : res())));
      ports.push(port);
      return port;
    };

    beforeAll(async () => {
      [printerPty, readerPty] = await Promise.all([ptyPair(), ptyPair()]);
      detach.push(attachPeerToStream(vp.peer(), await open(printerPty.b, 9600)));
      detach.push(attachPeerToStream(card, await open(readerPty.b, 115200)));
    });

    afterAll(async () => {
      detach.forEach((d) => d());
      await Promise.all(ports.map((p) => new Promise((r) => (p.isOpen ? p.close(r) : r(null)))));
      await Promise.all([printerPty?.close(), readerPty?.close()]);
    });

    it(
      'prints on a serial printer and forwards an ID card read to the kiosk page only',
      async () => {
        const page = await hall.kioskPage();
        const lobby = await hall.kioskPage(await hall.staff());
        const a = agent(hall, [
          { id: 'printer', kind: 'printer', interface: `serial:${printerPty.a}?baudRate=9600`, paperWidth: 58 },
          { id: 'reader', kind: 'idcard', path: readerPty.a },
        ]);
        await agentHealth(hall, 'kiosk-1', ['printer', 'reader'], 'online');
        const before = vp.jobs().length;
        const t = await hall.issue();
        expect(await waitFor(() => page.prints.find((p) => p.ticketId === t.ticket.id), 20_000, 'print:result')).toMatchObject({
          ok: true,
        });
        expect(
          vp
            .jobs()
            .slice(before)
            .map((j) => j.text)
            .join('\n'),
        ).toContain(t.ticket.number);

        const id = sampleCard();
        card.place(id);
        expect(await waitFor(() => page.scans[0], 20_000, 'device:scan at the kiosk page')).toEqual({
          source: 'idcard',
          value: id.idNumber,
        });
        expect(lobby.scans).toEqual([]); // personal data goes to that kiosk only
        expect(a.out()).not.toContain(id.idNumber); // nor into the agent's log
        card.lift();
        await a.stop();
      },
      TEST_MS,
    );
  });

  it(
    "the demo: npm start prints the agent command for kiosk-2, and `npm run agent -- --demo` prints kiosk-2's tickets on its simulated printer",
    async () => {
      const cmd = /设备代理 agent\s+HALLQ_SERVER=(\S+) HALLQ_TOKEN=(\S+) npm run agent -- --demo/.exec(hall.proc.out());
      expect(cmd?.[1]).toBe(hall.url);
      const token = cmd![2];
      const page = await hall.kioskPage(token);
      const a = agent(hall, null, { token, args: ['--demo'] });
      await agentHealth(hall, 'kiosk-2', ['printer', 'reader', 'scanner'], 'online');
      const t = await hall.issue(token);
      expect(await waitFor(() => page.prints.find((p) => p.ticketId === t.ticket.id), 20_000, 'print:result')).toEqual({
        ticketId: t.ticket.id,
        ok: true,
      });
      // its log says the printer took it (stdout may arrive a moment after the socket event)
      await waitFor(() => /"ticket":"[A-Z]\d+".*ticket printed/.test(a.out()), 20_000, 'the agent\'s "ticket printed" line');
      await a.stop();
    },
    TEST_MS,
  );

  it(
    'a killed agent: its devices go offline, the kiosk still issues tickets (failed print, never printed later); a restart brings them back',
    async () => {
      const page = await hall.kioskPage();
      const first = agent(hall, [tcpPrinter()]);
      await agentHealth(hall, 'kiosk-1', ['printer'], 'online');
      first.child.kill('SIGKILL');
      // the agent's link closes with its process: offline well within the server's ping interval + timeout (18 s)
      const [offline] = await agentHealth(hall, 'kiosk-1', ['printer'], 'offline', 25_000);
      expect(offline.detail).toMatch(/设备代理/);

      const before = vp.jobs().length;
      const t = await hall.issue();
      expect(t.print).toBe('queued');
      const failed = await waitFor(() => page.prints.find((p) => p.ticketId === t.ticket.id), 8_000, 'a failed print:result');
      expect(failed).toMatchObject({ ok: false, reason: expect.stringContaining('设备代理') });

      const second = agent(hall, [tcpPrinter()]);
      await agentHealth(hall, 'kiosk-1', ['printer'], 'online');
      const t2 = await hall.issue();
      expect(await waitFor(() => page.prints.find((p) => p.ticketId === t2.ticket.id), 20_000, 'print:result')).toMatchObject({ ok: true });
      const printed = vp
        .jobs()
        .slice(before)
        .map((j) => j.text)
        .join('\n');
      expect(printed).toContain(t2.ticket.number);
      expect(printed).not.toContain(t.ticket.number); // the ticket issued while the agent was away is not printed on its return
      await second.stop();
    },
    TEST_MS,
  );
});
