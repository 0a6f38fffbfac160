/** Catalog lists (any token) and edits (admin). Creating POSTs take a `requestId` like every other (CONTRACT.md). */
import { Router } from 'express';
import { QueueBody, ServiceBody, WindowBody } from '../../../protocol/schemas.js';
import type { ServerContext } from '../context.js';
import { actorOf, allow, param, parse } from '../support.js';

export function catalogRoutes({ hall }: ServerContext): Router {
  const r = Router();
  const c = hall.catalog;

  r.get('/queues', allow(), (_req, res) => void res.json(hall.queues()));
  r.get('/services', allow(), (_req, res) => void res.json(hall.services()));
  r.get('/windows', allow(), (_req, res) => void res.json(hall.windows()));

  /** 201 with the created object; the same requestId again → 200 with the first result, nothing created twice */
  const created = (res: import('express').Response, { replayed, ...out }: { replayed?: boolean }) => res.status(replayed ? 200 : 201).json(out);
  const edit = allow('catalog.edit');
  r.post('/queues', edit, (req, res) => {
    const { requestId, ...q } = parse(QueueBody, req.body);
    created(res, c.createQueue(actorOf(req), q, requestId));
  });
  r.put('/queues/:id', edit, (req, res) => {
    const { requestId: _, ...x } = parse(QueueBody, req.body); // a requestId means something only on a creating POST
    res.json(c.updateQueue(actorOf(req), param(req, 'id'), x));
  });
  r.delete('/queues/:id', edit, (req, res) => void res.json(c.deleteQueue(actorOf(req), param(req, 'id'))));
  r.post('/services', edit, (req, res) => {
    const { requestId, ...s } = parse(ServiceBody, req.body);
    created(res, c.createService(actorOf(req), s, requestId));
  });
  r.put('/services/:id', edit, (req, res) => {
    const { requestId: _, ...x } = parse(ServiceBody, req.body); // a requestId means something only on a creating POST
    res.json(c.updateService(actorOf(req), param(req, 'id'), x));
  });
  r.delete('/services/:id', edit, (req, res) => void res.json(c.deleteService(actorOf(req), param(req, 'id'))));
  r.post('/windows', edit, (req, res) => {
    const { requestId, ...w } = parse(WindowBody, req.body);
    created(res, c.createWindow(actorOf(req), w, requestId));
  });
  r.put('/windows/:id', edit, (req, res) => {
    const { requestId: _, ...x } = parse(WindowBody, req.body); // a requestId means something only on a creating POST
    res.json(c.updateWindow(actorOf(req), param(req, 'id'), x));
  });
  r.delete('/windows/:id', edit, (req, res) => void res.json(c.deleteWindow(actorOf(req), param(req, 'id'))));
  return r;
}
