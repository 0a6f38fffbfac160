/**
 * The announcement queue with a fake Web Audio context whose clips "play" on a fake timeline:
 * order, repeats, no overlap, nothing dropped, and a call skipped (not stuck) when audio cannot run.
 */
import { describe, expect, it } from 'vitest';
import { createAnnouncer, type AudioLogEntry } from '../../../../apps/window-display/voice/announcer.js';

class FakeCtx {
  currentTime = 0;
  state: AudioContextState = 'running';
  destination = {} as AudioDestinationNode;
  playing = 0;
  maxPlaying = 0;
  resume = async () => { if (this.allowResume) this.state = 'running'; };
  allowResume = true;
  createBufferSource() {
    const ctx = this;
    const src = {
      buffer: null as null | { duration: number },
      onended: null as null | (() => void),
      connect() {},
      start() {
        ctx.playing++;
        ctx.maxPlaying = Math.max(ctx.maxPlaying, ctx.playing);
        setTimeout(() => { ctx.currentTime += src.buffer!.duration; ctx.playing--; src.onended?.(); }, 1);
      },
    };
    return src;
  }
}

function setup(repeat = 1) {
  const ctx = new FakeCtx();
  const log: AudioLogEntry[] = [];
  const skipped: string[] = [];
  const a = createAnnouncer({
    ctx: ctx as unknown as AudioContext, log, skipped, repeat,
    clip: async (name) => ({ duration: name === 'chime' ? 1 : 0.25 }) as AudioBuffer,
    sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 2))),
    warn: () => {},
  });
  return { ctx, log, skipped, a };
}

describe('announcer', () => {
  it('plays calls queued during an announcement after it, in order, one clip at a time', async () => {
    const { ctx, log, a } = setup();
    a.enqueue('A001→1', ['chime', 'qing', 'A']);
    a.enqueue('A002→2', ['chime', 'qing', 'B']);
    a.enqueue('A003→3', ['chime', 'd3']);
    await a.idle();
    expect(log.map((e) => `${e.call}:${e.clip}`)).toEqual([
      'A001→1:chime', 'A001→1:qing', 'A001→1:A', 'A002→2:chime', 'A002→2:qing', 'A002→2:B', 'A003→3:chime', 'A003→3:d3']);
    expect(ctx.maxPlaying).toBe(1);
    for (const e of log) expect(e.endedAt! - e.startedAt).toBeCloseTo(e.duration);
  });

  it('repeats each call the configured number of times, the repeats marked', async () => {
    const { log, a } = setup(2);
    a.enqueue('B001→5', ['chime', 'd5']);
    await a.idle();
    expect(log.map((e) => e.call)).toEqual(['B001→5', 'B001→5', 'B001→5#2', 'B001→5#2']);
  });

  it('announces the same call again when it is enqueued again (a recall)', async () => {
    const { log, a } = setup();
    a.enqueue('A001→1', ['A']);
    await a.idle();
    a.enqueue('A001→1 recall', ['A']);
    await a.idle();
    expect(log.map((e) => e.call)).toEqual(['A001→1', 'A001→1 recall']);
  });

  it('skips a call it cannot play (audio suspended for good) and goes on with the next', async () => {
    const { ctx, log, skipped, a } = setup();
    ctx.state = 'suspended';
    ctx.allowResume = false;
    a.enqueue('A001→1', ['A']);
    await a.idle();
    expect(skipped).toEqual(['A001→1']);
    expect(log).toEqual([]);
    ctx.allowResume = true;
    a.enqueue('A002→1', ['A']);
    await a.idle();
    expect(log.map((e) => e.call)).toEqual(['A002→1']);
  });

  it('records a call whose clip cannot load as skipped, without stalling the queue', async () => {
    const { log, skipped } = setup();
    const ctx = new FakeCtx();
    const a = createAnnouncer({
      ctx: ctx as unknown as AudioContext, log, skipped, repeat: 1,
      clip: async (name) => { if (name === 'bad') throw new Error('404'); return { duration: 0.1 } as AudioBuffer; },
      sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 2))), warn: () => {},
    });
    a.enqueue('X→1', ['bad']);
    a.enqueue('A001→1', ['A']);
    await a.idle();
    expect(skipped).toEqual(['X→1']);
    expect(log.map((e) => e.call)).toEqual(['A001→1']);
  });
});
