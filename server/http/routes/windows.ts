/** A window's commands: staff of that window, or a lead/admin. */
import { Router, type Request } from 'express';
import { CallNextBody, CallTicketBody, ModeBody, PauseBody, TransferBody } from '../../../protocol/schemas.js';
import type { ServerContext } from '../context.js';
import { actorOf, allow, param, parse } from '../support.js';

export function windowRoutes({ hall }: ServerContext): Router {
  const r = Router();
  // the hall checks the window (404 before 403) and that the actor may act there
  const at = (req: Request) => [actorOf(req), param(req, 'id')] as const;
  const operate = allow('window.operate');

  r.get('/windows/:id/state', allow(), (req, res) => void res.json({ window: hall.windowState(param(req, 'id')) }));
  r.get('/windows/:id/waiting', allow('window.read'), (req, res) => void res.json(hall.waitingList(...at(req))));
  r.post('/windows/:id/call-next', operate, (req, res) => {
    const [actor, id] = at(req);
    res.json(hall.callNext(actor, id, parse(CallNextBody, req.body).mode));
  });
  r.post('/windows/:id/recall', operate, (req, res) => void res.json(hall.recall(...at(req))));
  r.post('/windows/:id/start', operate, (req, res) => void res.json(hall.start(...at(req))));
  r.post('/windows/:id/finish', operate, (req, res) => void res.json(hall.finish(...at(req))));
  r.post('/windows/:id/no-show', operate, (req, res) => void res.json(hall.noShow(...at(req))));
  r.post('/windows/:id/transfer', operate, (req, res) => {
    const [actor, id] = at(req);
    res.json(hall.transfer(actor, id, parse(TransferBody, req.body)));
  });
  r.post('/windows/:id/pause', operate, (req, res) => {
    const [actor, id] = at(req);
    res.json(hall.pause(actor, id, parse(PauseBody, req.body).reason));
  });
  r.post('/windows/:id/resume', operate, (req, res) => void res.json(hall.resume(...at(req))));
  r.put('/windows/:id/mode', operate, (req, res) => {
    const [actor, id] = at(req);
    res.json(hall.setMode(actor, id, parse(ModeBody, req.body).mode));
  });
  r.post('/windows/:id/open', operate, (req, res) => void res.json(hall.openWindow(...at(req))));
  r.post('/windows/:id/close', operate, (req, res) => void res.json(hall.closeWindow(...at(req))));
  r.post('/windows/:id/call/:ticketId', allow('window.call-ticket'), (req, res) => {
    const [actor, id] = at(req);
    res.json(hall.callTicket(actor, id, param(req, 'ticketId'), parse(CallTicketBody, req.body).reason));
  });
  return r;
}
