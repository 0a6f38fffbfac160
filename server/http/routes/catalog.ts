/** Catalog lists (any token) and edits (admin). Creating POSTs take a `requestId` like every other (CONTRACT.md). */
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { QueueBody, ServiceBody, WindowBody, requestId } from '../../../protocol/schemas.js';
import type { Actor } from '../../hall.js';
import type { ServerContext } from '../context.js';
import { actorOf, allow, param, parse } from '../support.js';

const RequestIdOnly = z.object({ requestId: requestId.optional() });

export function catalogRoutes({ hall }: ServerContext): Router {
  const r = Router();
  const c = hall.catalog;
  /** 201 with the created object; the same requestId again → 200 with the first result, nothing created twice */
  const create = (scope: string, make: (actor: Actor, body: unknown) => object) => (req: Request, res: Response) => {
    const actor = actorOf(req);
    const { requestId: rid } = parse(RequestIdOnly, req.body);
    const { replayed, ...out } = hall.core.run(`${scope}.request`, actor, rid, () => make(actor, req.body));
    res.status(replayed ? 200 : 201).json(out);
  };

  r.get('/queues', allow(), (_req, res) => void res.json(hall.repos.queues.list()));
  r.get('/services', allow(), (_req, res) => void res.json(hall.repos.services.list()));
  r.get('/windows', allow(), (_req, res) => void res.json(hall.repos.windows.list()));

  r.post('/queues', allow('admin'), create('queue.create', (a, body) => c.createQueue(a, parse(QueueBody, body))));
  r.put('/queues/:id', allow('admin'), (req, res) => void res.json(c.updateQueue(actorOf(req), param(req, 'id'), parse(QueueBody, req.body))));
  r.delete('/queues/:id', allow('admin'), (req, res) => void res.json(c.deleteQueue(actorOf(req), param(req, 'id'))));
  r.post('/services', allow('admin'), create('service.create', (a, body) => c.createService(a, parse(ServiceBody, body))));
  r.put('/services/:id', allow('admin'), (req, res) => void res.json(c.updateService(actorOf(req), param(req, 'id'), parse(ServiceBody, req.body))));
  r.delete('/services/:id', allow('admin'), (req, res) => void res.json(c.deleteService(actorOf(req), param(req, 'id'))));
  r.post('/windows', allow('admin'), create('window.create', (a, body) => c.createWindow(a, parse(WindowBody, body))));
  r.put('/windows/:id', allow('admin'), (req, res) => void res.json(c.updateWindow(actorOf(req), param(req, 'id'), parse(WindowBody, req.body))));
  r.delete('/windows/:id', allow('admin'), (req, res) => void res.json(c.deleteWindow(actorOf(req), param(req, 'id'))));
  return r;
}
