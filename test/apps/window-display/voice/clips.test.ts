import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLIP_NAMES_ON_DISK, CLIPS_DIR, CLIPS_TOTAL_BYTES } from './clips-on-disk.js';

describe('committed voice clips', () => {
  it('stay small (well under 1.5 MB in all)', () => {
    expect(CLIPS_TOTAL_BYTES).toBeLessThan(300_000);
  });

  it('are Ogg Opus files, mono', () => {
    for (const name of CLIP_NAMES_ON_DISK) {
      const b = readFileSync(`${CLIPS_DIR}${name}.opus`);
      expect(b.subarray(0, 4).toString('latin1'), name).toBe('OggS');
      const head = b.indexOf('OpusHead');
      expect(head, name).toBeGreaterThan(0);
      expect(b[head + 9], `${name} channels`).toBe(1);
    }
  });
});
