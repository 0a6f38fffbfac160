import { describe, expect, it } from 'vitest';
import { callClips, cardinalClips, ticketClips } from '../../../../apps/window-display/voice/phrase.js';
import { CLIP_TEXTS } from '../../../../apps/window-display/voice/clip-texts.js';
import { CLIP_NAMES_ON_DISK } from './clips-on-disk.js';

describe('call phrase', () => {
  it('reads a ticket number letter then digit by digit', () => {
    expect(ticketClips('A012')).toEqual(['A', 'd0', 'd1', 'd2']);
    expect(ticketClips('z900')).toEqual(['Z', 'd9', 'd0', 'd0']);
  });

  it.each([
    [0, ['d0']], [5, ['d5']], [10, ['shi']], [12, ['shi', 'd2']], [20, ['d2', 'shi']], [48, ['d4', 'shi', 'd8']],
    [100, ['d1', 'bai']], [105, ['d1', 'bai', 'd0', 'd5']], [110, ['d1', 'bai', 'd1', 'shi']], [119, ['d1', 'bai', 'd1', 'shi', 'd9']],
    [250, ['d2', 'bai', 'd5', 'shi']], [1024, ['d1', 'd0', 'd2', 'd4']],
  ])('reads window number %i as Mandarin does', (n, clips) => {
    expect(cardinalClips(n)).toEqual(clips);
  });

  it('refuses a negative or fractional window number', () => {
    expect(() => cardinalClips(-1)).toThrow(RangeError);
    expect(() => cardinalClips(1.5)).toThrow(RangeError);
  });

  it('says 请 A012 号 到 5 号窗口办理 after a chime', () => {
    expect(callClips({ ticketNumber: 'A012', windowNumber: 5 })).toEqual(
      ['chime', 'qing', 'A', 'd0', 'd1', 'd2', 'hao', 'dao', 'd5', 'hao', 'chuangkou', 'banli']);
  });

  it('has a committed clip for every clip a phrase can use', () => {
    for (const name of [...Object.keys(CLIP_TEXTS), 'chime']) expect(CLIP_NAMES_ON_DISK).toContain(name);
  });
});
