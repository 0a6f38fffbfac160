/** The one error shape for every failure; never a 500 for bad input, never a stack trace to a client. */
import type { NextFunction, Request, Response } from 'express';
import type pino from 'pino';
import { HallError } from '../../protocol/errors.js';
import type { StorageWatch } from '../storage/faults.js';

export function errorHandler(log: pino.Logger, storage?: StorageWatch) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction) => {
    let e: HallError;
    if (err instanceof HallError) e = err;
    else if (isBodyError(err, 'entity.too.large')) e = new HallError('payload-too-large');
    else if (isBodyError(err)) e = new HallError('bad-request', { reason: 'malformed body' });
    else if (storage?.failed(err)) {
      // read-only, disk full, I/O error: the watch logged the change of state once; no stack per request
      e = new HallError('storage-unavailable', { reason: storage.degraded!.fault });
    } else {
      // anything else — a RangeError included — is a fault of ours, not of the input (input is
      // refused by the schemas at the edge): logged with its stack, answered 500 with the code
      log.error({ err, method: req.method, path: req.route?.path ?? 'unmatched' }, 'request failed');
      e = new HallError('internal');
    }
    if (res.headersSent) return;
    if (e.status === 503) res.setHeader('Retry-After', '30');
    if (e.status === 429 && typeof e.details?.retryAfterSeconds === 'number') res.setHeader('Retry-After', String(e.details.retryAfterSeconds));
    res.status(e.status).json(e.toBody());
  };
}

function isBodyError(err: unknown, type?: string): boolean {
  const e = err as { type?: string; status?: number; expose?: boolean };
  return typeof e === 'object' && e !== null && typeof e.status === 'number' && e.status < 500 && (!type || e.type === type);
}

export function notFound(_req: Request, res: Response) {
  res.status(404).json(new HallError('not-found').toBody());
}
