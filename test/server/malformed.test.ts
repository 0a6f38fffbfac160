/**
 * Bad input never gets a 500: malformed JSON, wrong types, huge and deep bodies, odd paths and
 * queries, and a seeded fuzz loop of junk bodies over every endpoint — each answer a 4xx in the one
 * error shape (or a 2xx when the junk happens to be valid).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { call, expectError } from './support.js';

const ENDPOINTS: [string, string][] = [
  ['POST', '/api/auth/login'], ['POST', '/api/auth/logout'], ['POST', '/api/devices'],
  ['POST', '/api/queues'], ['PUT', '/api/queues/qA'], ['POST', '/api/services'], ['PUT', '/api/services/s-a01'],
  ['POST', '/api/windows'], ['PUT', '/api/windows/w3'], ['POST', '/api/tickets'], ['POST', '/api/checkins'],
  ['POST', '/api/bookings'], ['POST', '/api/bookings/b-x/cancel'], ['POST', '/api/citizens/110101199001010011/pardon'],
  ['POST', '/api/windows/w1/call-next'], ['POST', '/api/windows/w1/recall'], ['POST', '/api/windows/w1/start'],
  ['POST', '/api/windows/w1/finish'], ['POST', '/api/windows/w1/no-show'], ['POST', '/api/windows/w1/transfer'],
  ['POST', '/api/windows/w1/pause'], ['POST', '/api/windows/w1/resume'], ['PUT', '/api/windows/w1/mode'],
  ['POST', '/api/windows/w1/call/t-x'], ['GET', '/api/state'], ['GET', '/api/slots'], ['GET', '/api/bookings'],
  ['GET', '/api/reports/daily'], ['GET', '/api/tickets/t-x'],
];

/** Answers of a fuzzed request: anything below 500, and every 4xx in the one error shape. */
function expectHandled(r: { status: number; body: any }, what: string) {
  expect(r.status, `${what} → ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`).toBeLessThan(500);
  if (r.status >= 400) {
    expect(r.body?.error?.code, what).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(typeof r.body.error.message, what).toBe('string');
  }
}

