/** What every route shares: input parsing at the edge, who may act, and the actor of a request. */
import type { NextFunction, Request, Response } from 'express';
import type { z } from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';
import { HallError } from '../../protocol/errors.js';
import type { Actor } from '../hall.js';
import { refusal, type Command } from '../hall.js';

declare module 'express-serve-static-core' {
  interface Request {
    actor?: Actor;
  }
}

/** zod's own complaints in Chinese (a schema's own message, e.g. 日期不存在, still wins): the admin app shows them at the field */
const zh = zhCN().localeError;

export function parse<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const r = schema.safeParse(data ?? {}, { error: zh });
  if (!r.success)
    throw new HallError('bad-request', { issues: r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
  return r.data;
}

export function actorOf(req: Request): Actor {
  if (!req.actor) throw new HallError('unauthorized');
  return req.actor;
}

/**
 * Middleware: a token is required, and when a command is named, its actor must be allowed to run it
 * (the hall's one permission table, server/engine/authz.ts; the hall checks again below HTTP).
 * An early 403 here keeps a forbidden caller from learning what a malformed body would say.
 */
export function allow(command?: Command) {
  return (req: Request, _res: Response, next: NextFunction) => {
    const a = req.actor;
    if (!a) return next(new HallError('unauthorized'));
    if (command && refusal(a, command) === 'forbidden') return next(new HallError('forbidden'));
    next();
  };
}

export const param = (req: Request, name: string): string => {
  const v = req.params[name];
  if (typeof v !== 'string' || !v || v.length > 64) throw new HallError('bad-request', { param: name });
  return v;
};

/** Answers that carry personal data (even masked) are never kept by a browser or a proxy. */
export function noStore(_req: Request, res: Response, next: NextFunction) {
  res.setHeader('Cache-Control', 'no-store');
  next();
}
