/** Slots, bookings, cancellation, credit and pardon. Personal data is masked except for an admin reading one booking. */
import { Router } from 'express';
import { HallError } from '../../../protocol/errors.js';
import { BookingsQuery, CancelBookingBody, CreateBookingBody, PardonBody, SlotsQuery } from '../../../protocol/schemas.js';
import type { ServerContext } from '../context.js';
import { actorOf, allow, param, parse, STAFF_UP } from '../support.js';

export function bookingRoutes({ hall }: ServerContext): Router {
  const r = Router();

  r.get('/slots', allow(), (req, res) => {
    const q = parse(SlotsQuery, req.query);
    res.json(hall.slots(q.serviceId, q.date));
  });

  r.post('/bookings', allow(...STAFF_UP, 'platform'), (req, res) => {
    const actor = actorOf(req);
    const body = parse(CreateBookingBody, req.body);
    // online bookings come from the platform (or an admin); phone and on-site ones are registered by hall staff
    const may = body.channel === 'online' ? ['platform', 'admin'] : STAFF_UP;
    if (!may.includes(actor.role)) throw new HallError('forbidden', { channel: body.channel });
    const { replayed, ...out } = hall.book(actor, body);
    res.status(replayed ? 200 : 201).json(out);
  });

  r.get('/bookings', allow(...STAFF_UP), (req, res) => {
    const q = parse(BookingsQuery, req.query);
    const reveal = actorOf(req).role === 'admin';
    let list = hall.bookingsOf(q.date, reveal);
    if (q.q) {
      const needle = q.q.trim();
      // search matches the clear values, but only masked values leave the server for non-admins
      const rows = hall.repos.bookings.ofDate(q.date);
      const hits = new Set(rows.filter((b) => b.name.includes(needle) || b.id_number.includes(needle.toUpperCase()) || b.phone.includes(needle) || b.id === needle).map((b) => b.id));
      list = list.filter((b) => hits.has(b.id));
    }
    res.json(list);
  });

  r.get('/bookings/:id', allow(...STAFF_UP), (req, res) => void res.json(hall.booking(param(req, 'id'), actorOf(req).role === 'admin')));

  r.post('/bookings/:id/cancel', allow(...STAFF_UP, 'platform'), (req, res) => {
    const actor = actorOf(req);
    const body = parse(CancelBookingBody, req.body);
    if (actor.role === 'platform' && body.by !== 'citizen') throw new HallError('forbidden');
    res.json(hall.cancelBooking(actor, param(req, 'id'), body.by, body.reason));
  });

  r.get('/citizens/:idNumber/credit', allow(...STAFF_UP), (req, res) => void res.json(hall.credit(param(req, 'idNumber'))));
  r.post('/citizens/:idNumber/pardon', allow('admin'), (req, res) => {
    const body = parse(PardonBody, req.body);
    res.json(hall.pardon(actorOf(req), param(req, 'idNumber'), body.reason));
  });

  return r;
}
