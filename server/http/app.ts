/** The express app: security headers, body limits, the bearer token → actor, routes, the built apps, errors. */
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { maskIdNumber } from '../../protocol/identity.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerContext } from './context.js';
import { errorHandler, notFound } from './errors.js';
import { noStore } from './support.js';
import { bookingRoutes } from './routes/bookings.js';
import { catalogRoutes } from './routes/catalog.js';
import { publicRoutes, ticketRoutes } from './routes/tickets.js';
import { systemRoutes } from './routes/system.js';
import { settingsRoutes } from './routes/settings.js';
import { peopleRoutes } from './routes/people.js';
import { windowRoutes } from './routes/windows.js';
import { evaluationRoutes } from './routes/evaluations.js';
import { reportRoutes } from './routes/reports.js';
import { platformRoutes } from './routes/platform.js';
import { demoRoutes } from './routes/demo.js';
import { deskRoutes } from './routes/desk.js';
import { bookingChangeRoutes } from './routes/booking-changes.js';
import { formRoutes } from './routes/forms.js';

/** Log paths with anything that looks like an ID number or phone masked (they appear in /citizens/:idNumber). */
export const safePath = (p: string) => p.replace(/\d{6,}[\dXx]?/g, (m) => maskIdNumber(m));

export function createApp(ctx: ServerContext, distDir: string) {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(
    helmet({
      // the hall LAN is plain HTTP: no forced upgrade, no HSTS
      hsts: false,
      contentSecurityPolicy: {
        directives: { 'upgrade-insecure-requests': null, 'media-src': ["'self'", 'data:', 'blob:'], 'img-src': ["'self'", 'data:', 'blob:'] },
      },
    }),
  );
  app.use(express.json({ limit: '32kb' }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      // a command went through while the store was degraded: it may be writable again, and a probe
      // (a real write) says so for sure — a replayed answer or a read by POST wrote nothing
      if (res.statusCode < 400 && req.method !== 'GET' && req.method !== 'HEAD' && ctx.storage.degraded) ctx.storage.probe();
      // while the store is down every write is refused: the change of state was logged once, not each 503
      if (res.statusCode === 503 && !ctx.log.isLevelEnabled('debug')) return;
      if (res.statusCode >= 400 || ctx.log.isLevelEnabled('debug'))
        ctx.log.info({ method: req.method, path: safePath(req.path), status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 }, 'http');
    });
    const h = req.headers.authorization;
    if (h?.startsWith('Bearer ')) {
      const actor = ctx.auth.resolve(h.slice(7).trim());
      if (!actor) return void res.status(401).json({ error: { code: 'unauthorized', message: '未登录或凭证已失效' } });
      req.actor = actor;
    }
    next();
  });

  const api = express.Router();
  // every API answer is live state, and most carry personal data (a booking's masked name, a user,
  // the audit trail, a new token, a check-in's booking): none is kept by a browser or a proxy
  api.use(noStore);
  api.use('/public', publicRoutes(ctx));
  api.use(systemRoutes(ctx));
  api.use(settingsRoutes(ctx));
  api.use(peopleRoutes(ctx));
  api.use(catalogRoutes(ctx));
  api.use(ticketRoutes(ctx));
  api.use(bookingRoutes(ctx));
  api.use(windowRoutes(ctx));
  api.use(evaluationRoutes(ctx));
  api.use(reportRoutes(ctx));
  api.use(platformRoutes(ctx));
  api.use(demoRoutes(ctx));
  api.use(deskRoutes(ctx));
  api.use(bookingChangeRoutes(ctx));
  api.use(formRoutes(ctx));
  api.use(notFound);
  app.use('/api', api);

  // the built browser apps, one origin for all (CONTRACT.md: pages served by the server)
  if (existsSync(distDir)) {
    app.use(express.static(distDir, { index: 'index.html', maxAge: '1h', setHeaders: (res, path) => {
      if (path.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
    } }));
    const page = (file: string) => (_req: Request, res: Response) => {
      const p = join(distDir, file);
      if (existsSync(p)) res.setHeader('Cache-Control', 'no-cache').sendFile(p);
      else res.status(404).json({ error: { code: 'not-found', message: '页面未构建' } });
    };
    app.get('/t/:id', page('kiosk/status.html'));
    app.get('/', (_req, res) => res.redirect('/console/'));
  }
  app.use(notFound);
  app.use(errorHandler(ctx.log, ctx.storage));
  return app;
}
