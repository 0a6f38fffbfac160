/** Slots, bookings, cancellation, credit and pardon. Personal data is masked; one booking is revealed only by an audited action. */
import { Router } from 'express';
import { BookingsQuery, CancelBookingBody, CreateBookingBody, PardonBody, RevealBody, SlotsQuery } from '../../../protocol/schemas.js';
import type { ServerContext } from '../context.js';
import { actorOf, allow, noStore, param, parse } from '../support.js';

export function bookingRoutes({ hall }: ServerContext): Router {
  const r = Router();

  r.get('/slots', allow(), (req, res) => {
    const q = parse(SlotsQuery, req.query);
    res.json(hall.slots(q.serviceId, q.date));
  });

  // online bookings come from the platform (or an admin); phone and on-site ones are registered by hall staff (the hall decides)
  r.post('/bookings', allow(), (req, res) => {
    const { replayed, ...out } = hall.book(actorOf(req), parse(CreateBookingBody, req.body));
    res.status(replayed ? 200 : 201).json(out);
  });

  r.get('/bookings', allow('booking.read'), noStore, (req, res) => {
    const q = parse(BookingsQuery, req.query);
    res.json(hall.bookingsOf(actorOf(req), q.date, q.q));
  });

  r.get('/bookings/:id', allow('booking.read'), noStore, (req, res) => void res.json(hall.booking(actorOf(req), param(req, 'id'))));
  r.post('/bookings/:id/reveal', allow('booking.read'), noStore, (req, res) => {
    res.json(hall.revealBooking(actorOf(req), param(req, 'id'), parse(RevealBody, req.body).reason));
  });

  r.post('/bookings/:id/cancel', allow('booking.cancel'), (req, res) => {
    const body = parse(CancelBookingBody, req.body);
    res.json(hall.cancelBooking(actorOf(req), param(req, 'id'), body.by, body.reason));
  });

  r.get('/citizens/barred', allow('credit.barred'), noStore, (req, res) => void res.json(hall.barred(actorOf(req))));
  r.post('/citizens/barred/:ref/pardon', allow('credit.pardon'), (req, res) => {
    res.json(hall.pardonBarred(actorOf(req), param(req, 'ref'), parse(PardonBody, req.body).reason));
  });
  r.get('/citizens/:idNumber/credit', allow('credit.read'), noStore, (req, res) => void res.json(hall.credit(actorOf(req), param(req, 'idNumber'))));
  r.post('/citizens/:idNumber/pardon', allow('credit.pardon'), (req, res) => {
    const body = parse(PardonBody, req.body);
    res.json(hall.pardon(actorOf(req), param(req, 'idNumber'), body.reason));
  });

  return r;
}
