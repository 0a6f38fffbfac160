/** The platform link (docs/platform.md): the event stream pulled, the push status and resend, the SMS list. */
import { Router } from 'express';
import { EventsQuery, ResendBody, SmsQuery } from '../../../protocol/platform.js';
import { openApiDocument } from '../../../protocol/openapi.js';
import type { ServerContext } from '../context.js';
import { renderReference } from '../reference.js';
import { actorOf, allow, parse } from '../support.js';

export function platformRoutes({ hall, version }: ServerContext): Router {
  const r = Router();
  let openapi: string | null = null; // built once: the map does not change while running
  let reference: string | null = null;
  r.get('/openapi.json', (_req, res) => void res.type('application/json').send((openapi ??= JSON.stringify(openApiDocument(version)))));
  r.get('/reference', (_req, res) => void res.type('text/html').send((reference ??= renderReference(openApiDocument(version)))));
  r.get('/events', allow('platform.events'), (req, res) => {
    const q = parse(EventsQuery, req.query);
    res.json(hall.platform.events(actorOf(req), q.after, q.limit));
  });
  r.get('/platform/status', allow('platform.status'), (req, res) => void res.json(hall.platform.status(actorOf(req))));
  r.post('/platform/resend', allow('platform.resend'), (req, res) => {
    const body = parse(ResendBody, req.body);
    res.json(hall.platform.resend(actorOf(req), body.fromSeq));
  });
  r.get('/sms', allow('sms.read'), (req, res) => void res.json(hall.platform.smsOfDay(actorOf(req), parse(SmsQuery, req.query).date)));
  return r;
}