describe('malformed input', () => {
  let s: TestServer;
  let kiosk: string;
  beforeAll(async () => {
    s = await startTestServer();
    kiosk = await s.deviceToken('kiosk', 'kiosk-m');
  });
  afterAll(() => s.close());

  it('malformed JSON → 400 bad-request in the one error shape', async () => {
    for (const body of ['{', '{"serviceId":', "{'serviceId':'s-a01'}", '[1,2', 'null x', '\u0000'])
      expectError(await s.api('POST', '/api/tickets', { token: kiosk, body }), 400, 'bad-request');
  });

  it('wrong types → 400 bad-request naming the field', async () => {
    const r = await s.api('POST', '/api/tickets', { token: kiosk, body: { serviceId: 42 } });
    expectError(r, 400, 'bad-request');
    expect(r.body.error.details.issues[0].path).toBe('serviceId');
    for (const body of [[], 'text', 7, null, true, { serviceId: ['s-a01'] }, { serviceId: { $gt: '' } }, { serviceId: 's-a01', requestId: 5 }])
      expectError(await s.api('POST', '/api/tickets', { token: kiosk, body: JSON.stringify(body) }), 400, 'bad-request');
    expectError(await s.api('POST', '/api/bookings', { token: s.adminToken, body: { name: 1, idNumber: [], phone: {}, serviceId: 's-a02', date: 20261124, slot: 930, channel: 'fax' } }), 400, 'bad-request');
    expectError(await s.api('POST', '/api/windows', { token: s.adminToken, body: { number: '5', name: 'x', queueIds: 'qA' } }), 400, 'bad-request');
  });

  it('a body over the limit → 413 payload-too-large; a deeply nested body → 4xx, never 500', async () => {
    const huge = JSON.stringify({ serviceId: 's-a01', pad: 'x'.repeat(200_000) });
    expectError(await s.api('POST', '/api/tickets', { token: kiosk, body: huge }), 413, 'payload-too-large');
    expectHandled(await s.api('POST', '/api/tickets', { token: kiosk, body: '['.repeat(20_000) + ']'.repeat(20_000) }), 'deep array');
    expectHandled(await s.api('POST', '/api/tickets', { token: kiosk, body: '{"a":'.repeat(5000) + '1' + '}'.repeat(5000) }), 'deep object');
  });

  it('a body sent as text/plain or form data is not read → 400, not 500', async () => {
    const r = await call(s.url, 'POST', '/api/tickets', { token: kiosk, body: '{"serviceId":"s-a01"}', headers: { 'content-type': 'text/plain' } });
    expectError(r, 400, 'bad-request');
    const f = await call(s.url, 'POST', '/api/auth/login', { body: 'username=admin&password=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expectError(f, 400, 'bad-request');
  });

  it('odd paths and queries → 4xx: bad percent-encoding, over-long ids, arrays in queries, unknown routes', async () => {
    expectHandled(await s.api('GET', '/api/tickets/%E0%A4%A', { token: kiosk }), 'bad percent-encoding');
    expectError(await s.api('GET', `/api/tickets/${'x'.repeat(65)}`, { token: kiosk }), 400, 'bad-request');
    expectError(await s.api('GET', '/api/slots?serviceId=s-a02&serviceId=s-a03&date=2026-11-24', { token: kiosk }), 400, 'bad-request');
    expectError(await s.api('GET', '/api/slots?serviceId[a]=1&date=2026-11-24', { token: kiosk }), 400, 'bad-request');
    expectError(await s.api('GET', '/api/nothing-here', { token: kiosk }), 404, 'not-found');
    expectError(await s.api('DELETE', '/api/state', { token: kiosk }), 404, 'not-found');
    expectError(await s.api('PUT', '/api/_clock', { body: { now: 'not a date at all' } }), 400, 'bad-request');
    expectError(await s.api('PUT', '/api/_clock', { body: { now: 5 } }), 400, 'bad-request');
    expectError(await s.api('GET', '/api/citizens/%00%00/credit', { token: s.adminToken }), 400, 'invalid-id-number');
  });

  it('fuzz: junk bodies (seeded) on every endpoint, as admin and as a kiosk, never answer 5xx', async () => {
    const jsonJunk = fc.sample(fc.jsonValue({ maxDepth: 3 }), { seed: 20261123, numRuns: 12 });
    const rawJunk = fc.sample(fc.string({ unit: 'binary', maxLength: 40 }), { seed: 7, numRuns: 6 });
    const shaped = fc.sample(fc.record({
      serviceId: fc.oneof(fc.string(), fc.integer(), fc.constant(null)), requestId: fc.oneof(fc.string({ maxLength: 80 }), fc.boolean()),
      qr: fc.string(), idNumber: fc.string({ maxLength: 20 }), mode: fc.string(), reason: fc.oneof(fc.string(), fc.array(fc.string())),
      queueId: fc.string(), number: fc.oneof(fc.integer(), fc.double()), name: fc.string(), prefix: fc.string({ maxLength: 2 }),
    }, { requiredKeys: [] }), { seed: 99, numRuns: 8 });
    const bodies = [...jsonJunk.map((v) => JSON.stringify(v)), ...rawJunk, ...shaped.map((v) => JSON.stringify(v))];
    let n = 0;
    for (const [method, path] of ENDPOINTS) {
      for (const token of [s.adminToken, kiosk]) {
        await Promise.all(bodies.map(async (body) => {
          const r = await s.api(method, path, { token, body: method === 'GET' ? undefined : body });
          expectHandled(r, `${method} ${path} ${JSON.stringify(body).slice(0, 80)}`);
          n++;
        }));
      }
    }
    expect(n).toBe(ENDPOINTS.length * 2 * bodies.length);
    expect((await s.api('GET', '/api/health')).status).toBe(200);
  });
});
