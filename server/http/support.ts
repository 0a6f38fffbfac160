/** What every route shares: input parsing at the edge, who may act, and the actor of a request. */
import type { NextFunction, Request, Response } from 'express';
import type { z } from 'zod';
import { HallError } from '../../protocol/errors.js';
import type { Actor } from '../hall.js';

declare module 'express-serve-static-core' {
  interface Request {
    actor?: Actor;
  }
}

export function parse<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const r = schema.safeParse(data ?? {});
  if (!r.success)
    throw new HallError('bad-request', { issues: r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
  return r.data;
}

export function actorOf(req: Request): Actor {
  if (!req.actor) throw new HallError('unauthorized');
  return req.actor;
}

export type Who = Actor['role'];
export const STAFF_UP: Who[] = ['staff', 'lead', 'admin'];
export const LEAD_UP: Who[] = ['lead', 'admin'];

/** Middleware: a token is required, and its role must be one of `roles` (any role when omitted). */
export function allow(...roles: Who[]) {
  return (req: Request, _res: Response, next: NextFunction) => {
    const a = req.actor;
    if (!a) return next(new HallError('unauthorized'));
    if (roles.length && !roles.includes(a.role)) return next(new HallError('forbidden'));
    next();
  };
}

/** Staff act only at their own windows; leads and admins at any. */
export function checkWindowAccess(actor: Actor, windowId: string) {
  if (actor.role === 'lead' || actor.role === 'admin') return;
  if (actor.role !== 'staff' || !actor.windowIds?.includes(windowId)) throw new HallError('window-not-yours');
}

export const param = (req: Request, name: string): string => {
  const v = req.params[name];
  if (typeof v !== 'string' || !v || v.length > 64) throw new HallError('bad-request', { param: name });
  return v;
};
