/**
 * The admin app's state: signals built by a factory and handed to components by context. Commands
 * (commands.ts) and the socket feed write here; components read it and call commands.
 */
import { computed, signal } from '@preact/signals';
import type { DeviceInfo, HallWindow, Queue, Service, UserAccount } from '../../protocol/domain.js';
import type { Persist, Session } from '../kit/session.js';
import type { DeviceHealth } from '../../protocol/events.js';
import type { HallConfigView } from '../../protocol/responses.js';
import { parseLang, translator, type Lang } from '../kit/i18n.js';
import { DICT, type MsgKey } from './i18n.js';

/** the pages, in the navigation's order */
export const PAGES = ['start', 'hall', 'people', 'catalog', 'devices', 'calendar', 'booking', 'calling', 'notices', 'credit', 'audit', 'ratings', 'platform', 'password', 'demo', 'roster'] as const;
export type Page = (typeof PAGES)[number];

export type { Session, Persist } from '../kit/session.js';
export interface Notice { kind: 'error' | 'info'; text: string; at: number }

/** `#/people` → 'people'; anything else → the checklist */
export function pageOf(hash: string): Page {
  const p = hash.replace(/^#\/?/, '').split(/[?&/]/)[0];
  return (PAGES as readonly string[]).includes(p) ? (p as Page) : 'start';
}

export function createStore(persist: Persist, now: () => number = () => Date.now()) {
  const lang = signal<Lang>(parseLang(persist.get('lang')));
  const t = translator<MsgKey>(DICT, () => lang.value);
  const session = signal<Session | null>(null);
  const page = signal<Page>('start');
  const queues = signal<Queue[]>([]);
  const services = signal<Service[]>([]);
  const windows = signal<HallWindow[]>([]);
  const users = signal<UserAccount[]>([]);
  const devices = signal<DeviceInfo[]>([]);
  /** attached devices' health by id, kept current by `device:health` */
  const health = signal<Record<string, DeviceHealth>>({});
  const hallName = signal('');
  const open = signal<boolean | null>(null);
  const nextOpenAt = signal<string | null>(null);
  const connected = signal(false);
  const loaded = signal(false);
  /** GET /api/config: the settings in effect */
  const config = signal<HallConfigView | null>(null);
  /** the hall's date (YYYY-MM-DD), from the server's clock */
  const today = signal('');
  /** a server time in the hall's offset, to show a UTC instant (device health) in hall time */
  const serverTime = signal('');
  const notice = signal<Notice | null>(null);
  /** the server runs the demo with simulated devices: the 演示设备 page is shown */
  const demo = signal(false);

  const sortedWindows = computed(() => [...windows.value].sort((a, b) => a.number - b.number));
  const sortedQueues = computed(() => [...queues.value].sort((a, b) => a.sortOrder - b.sortOrder || a.prefix.localeCompare(b.prefix)));
  const queueById = computed(() => new Map(queues.value.map((q) => [q.id, q])));
  const windowById = computed(() => new Map(windows.value.map((w) => [w.id, w])));

  return {
    demo, lang, t, session, page, queues, services, windows, users, devices, health, hallName, open, nextOpenAt, connected, loaded, notice, config, today, serverTime,
    sortedWindows, sortedQueues, queueById, windowById,
    setLang(l: Lang) { lang.value = l; persist.set('lang', l); },
    setSession(s: Session | null) {
      session.value = s;
      persist.set('token', s?.token ?? null);
      if (!s) loaded.value = false;
    },
    applyHealth(h: DeviceHealth) { health.value = { ...health.value, [h.id]: h }; },
    setHealth(list: DeviceHealth[]) { health.value = Object.fromEntries(list.map((h) => [h.id, h])); },
    say(kind: Notice['kind'], text: string) { notice.value = { kind, text, at: now() }; },
  };
}

export type Store = ReturnType<typeof createStore>;
