/**
 * Child of test/db/durability.test.ts: opens the hall on a file database and issues tickets and
 * bookings in a loop until killed, printing one line per acknowledged (committed) item:
 * `T <ticketId> <number>` or `B <bookingId>`. Stdout to a pipe is synchronous on Linux, so a
 * printed line was acknowledged after its commit returned.
 */
import { ADMIN, KIOSK, makeHall, seedCatalog } from '../helpers/hall.js';
import { bookingOf } from '../hall/fixtures.js';

const file = process.argv[2];
const limit = Number(process.argv[3] ?? 100_000);
if (!file) throw new Error('usage: durability-child.ts FILE [LIMIT]');

const { hall, db } = makeHall({ file, now: '2026-11-23T09:00:00+08:00' });
if (hall.catalog.isEmpty()) {
  seedCatalog(hall, [{ id: 'd1', code: 'D01', name: '耐久测试事项', queueId: 'qB', bookable: true, extended: false, slotCapacity: 1000 }]);
}
const PLATFORM = { kind: 'device' as const, id: 'd-platform', role: 'platform' as const };
// a restarted child books new people: one booking per person per slot
let person = (db.prepare('SELECT count(*) n FROM bookings').get() as { n: number }).n;

process.stdout.write('READY\n');
for (let i = 0; i < limit; i++) {
  if (i % 3 === 2) {
    const { booking } = hall.book(PLATFORM, bookingOf(person++ % 1000, { serviceId: 'd1', date: '2026-11-24', slot: '09:30' }));
    process.stdout.write(`B ${booking.id}\n`);
  } else {
    const { ticket } = hall.issueTicket(KIOSK, { serviceId: i % 2 ? 'a1' : 'b1' });
    process.stdout.write(`T ${ticket.id} ${ticket.number}\n`);
  }
}
