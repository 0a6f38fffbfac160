/**
 * Child of test/server/platform-kill.test.ts: the real server on a file database, pushing to a
 * platform that refuses every connection (argv[3], a closed port), issues tickets in a loop and prints
 * `T <ticketId>` after each commit, until SIGKILLed: every printed ticket is committed, none delivered.
 */
import { startHall } from '../../server/start.js';
import { MONDAY_9AM } from '../helpers/server.js';

const [file, webhookUrl] = process.argv.slice(2);
const running = await startHall({
  env: {
    HALLQ_PORT: '0', HALLQ_HOST: '127.0.0.1', HALLQ_DB: file, HALLQ_CLOCK: 'manual', HALLQ_NOW: MONDAY_9AM, HALLQ_DEMO: '1',
    HALLQ_LOG_LEVEL: 'silent', HALLQ_ADMIN_PASSWORD: 'admin-test-pw',
  },
  config: { platform: { webhookUrl, secret: 'platform-test-secret-0123456789' } },
  devices: false,
  platform: { baseMs: 5, capMs: 20 },
});
const kiosk = { kind: 'device' as const, id: 'd-kill', role: 'kiosk' as const, name: 'kiosk-kill' };
process.stdout.write('READY\n');
for (let i = 0; ; i++) {
  const { ticket } = running.hall.issueTicket(kiosk, { serviceId: i % 2 ? 's-a01' : 's-b01' });
  process.stdout.write(`T ${ticket.id}\n`);
  // let the push loop run between commits, so the kill can land mid-attempt
  if (i % 5 === 4) await new Promise((r) => setImmediate(r));
}
