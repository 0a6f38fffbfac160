/** Hall settings (admin: GET /api/config, PUT /api/config/:section, POST /api/config/apply) and the calendar (any token). */
import { Router } from 'express';
import { CalendarQuery } from '../../../protocol/schemas.js';
import type { ServerContext } from '../context.js';
import { actorOf, allow, noStore, param, parse } from '../support.js';

export function settingsRoutes({ hall, settings }: ServerContext): Router {
  const r = Router();
  r.get('/config', allow('settings.read'), noStore, (req, res) => void res.json(settings.view(actorOf(req))));
  r.put('/config/:section', allow('settings.edit'), (req, res) => void res.json(settings.put(actorOf(req), param(req, 'section'), req.body)));
  r.post('/config/apply', allow('settings.edit'), (req, res) => void res.json(settings.apply(actorOf(req), req.body)));
  r.get('/calendar', allow(), (req, res) => {
    const q = parse(CalendarQuery, req.query);
    res.json(hall.calendar(actorOf(req), q.from, q.to));
  });
  return r;
}
