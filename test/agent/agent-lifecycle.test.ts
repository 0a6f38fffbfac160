/**
 * Issue 18 item 2, with real processes: a bad config stops the agent before it connects, a revoked
 * token stops it with a clear line and a non-zero code (systemd does not restart it), a second agent
 * for the same kiosk replaces the first, and a restarted server is found again with backoff.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVirtualPrinter, type VirtualPrinter } from '../../drivers/printer/index.js';
import { EXIT } from '../../agent/env.js';
import { agentHealth, BOOT_MS, startAgent, startHallProcess, TEST_MS, waitFor, type HallProcess, type Proc } from './processes.js';

let hall: HallProcess;
let vp: VirtualPrinter;
const agents: Proc[] = [];
const agent = (...a: Parameters<typeof startAgent>) => {
  const p = startAgent(...a);
  agents.push(p);
  return p;
};
const printer = () => ({ id: 'printer', kind: 'printer', interface: `tcp://127.0.0.1:${vp.port}` });

async function kiosk(name: string): Promise<{ id: string; token: string }> {
  const r = await hall.api<{ id: string; token: string }>('POST', '/api/devices', await hall.admin(), {
    kind: 'kiosk',
    name,
    replace: true,
  });
  expect(r.status).toBe(201);
  return r.body;
}

beforeAll(async () => {
  hall = await startHallProcess();
  vp = await startVirtualPrinter({ host: '127.0.0.1', port: 0, paperWidth: 80, png: false, dir: hall.dir });
}, BOOT_MS * 2);

afterAll(async () => {
  await Promise.all(agents.map((a) => a.stop('SIGKILL')));
  await vp?.close();
  await hall?.close();
}, TEST_MS);

describe('the device agent stops, gives way and comes back as it should', () => {
  it(
    'a kiosk key in its config → exits with EXIT.config naming the key, before connecting',
    async () => {
      const a = agent(hall, [{ ...printer(), kiosk: 'kiosk-1' }]);
      expect(await waitFor(() => a.exit, BOOT_MS, 'the agent to exit')).toBe(EXIT.config);
      expect(a.out()).toMatch(/invalid agent config .*kiosk/);
    },
    TEST_MS,
  );

  it(
    'a revoked token: the agent stops with EXIT.refused and a Chinese + English line; started again with it, it stops at once',
    async () => {
      const k = await kiosk('kiosk-7');
      const a = agent(hall, [printer()], { token: k.token });
      await agentHealth(hall, 'kiosk-7', ['printer'], 'online');
      expect((await hall.api('DELETE', `/api/devices/${k.id}`, await hall.admin())).status).toBe(200);
      expect(await a.exit).toBe(EXIT.refused);
      expect(a.out()).toMatch(/已吊销.*revoked/);
      await agentHealth(hall, 'kiosk-7', ['printer'], 'offline');
      const again = agent(hall, [printer()], { token: k.token });
      expect(await again.exit).toBe(EXIT.refused);
    },
    TEST_MS,
  );

  it(
    'a second agent for the same kiosk replaces the first, which exits with EXIT.replaced saying so; the second prints',
    async () => {
      const k = await kiosk('kiosk-8');
      const first = agent(hall, [printer()], { token: k.token });
      await agentHealth(hall, 'kiosk-8', ['printer'], 'online');
      const second = agent(hall, [{ ...printer(), id: 'printer-b' }], { token: k.token });
      expect(await first.exit).toBe(EXIT.replaced);
      expect(first.out()).toMatch(/取代.*replaced/);
      const page = await hall.kioskPage(k.token);
      await agentHealth(hall, 'kiosk-8', ['printer-b'], 'online');
      const t = await hall.issue(k.token);
      expect(await waitFor(() => page.prints.find((p) => p.ticketId === t.ticket.id), 20_000, 'print:result')).toMatchObject({ ok: true });
      expect(second.child.exitCode).toBeNull();
      await second.stop();
    },
    TEST_MS,
  );

  it(
    'the server restarts: the agent reconnects with backoff and resumes (health, printing)',
    async () => {
      const a = agent(hall, [printer()], { env: { HALLQ_AGENT_RETRY_MAX_MS: '2000' } });
      await agentHealth(hall, 'kiosk-1', ['printer'], 'online');
      await hall.restart();
      await agentHealth(hall, 'kiosk-1', ['printer'], 'online', BOOT_MS);
      const page = await hall.kioskPage();
      const before = vp.jobs().length;
      const t = await hall.issue();
      expect(await waitFor(() => page.prints.find((p) => p.ticketId === t.ticket.id), 20_000, 'print:result')).toMatchObject({ ok: true });
      expect(
        vp
          .jobs()
          .slice(before)
          .map((j) => j.text)
          .join('\n'),
      ).toContain(t.ticket.number);
      expect(a.out()).toMatch(/reconnected to the hall server/);
      await a.stop();
    },
    TEST_MS * 2,
  );
});
