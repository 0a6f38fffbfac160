/**
 * The OpenAPI 3.1 document of the HTTP API (GET /api/openapi.json), generated from the endpoint map
 * (protocol/api.ts) and its zod schemas: every endpoint, its path parameters, query and body. Answers
 * are TypeScript types (phantom in the map); those with a zod schema here are described in full.
 */
import { z } from 'zod';
import { API, type EndpointKey } from './api.js';
import { EventsPage, PlatformBatch, PlatformEvent, PlatformStatus, SmsMessage } from './platform.js';

const ANSWERS: Partial<Record<EndpointKey, z.ZodType>> = {
  'GET /api/events': EventsPage,
  'GET /api/platform/status': PlatformStatus,
  'POST /api/platform/resend': PlatformStatus,
  'GET /api/sms': z.array(SmsMessage),
};

const json = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
const strip = ({ $schema: _, ...rest }: Record<string, unknown>) => rest;

function queryParameters(s: z.ZodType) {
  const schema = json(s) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, p]) => ({ name, in: 'query', required: schema.required?.includes(name) ?? false, schema: p }));
}

export function openApiDocument(version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [key, ep] of Object.entries(API) as [EndpointKey, { body?: z.ZodType; query?: z.ZodType }][]) {
    const [method, path] = key.split(' ') as [string, string];
    const params = [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const answer = ANSWERS[key];
    const op: Record<string, unknown> = {
      operationId: key,
      parameters: [...params, ...(ep.query ? queryParameters(ep.query) : [])],
      responses: {
        '2XX': { description: 'OK', content: { 'application/json': { schema: answer ? strip(json(answer)) : {} } } },
        default: { description: 'the one error shape', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
    };
    if (ep.body) op.requestBody = { required: true, content: { 'application/json': { schema: strip(json(ep.body)) } } };
    (paths[path.replace(/:([A-Za-z]+)/g, '{$1}')] ??= {})[method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'hallq', version, description: '政务服务大厅排队叫号系统 HTTP API; the platform link: docs/platform.md' },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Error: {
          type: 'object', required: ['error'],
          properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' }, details: { type: 'object' } } } },
        },
        PlatformEvent: strip(json(PlatformEvent)),
        PlatformBatch: strip(json(PlatformBatch)),
      },
    },
    security: [{ bearer: [] }],
    paths,
  };
}
