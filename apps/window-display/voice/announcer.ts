/**
 * The announcement queue: calls are spoken one after another, each `repeat` times, never cut off
 * (a clip starts only after the previous one ended) and never dropped (a call arriving during an
 * announcement waits its turn; a recall is a new call). Clips are joined with Web Audio.
 *
 * Every clip that actually starts playing is appended to `log` (the page exposes it as
 * `window.__hallqAudioLog` for tests and for the hall's technician). If audio cannot play (no
 * sound device, context not allowed to run) the call is skipped after a short wait and recorded in
 * `skipped`; the screen shows the call regardless.
 */

export interface AudioLogEntry {
  clip: string;
  /** which announcement: "A012→5", with "#2" for a repeat */
  call: string;
  /** AudioContext time in seconds */
  startedAt: number;
  endedAt?: number;
  /** length of the clip in seconds */
  duration: number;
}

export interface AnnouncerDeps {
  ctx: BaseAudioContext & { state: AudioContextState; resume(): Promise<void> };
  /** decoded clip by name (cached by the caller) */
  clip(name: string): Promise<AudioBuffer>;
  log: AudioLogEntry[];
  skipped: string[];
  repeat: number;
  sleep(ms: number): Promise<void>;
  warn(msg: string, err?: unknown): void;
}

/** pause between two announcements, and between the repeats of one */
const GAP_MS = 500;
/** how long to wait for a suspended context to run before giving up on one announcement */
const RESUME_WAIT_MS = 1_500;

export function createAnnouncer(d: AnnouncerDeps) {
  const pending: { label: string; clips: string[] }[] = [];
  let running = false;
  let idleWaiters: (() => void)[] = [];

  async function ready(): Promise<boolean> {
    // read through a function: the state changes under us, TypeScript's narrowing would not see it
    const running = () => d.ctx.state === 'running';
    if (running()) return true;
    const resumed = d.ctx.resume().then(() => true, (e: unknown) => { d.warn('audio resume failed', e); return false; });
    const waited = await Promise.race([resumed, d.sleep(RESUME_WAIT_MS).then(() => false)]);
    return waited && running();
  }

  function playOne(buffer: AudioBuffer, name: string, label: string): Promise<void> {
    return new Promise((resolve) => {
      const src = d.ctx.createBufferSource();
      src.buffer = buffer;
      src.connect(d.ctx.destination);
      const entry: AudioLogEntry = { clip: name, call: label, startedAt: d.ctx.currentTime, duration: buffer.duration };
      // a lost `ended` must not stall the queue for ever: give up waiting well after the clip's end
      const guard = setTimeout(() => { d.warn(`clip ${name}: no ended event`); resolve(); }, buffer.duration * 1000 + 3_000);
      src.onended = () => { clearTimeout(guard); entry.endedAt = d.ctx.currentTime; resolve(); };
      src.start();
      d.log.push(entry);
    });
  }

  async function speak(label: string, clips: string[]) {
    // decode everything first so no gap opens mid-sentence
    const buffers = await Promise.all(clips.map((c) => d.clip(c)));
    for (let i = 0; i < clips.length; i++) await playOne(buffers[i], clips[i], label);
  }

  async function drain() {
    running = true;
    while (pending.length) {
      const next = pending.shift()!;
      try {
        if (!(await ready())) d.skipped.push(next.label);
        else await speak(next.label, next.clips);
      } catch (e) {
        d.warn(`announcement ${next.label} failed`, e);
        d.skipped.push(next.label);
      }
      if (pending.length) await d.sleep(GAP_MS);
    }
    running = false;
    const w = idleWaiters;
    idleWaiters = [];
    w.forEach((f) => f());
  }

  return {
    /** queue one call: its clips `repeat` times */
    enqueue(label: string, clips: string[]) {
      for (let i = 0; i < d.repeat; i++) pending.push({ label: i === 0 ? label : `${label}#${i + 1}`, clips });
      if (!running) void drain();
    },
    /** announcements waiting (not counting the one playing) */
    get pending() { return pending.length; },
    get busy() { return running; },
    idle(): Promise<void> {
      return running ? new Promise((r) => idleWaiters.push(r)) : Promise.resolve();
    },
  };
}

export type Announcer = ReturnType<typeof createAnnouncer>;
