/** Health, state, device health, reports and the manual clock. */
import { Router } from 'express';
import type { Health } from '../../../protocol/domain.js';
import { HallError } from '../../../protocol/errors.js';
import { AuditQuery, ClockBody, ReportQuery } from '../../../protocol/schemas.js';
import { ManualClock } from '../../clock.js';
import { toIso } from '../../engine/time.js';
import type { ServerContext } from '../context.js';
import { actorOf, allow, param, parse } from '../support.js';

export function systemRoutes(ctx: ServerContext): Router {
  const { hall, clock } = ctx;
  const r = Router();
  // the settings change in place (PUT /api/config/hours): read the zone per request
  const tz = () => hall.settings.hours.tz;

  // CONTRACT.md's fields, and `warnings` (what someone must act on; absent when there is nothing)
  r.get('/health', (_req, res) => {
    const warnings = hall.warnings();
    const health: Health = { status: 'ok', version: ctx.version, time: toIso(clock.now().getTime(), tz()), ...(warnings.length ? { warnings } : {}) };
    res.json(health);
  });

  r.get('/devices/health', allow('devices.health'), (_req, res) => void res.json(ctx.devices?.health() ?? []));
  r.get('/devices/led/:number', allow(), (req, res) => {
    const n = Number(param(req, 'number'));
    const text = Number.isInteger(n) ? ctx.devices?.ledText(n) : null;
    if (!text) throw new HallError('not-found', { window: n }, '该窗口没有LED屏');
    res.json(text);
  });

  r.get('/state', allow(), (_req, res) => void res.json(hall.snapshot()));
  r.get('/reports/daily', allow('report.read'), (req, res) => void res.json(hall.report(actorOf(req), parse(ReportQuery, req.query).date)));

  r.get('/audit', allow('audit.read'), (req, res) => void res.json(hall.audit(actorOf(req), parse(AuditQuery, req.query))));

  r.put('/_clock', (req, res) => {
    if (!(clock instanceof ManualClock)) throw new HallError('clock-not-manual');
    const body = parse(ClockBody, req.body);
    const to = new Date(body.now);
    if (Number.isNaN(to.getTime())) throw new HallError('bad-request', { now: body.now });
    clock.set(to);
    hall.tick();
    res.json({ now: toIso(clock.now().getTime(), tz()) });
  });
  return r;
}
