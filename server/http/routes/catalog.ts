/** Catalog lists (any token) and edits (admin). */
import { Router } from 'express';
import { QueueBody, ServiceBody, WindowBody } from '../../../protocol/schemas.js';
import type { ServerContext } from '../context.js';
import { actorOf, allow, param, parse } from '../support.js';

export function catalogRoutes({ hall }: ServerContext): Router {
  const r = Router();
  const c = hall.catalog;
  r.get('/queues', allow(), (_req, res) => void res.json(hall.repos.queues.list()));
  r.get('/services', allow(), (_req, res) => void res.json(hall.repos.services.list()));
  r.get('/windows', allow(), (_req, res) => void res.json(hall.repos.windows.list()));

  r.post('/queues', allow('admin'), (req, res) => void res.status(201).json(c.createQueue(actorOf(req), parse(QueueBody, req.body))));
  r.put('/queues/:id', allow('admin'), (req, res) => void res.json(c.updateQueue(actorOf(req), param(req, 'id'), parse(QueueBody, req.body))));
  r.delete('/queues/:id', allow('admin'), (req, res) => void res.json(c.deleteQueue(actorOf(req), param(req, 'id'))));
  r.post('/services', allow('admin'), (req, res) => void res.status(201).json(c.createService(actorOf(req), parse(ServiceBody, req.body))));
  r.put('/services/:id', allow('admin'), (req, res) => void res.json(c.updateService(actorOf(req), param(req, 'id'), parse(ServiceBody, req.body))));
  r.delete('/services/:id', allow('admin'), (req, res) => void res.json(c.deleteService(actorOf(req), param(req, 'id'))));
  r.post('/windows', allow('admin'), (req, res) => void res.status(201).json(c.createWindow(actorOf(req), parse(WindowBody, req.body))));
  r.put('/windows/:id', allow('admin'), (req, res) => void res.json(c.updateWindow(actorOf(req), param(req, 'id'), parse(WindowBody, req.body))));
  r.delete('/windows/:id', allow('admin'), (req, res) => void res.json(c.deleteWindow(actorOf(req), param(req, 'id'))));
  return r;
}
