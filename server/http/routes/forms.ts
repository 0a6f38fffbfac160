/**
 * The duty roster and the printable forms (issue 19): GET/POST /api/roster, DELETE /api/roster/:id,
 * GET /api/forms/registration/:bookingId, /api/forms/handover, /api/forms/duty (no-store, like all of /api).
 */
import { Router } from 'express';
import { DutyFormQuery, HandoverFormQuery, RosterBody, RosterQuery } from '../../../protocol/schemas.js';
import type { ServerContext } from '../context.js';
import { actorOf, allow, noStore, param, parse } from '../support.js';

export function formRoutes({ hall }: ServerContext): Router {
  const r = Router();
  r.get('/roster', allow('roster.read'), noStore, (req, res) => void res.json(hall.roster.day(actorOf(req), parse(RosterQuery, req.query).date)));
  r.post('/roster', allow('roster.edit'), (req, res) => void res.status(201).json(hall.roster.assign(actorOf(req), parse(RosterBody, req.body))));
  r.delete('/roster/:id', allow('roster.edit'), (req, res) => void res.json(hall.roster.remove(actorOf(req), param(req, 'id'))));
  r.get('/forms/registration/:bookingId', allow('form.read'), noStore, (req, res) => {
    res.json(hall.roster.registrationForm(actorOf(req), param(req, 'bookingId')));
  });
  r.get('/forms/handover', allow('form.read'), noStore, (req, res) => {
    const q = parse(HandoverFormQuery, req.query);
    res.json(hall.roster.handoverForm(actorOf(req), q.date, q.channel));
  });
  r.get('/forms/duty', allow('form.read'), noStore, (req, res) => {
    const q = parse(DutyFormQuery, req.query);
    res.json(hall.roster.dutyForm(actorOf(req), q.date, q.department));
  });
  return r;
}
