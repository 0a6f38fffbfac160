/**
 * The booking desk (issue 19): 派单 → 签收, calls about a booking, a window's worklist and a booking's
 * history. Lists are masked; a call's note is shown only on the history.
 */
import { Router } from 'express';
import { ContactBody, DeskQuery, DispatchBody } from '../../../protocol/schemas.js';
import type { ServerContext } from '../context.js';
import { actorOf, allow, noStore, param, parse } from '../support.js';

export function deskRoutes({ hall }: ServerContext): Router {
  const r = Router();
  r.post('/bookings/:id/dispatch', allow('booking.dispatch'), (req, res) => {
    res.json(hall.desk.dispatch(actorOf(req), param(req, 'id'), parse(DispatchBody, req.body).windowId));
  });
  r.post('/bookings/:id/sign', allow('booking.sign'), (req, res) => void res.json(hall.desk.sign(actorOf(req), param(req, 'id'))));
  r.post('/bookings/:id/contacts', allow('booking.contact'), (req, res) => {
    res.status(201).json(hall.desk.contact(actorOf(req), param(req, 'id'), parse(ContactBody, req.body)));
  });
  r.get('/bookings/:id/history', allow('booking.read'), noStore, (req, res) => void res.json(hall.desk.history(actorOf(req), param(req, 'id'))));
  r.get('/desk', allow('booking.desk'), noStore, (req, res) => void res.json(hall.desk.worklist(actorOf(req), parse(DeskQuery, req.query).windowId)));
  return r;
}
