/** Tickets and check-ins (kiosk, staff+), the public ticket status (no token: the ticket id is unguessable). */
import { Router } from 'express';
import { HallError } from '../../../protocol/errors.js';
import { CheckinBody, IssueTicketBody } from '../../../protocol/schemas.js';
import type { ServerContext } from '../context.js';
import { actorOf, allow, param, parse } from '../support.js';

/** The check-in refusals by ID number that count as a miss (a probe would see these). */
const MISSES = new Set<string>(['booking-not-found', 'invalid-id-number', 'booking-not-today']);

export function ticketRoutes(ctx: ServerContext): Router {
  const { hall, checkinMisses } = ctx;
  const r = Router();

  /** A kiosk's ticket goes to the kiosk's printer; the outcome follows as `print:result` on its socket. */
  const print = (actor: ReturnType<typeof actorOf>, ticketId: string) => {
    if (actor.role !== 'kiosk' || !actor.name || !ctx.devices?.prints(actor.name)) return 'none' as const;
    void ctx.devices.printTicket(actor.name, ticketId);
    return 'queued' as const;
  };

  r.post('/tickets', allow('ticket.issue'), (req, res) => {
    const actor = actorOf(req);
    const body = parse(IssueTicketBody, req.body);
    const result = hall.issueTicket(actor, body);
    const { replayed, ...out } = result;
    res.status(replayed ? 200 : 201).json({ ...out, print: replayed ? 'none' : print(actor, out.ticket.id) });
  });

  r.get('/tickets/:id', allow(), (req, res) => void res.json(hall.ticket(param(req, 'id'))));

  r.post('/tickets/:id/print', allow('ticket.print'), async (req, res) => {
    const actor = actorOf(req);
    const id = param(req, 'id');
    hall.ticket(id);
    if (!actor.name || !ctx.devices?.prints(actor.name)) throw new HallError('not-found', undefined, '本机未连接打印机');
    res.json(await ctx.devices.printTicket(actor.name, id));
  });

  /**
   * Check-in by ID number is what one could probe (is this person booked?): misses (nothing found,
   * a bad number, a booking of another day) take a token from the kiosk's small bucket
   * (CHECKIN_MISSES); an empty bucket answers 429 for the few seconds until the next token, so the
   * next citizen is never locked out for long and a correct ID number checks in as soon as it may.
   * A booking code typed on the keypad counts the same way. A QR code is unforgeable: scanning one
   * is never limited. A kiosk learns only "not today": the booking's date and slot go to staff (the
   * console) alone.
   */
  r.post('/checkins', allow('checkin'), (req, res) => {
    const actor = actorOf(req);
    const body = parse(CheckinBody, req.body);
    const key = `${actor.kind}:${actor.id}`;
    // a typed booking code can be probed like an ID number: the same bucket
    const byId = 'idNumber' in body || 'code' in body;
    const wait = byId ? checkinMisses.waitMs(key) : 0;
    if (wait > 0) throw new HallError('rate-limited', { retryAfterSeconds: Math.ceil(wait / 1000) });
    try {
      const result = hall.checkIn(actor, body);
      const { replayed, ...out } = result;
      const status = replayed || out.alreadyCheckedIn ? 200 : 201;
      res.status(status).json({ ...out, print: status === 201 ? print(actor, out.ticket.id) : 'none' });
    } catch (err) {
      if (!(err instanceof HallError)) throw err;
      if (byId && MISSES.has(err.code)) checkinMisses.take(key);
      if (err.code === 'booking-not-today' && actor.role === 'kiosk') throw new HallError('booking-not-today');
      throw err;
    }
  });

  return r;
}

/** GET /api/public/tickets/:id — what the QR on a ticket opens on a citizen's phone. No personal data. */
export function publicRoutes({ hall }: ServerContext): Router {
  const r = Router();
  r.get('/tickets/:id', (req, res) => void res.json(hall.publicTicket(param(req, 'id'))));
  r.get('/hall', (_req, res) => {
    res.json({ hallName: hall.settings.hallName, ...hall.openness(), notices: [...hall.settings.notices] });
  });
  return r;
}
