/** Issue 14: an unset publicUrl is warned about at start (the ticket QR would point at the listen address). */
import { describe, expect, it } from 'vitest';
import { publicUrlWarning } from '../../server/start.js';

describe('publicUrl warning', () => {
  it('warns, naming the fallback address, only when publicUrl is unset', () => {
    expect(publicUrlWarning(undefined, 'http://127.0.0.1:8080')).toMatch(/^publicUrl 未设置：号票二维码将指向 http:\/\/127\.0\.0\.1:8080/);
    expect(publicUrlWarning('https://hall.example.cn', 'http://127.0.0.1:8080')).toBeNull();
  });
});
