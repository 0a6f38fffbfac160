/** Health, login, devices, state, reports and the manual clock. */
import { Router } from 'express';
import type { Health } from '../../../protocol/domain.js';
import { HallError } from '../../../protocol/errors.js';
import { ClockBody, CreateDeviceBody, LoginBody, ReportQuery } from '../../../protocol/schemas.js';
import { ManualClock } from '../../clock.js';
import { toIso } from '../../engine/time.js';
import type { ServerContext } from '../context.js';
import { actorOf, allow, param, parse, STAFF_UP } from '../support.js';

export function systemRoutes(ctx: ServerContext): Router {
  const { hall, auth, clock } = ctx;
  const r = Router();
  const tz = hall.settings.hours.tz;

  // CONTRACT.md's fields, and `warnings` (what someone must act on; absent when there is nothing)
  r.get('/health', (_req, res) => {
    const warnings = hall.warnings();
    const health: Health = { status: 'ok', version: ctx.version, time: toIso(clock.now().getTime(), tz), ...(warnings.length ? { warnings } : {}) };
    res.json(health);
  });

  r.post('/auth/login', (req, res) => {
    const body = parse(LoginBody, req.body);
    res.json(auth.login(body.username, body.password, req.ip ?? 'unknown'));
  });
  r.post('/auth/logout', allow(), (req, res) => {
    auth.logout((req.headers.authorization ?? '').slice(7));
    res.json({ ok: true });
  });
  r.get('/me', allow(), (req, res) => {
    const a = actorOf(req);
    res.json(a.kind === 'user' ? { kind: 'user', user: auth.userInfo(a.id) } : { kind: 'device', device: { id: a.id, kind: a.role, name: a.name } });
  });

  r.post('/devices', allow('admin'), (req, res) => {
    const body = parse(CreateDeviceBody, req.body);
    res.status(201).json(auth.createDevice(body.kind, body.name));
  });
  r.get('/devices/health', allow(...STAFF_UP), (_req, res) => void res.json(ctx.devices?.health() ?? []));
  r.get('/devices/led/:number', allow(), (req, res) => {
    const n = Number(param(req, 'number'));
    const text = Number.isInteger(n) ? ctx.devices?.ledText(n) : null;
    if (!text) throw new HallError('not-found', { window: n }, '该窗口没有LED屏');
    res.json(text);
  });

  r.get('/state', allow(), (_req, res) => void res.json(hall.snapshot()));
  r.get('/reports/daily', allow(...STAFF_UP), (req, res) => void res.json(hall.report(parse(ReportQuery, req.query).date)));

  r.put('/_clock', (req, res) => {
    if (!(clock instanceof ManualClock)) throw new HallError('clock-not-manual');
    const body = parse(ClockBody, req.body);
    const to = new Date(body.now);
    if (Number.isNaN(to.getTime())) throw new HallError('bad-request', { now: body.now });
    clock.set(to);
    hall.tick();
    res.json({ now: toIso(clock.now().getTime(), tz) });
  });
  return r;
}
