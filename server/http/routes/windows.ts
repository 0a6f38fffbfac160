/** A window's commands: staff of that window, or a lead/admin. */
import { Router, type Request } from 'express';
import { CallNextBody, CallTicketBody, ModeBody, PauseBody, TransferBody } from '../../../protocol/schemas.js';
import type { ServerContext } from '../context.js';
import { actorOf, allow, checkWindowAccess, LEAD_UP, param, parse, STAFF_UP } from '../support.js';

export function windowRoutes({ hall }: ServerContext): Router {
  const r = Router();
  const at = (req: Request) => {
    const actor = actorOf(req);
    const id = param(req, 'id');
    hall.windowState(id); // 404 before 403: an unknown window is unknown to everyone
    checkWindowAccess(actor, id);
    return [actor, id] as const;
  };

  r.get('/windows/:id/state', allow(), (req, res) => void res.json({ window: hall.windowState(param(req, 'id')) }));
  r.get('/windows/:id/waiting', allow(...STAFF_UP), (req, res) => void res.json(hall.waitingList(param(req, 'id'), 100)));
  r.post('/windows/:id/call-next', allow(...STAFF_UP), (req, res) => {
    const [actor, id] = at(req);
    res.json(hall.callNext(actor, id, parse(CallNextBody, req.body).mode));
  });
  r.post('/windows/:id/recall', allow(...STAFF_UP), (req, res) => void res.json(hall.recall(...at(req))));
  r.post('/windows/:id/start', allow(...STAFF_UP), (req, res) => void res.json(hall.start(...at(req))));
  r.post('/windows/:id/finish', allow(...STAFF_UP), (req, res) => void res.json(hall.finish(...at(req))));
  r.post('/windows/:id/no-show', allow(...STAFF_UP), (req, res) => void res.json(hall.noShow(...at(req))));
  r.post('/windows/:id/transfer', allow(...STAFF_UP), (req, res) => {
    const [actor, id] = at(req);
    res.json(hall.transfer(actor, id, parse(TransferBody, req.body)));
  });
  r.post('/windows/:id/pause', allow(...STAFF_UP), (req, res) => {
    const [actor, id] = at(req);
    res.json(hall.pause(actor, id, parse(PauseBody, req.body).reason));
  });
  r.post('/windows/:id/resume', allow(...STAFF_UP), (req, res) => void res.json(hall.resume(...at(req))));
  r.put('/windows/:id/mode', allow(...STAFF_UP), (req, res) => {
    const [actor, id] = at(req);
    res.json(hall.setMode(actor, id, parse(ModeBody, req.body).mode));
  });
  r.post('/windows/:id/open', allow(...STAFF_UP), (req, res) => void res.json(hall.openWindow(...at(req))));
  r.post('/windows/:id/close', allow(...STAFF_UP), (req, res) => void res.json(hall.closeWindow(...at(req))));
  r.post('/windows/:id/call/:ticketId', allow(...LEAD_UP), (req, res) => {
    const [actor, id] = at(req);
    res.json(hall.callTicket(actor, id, param(req, 'ticketId'), parse(CallTicketBody, req.body).reason));
  });
  return r;
}
