/**
 * What the server integration tests share: the one error shape asserted by status and code, a
 * citizen with valid real-name data, a server whose log lines land in a buffer, and waiting for a
 * socket event with a timeout.
 */
import { expect } from 'vitest';
import { Writable } from 'node:stream';
import pino from 'pino';
import type { Socket } from 'socket.io-client';
import { idCheckChar } from '../../protocol/identity.js';
import { startHall, type RunningHall, type StartOptions } from '../../server/start.js';
import { MONDAY_9AM } from '../helpers/server.js';

/** Asserts the one error shape `{error:{code,message,details?}}` with this status and code. */
export function expectError(r: { status: number; body: any }, status: number, code: string) {
  expect({ status: r.status, code: r.body?.error?.code }, JSON.stringify(r.body)).toEqual({ status, code });
  expect(typeof r.body.error.message).toBe('string');
  expect(r.body.error.message.length).toBeGreaterThan(0);
}

/** A valid ID number (GB 11643 checksum) for person n, born 1985-03-12 in 610102 (西安). */
export function idNumberOf(n: number): string {
  const first17 = `61010219850312${String(n % 1000).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

/** A booking body for person n: service s-a02 (证照打印, bookable) on Tuesday 2026-11-24 at 09:30 by default. */
export function citizen(n: number, over: Record<string, unknown> = {}) {
  return {
    name: ['孙悟空', '诸葛孔明', '欧阳修文', '司马光明'][n % 4], idNumber: idNumberOf(n), phone: `139${String(70000000 + n)}`,
    serviceId: 's-a02', date: '2026-11-24', slot: '09:30', channel: 'online', ...over,
  };
}

/** pino writing JSON lines into memory, so a test can read every line the server logged. */
export function bufferLogger(level: pino.LevelWithSilent = 'debug') {
  const chunks: string[] = [];
  const stream = new Writable({ write(chunk, _enc, cb) { chunks.push(String(chunk)); cb(); } });
  return { logger: pino({ level, base: { app: 'hallq' } }, stream), text: () => chunks.join('') };
}

/** startHall like test/helpers/server.ts does, but with a logger and any env the test wants. */
export function startWith(env: Record<string, string>, opts: Omit<StartOptions, 'env'> = {}): Promise<RunningHall> {
  return startHall({
    env: {
      HALLQ_PORT: '0', HALLQ_HOST: '127.0.0.1', HALLQ_DB: ':memory:', HALLQ_CLOCK: 'manual', HALLQ_NOW: MONDAY_9AM,
      HALLQ_DEMO: '1', HALLQ_LOG_LEVEL: 'silent', HALLQ_ADMIN_PASSWORD: 'admin-test-pw', ...env,
    },
    devices: false,
    ...opts,
  });
}

/** Plain fetch returning status and parsed JSON (or the text when it is not JSON). */
export async function call(url: string, method: string, path: string, o: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const res = await fetch(url + path, {
    method,
    headers: { ...(o.token ? { authorization: `Bearer ${o.token}` } : {}), ...(o.body !== undefined ? { 'content-type': 'application/json' } : {}), ...o.headers },
    body: o.body === undefined ? undefined : typeof o.body === 'string' ? o.body : JSON.stringify(o.body),
  });
  const text = await res.text();
  let body: any = text;
  if (text && (res.headers.get('content-type') ?? '').includes('json')) body = JSON.parse(text);
  return { status: res.status, body, headers: res.headers };
}

/** Resolves with the next `event` on the socket, or rejects after `ms`. */
export function nextEvent<T = any>(socket: Socket<any, any>, event: string, ms = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { socket.off(event, on); reject(new Error(`no ${event} within ${ms} ms`)); }, ms);
    const on = (payload: T) => { clearTimeout(timer); resolve(payload); };
    socket.once(event, on);
  });
}

/** Resolves with the connect_error message, or rejects when the socket connects. */
export function refused(socket: Socket<any, any>, ms = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('neither connected nor refused')), ms);
    socket.once('connect', () => { clearTimeout(timer); reject(new Error('connected without a valid token')); });
    socket.once('connect_error', (err: Error) => { clearTimeout(timer); resolve(err.message); });
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
