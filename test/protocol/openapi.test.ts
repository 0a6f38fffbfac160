/** The OpenAPI 3.1 document (issue 17): generated from protocol/api.ts, so every endpoint is in it. */
import { describe, expect, it } from 'vitest';
import { API } from '../../protocol/api.js';
import { openApiDocument } from '../../protocol/openapi.js';

describe('OpenAPI document', () => {
  const doc = openApiDocument('test');
  it('is OpenAPI 3.1 and holds every endpoint of api.ts with its method', () => {
    expect(doc.openapi).toBe('3.1.0');
    const missing = Object.keys(API).filter((key) => {
      const [method, path] = key.split(' ');
      return !doc.paths[path.replace(/:([A-Za-z]+)/g, '{$1}')]?.[method.toLowerCase()];
    });
    expect(missing).toEqual([]);
    const count = Object.values(doc.paths).reduce((n, ops) => n + Object.keys(ops).length, 0);
    expect(count).toBe(Object.keys(API).length);
  });

  it('describes path parameters, queries and bodies from the zod schemas', () => {
    const cancel = doc.paths['/api/bookings/{id}/cancel'].post as any;
    expect(cancel.parameters).toContainEqual(expect.objectContaining({ name: 'id', in: 'path', required: true }));
    expect(cancel.requestBody.content['application/json'].schema.properties.by).toBeTruthy();
    const events = doc.paths['/api/events'].get as any;
    expect(events.parameters.map((p: { name: string }) => p.name)).toEqual(['after', 'limit']);
    expect(events.responses['2XX'].content['application/json'].schema.properties.next).toBeTruthy();
    expect(JSON.stringify(doc)).not.toContain('$schema');
  });
});
