/**
 * 好差评 (issue 16): POST /api/evaluations (a window's pad, staff+, or with no token the ticket's
 * holder from its QR page), the lead's list and follow-up, and a pad stating its window.
 */
import { Router } from 'express';
import type { EvaluationLevel } from '../../../protocol/evaluations.js';
import { EvaluationBody, EvaluationsQuery, FollowUpBody, PadBody } from '../../../protocol/schemas.js';
import type { ServerContext } from '../context.js';
import { actorOf, allow, param, parse } from '../support.js';

export function evaluationRoutes({ hall }: ServerContext): Router {
  const r = Router();
  // no token: the ticket's holder (the hall checks who may, and a pad's window)
  r.post('/evaluations', (req, res) => {
    const { ticketId, level, reasons, comment, requestId } = parse(EvaluationBody, req.body);
    const out = hall.evaluations.rate(req.actor ?? null, { ticketId, level: level as EvaluationLevel, reasons, comment, requestId });
    const { replayed, ...body } = out;
    res.status(replayed ? 200 : 201).json(body);
  });
  r.get('/evaluations', allow('evaluation.read'), (req, res) => void res.json(hall.evaluations.list(actorOf(req), parse(EvaluationsQuery, req.query))));
  r.post('/evaluations/:id/follow-up', allow('evaluation.follow-up'), (req, res) => {
    res.json(hall.evaluations.followUp(actorOf(req), param(req, 'id'), parse(FollowUpBody, req.body)));
  });
  r.put('/evaluations/pad', allow('evaluation.pad'), (req, res) => void res.json(hall.evaluations.bindPad(actorOf(req), parse(PadBody, req.body).window)));
  return r;
}
