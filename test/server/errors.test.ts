/** The one error shape: input is refused at the edge (400), and a fault of ours is logged and answered 500, never a silent 400. */
import { describe, expect, it } from 'vitest';
import type { Request, Response } from 'express';
import { errorHandler } from '../../server/http/errors.js';
import { bufferLogger } from './support.js';
import { startTestServer } from '../helpers/server.js';
import { expectError } from './support.js';

function answer(err: unknown) {
  const log = bufferLogger('error');
  const out: { status?: number; body?: any } = {};
  const res = { headersSent: false, setHeader() {}, status(n: number) { out.status = n; return this; }, json(b: unknown) { out.body = b; return this; } };
  errorHandler(log.logger)(err, { method: 'GET', route: { path: '/x' } } as unknown as Request, res as unknown as Response, () => {});
  return { ...out, log: log.text() };
}

describe('errorHandler', () => {
  it('a RangeError thrown by our code → 500 internal, logged with its message (not a 400 that hides the fault)', () => {
    const r = answer(new RangeError('no working day in the 60 days before 2026-01-01'));
    expect(r.status).toBe(500);
    expect(r.body.error.code).toBe('internal');
    expect(r.log).toContain('no working day');
  });
});

describe('dates are checked at the edge', () => {
  it('a date that does not exist (2026-02-30) → 400 bad-request naming the field', async () => {
    const s = await startTestServer();
    try {
      const r = await s.api('GET', '/api/slots?serviceId=s-a03&date=2026-02-30', { token: await s.login('staff1') });
      expectError(r, 400, 'bad-request');
      expect(r.body.error.details.issues[0].path).toBe('date');
    } finally {
      await s.close();
    }
  });
});
