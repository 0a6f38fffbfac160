/**
 * The display's composition root: settings from the address → store → the kit's socket adapter →
 * announcer (Web Audio) → Preact. Nothing here is imported by components.
 */
import { render } from 'preact';
import type { TicketCalledEvent } from '../../protocol/events.js';
import { connectFeed } from '../kit/socket.js';
import { createClient } from '../kit/client.js';
import { loadSettings } from './settings.js';
import { createDisplayStore, StoreContext } from './store.js';
import { createAnnouncer, type AudioLogEntry } from './voice/announcer.js';
import { CLIP_URLS } from './voice/clips.js';
import { callClips } from './voice/phrase.js';
import { App } from './ui/App.js';
import './styles.css';

declare global {
  interface Window {
    /** every clip that started playing, in order (tests and technicians read it) */
    __hallqAudioLog?: AudioLogEntry[];
    /** announcements that could not be played (no audio) */
    __hallqAudioSkipped?: string[];
  }
}

function createVoice(repeat: number) {
  const log: AudioLogEntry[] = (window.__hallqAudioLog = []);
  const skipped: string[] = (window.__hallqAudioSkipped = []);
  let ctx: AudioContext;
  try {
    ctx = new AudioContext();
  } catch (e) {
    console.warn('no Web Audio: calls are shown, not spoken', e);
    return null;
  }
  // a kiosk browser started without --autoplay-policy=no-user-gesture-required runs after a touch
  const unlock = () => void ctx.resume();
  document.addEventListener('pointerdown', unlock);
  document.addEventListener('keydown', unlock);
  const cache = new Map<string, Promise<AudioBuffer>>();
  const clip = (name: string) => {
    let p = cache.get(name);
    if (!p) {
      const url = CLIP_URLS[name];
      if (!url) return Promise.reject(new Error(`no voice clip "${name}"`));
      p = fetch(url)
        .then((r) => { if (!r.ok) throw new Error(`clip ${name}: HTTP ${r.status}`); return r.arrayBuffer(); })
        .then((b) => ctx.decodeAudioData(b));
      // a failed load is retried on the next call rather than cached
      p.catch(() => cache.delete(name));
      cache.set(name, p);
    }
    return p;
  };
  // decode everything now so the first call is not late
  for (const name of Object.keys(CLIP_URLS)) clip(name).catch((e: unknown) => console.warn(`clip ${name} not loaded`, e));
  return createAnnouncer({
    ctx, clip, log, skipped, repeat,
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    warn: (msg, err) => console.warn(msg, err ?? ''),
  });
}

function main() {
  const settings = loadSettings(location, localStorage, history);
  const store = createDisplayStore({ now: () => Date.now(), timers: { setTimeout: (f, ms) => setTimeout(f, ms), clearTimeout: (h) => clearTimeout(h as number) }, lang: settings.lang });
  const root = document.getElementById('app')!;
  render(
    <StoreContext.Provider value={store}>
      <App window={settings.window} paired={settings.token !== null} />
    </StoreContext.Provider>,
    root,
  );
  if (!settings.token) return;
  const voice = settings.voice && settings.repeat > 0 ? createVoice(settings.repeat) : null;
  const onCall = (e: TicketCalledEvent) => {
    // a window screen speaks for its own window only
    if (settings.window !== null && e.window.number !== settings.window) return;
    voice?.enqueue(`${e.ticket.number}→${e.window.number}${e.recall ? ' recall' : ''}`, callClips({ ticketNumber: e.ticket.number, windowNumber: e.window.number }));
  };
  // the notices are the hall's settings: read at every (re)connect; every hall:updated carries them (a settings change sends one)
  const api = createClient({ base: '', token: () => settings.token });
  const loadNotices = () => void api.call('GET /api/public/hall').then((h) => void (store.notices.value = h.notices), () => undefined); // kept until the next try
  connectFeed({
    url: location.origin,
    token: settings.token,
    // a window's screen is sent its window's events only (the server's `screen:<window>` room)
    view: settings.window !== null ? { window: settings.window } : undefined,
    onSnapshot: (s) => { store.replace(s); loadNotices(); },
    onLink: (link) => (link === 'online' ? store.connected() : link !== 'connecting' && store.disconnected(link)),
    on: {
      'ticket:called': (e) => { store.called(e); onCall(e); },
      'window:updated': (e) => store.windowUpdated(e.window),
      'queue:updated': (e) => store.queueUpdated(e.queue),
      'hall:updated': (e) => {
        store.hallUpdated(e);
        if (e.notices) store.notices.value = e.notices;
        else loadNotices(); // a server before issue 20
      },
    },
  });
}

main();
