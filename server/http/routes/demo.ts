/** The demo panel (issue 14): only when the server runs the demo with its simulators; admin only. Elsewhere every path is 404. */
import { Router } from 'express';
import { HallError } from '../../../protocol/errors.js';
import { DemoCardBody, DemoScanBody } from '../../../protocol/schemas.js';
import type { DemoPort, ServerContext } from '../context.js';
import { allow, param, parse } from '../support.js';

export function demoRoutes(ctx: ServerContext): Router {
  const r = Router();
  const demo = (): DemoPort => {
    const d = ctx.devices?.demo;
    if (!d) throw new HallError('not-found');
    return d;
  };
  const may = allow('demo.devices');
  r.get('/demo/devices', may, (_req, res) => void res.json(demo().devices()));
  r.post('/demo/kiosks/:kiosk/card', may, (req, res) => void res.json(demo().placeCard(param(req, 'kiosk'), parse(DemoCardBody, req.body).idNumber)));
  r.post('/demo/kiosks/:kiosk/scan', may, (req, res) => void res.json(demo().scan(param(req, 'kiosk'), parse(DemoScanBody, req.body).code)));
  r.get('/demo/prints/:id', may, async (req, res) => void res.json(await demo().image(param(req, 'id'))));
  return r;
}
