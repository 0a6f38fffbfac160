/**
 * What the admin app can do: each command calls the server through the typed client and reloads the
 * list it changed. Refusals are thrown (ApiError) so a form shows them next to its fields.
 */
import type { BodyOf } from '../../protocol/api.js';
import { ApiError, type Client } from '../kit/client.js';
import { sessionCommands } from '../kit/session.js';
import type { Store } from './store.js';

export function createCommands(store: Store, api: Client) {
  function fail(e: unknown) {
    store.say('error', e instanceof ApiError ? e.message : String(e));
  }

  async function loadHall() {
    const h = await api.call('GET /api/public/hall');
    store.hallName.value = h.hallName;
    store.open.value = h.open;
    store.nextOpenAt.value = h.nextOpenAt;
  }
  async function loadCatalog() {
    const [q, s, w] = await Promise.all([api.call('GET /api/queues'), api.call('GET /api/services'), api.call('GET /api/windows')]);
    store.queues.value = q;
    store.services.value = s;
    store.windows.value = w;
  }
  async function loadUsers() { store.users.value = await api.call('GET /api/users'); }
  async function loadDevices() { store.devices.value = await api.call('GET /api/devices'); }
  async function loadHealth() { store.setHealth(await api.call('GET /api/devices/health')); }
  async function loadConfig() { store.config.value = await api.call('GET /api/config'); }
  async function loadToday() {
    const { time } = await api.call('GET /api/health');
    store.today.value = time.slice(0, 10);
    store.serverTime.value = time;
  }
  /** 404 outside the demo: then the demo panel is not offered */
  async function loadDemo() {
    store.demo.value = await api.call('GET /api/demo/devices').then(() => true, () => false);
  }
  async function loadAll() {
    await Promise.all([loadHall(), loadCatalog(), loadUsers(), loadDevices(), loadHealth(), loadConfig(), loadToday(), loadDemo()]);
    store.loaded.value = true;
  }

  return {
    fail, loadAll, loadConfig, loadHall, loadCatalog, loadUsers, loadDevices, loadHealth,

    // sign-in, restore, sign-out and the own password (apps/kit/session.ts): admins only
    ...sessionCommands(store, api, {
      admit: (user) => (user.role === 'admin' ? null : store.t('notAdmin')),
      signedIn: loadAll,
      fail,
    }),

    // — people
    async createUser(body: BodyOf<'POST /api/users'>) { const r = await api.call('POST /api/users', { body }); await loadUsers(); return r; },
    async updateUser(id: string, body: BodyOf<'PUT /api/users/:id'>) { const r = await api.call('PUT /api/users/:id', { params: { id }, body }); await loadUsers(); return r; },
    setPassword: (id: string, password: string) => api.call('POST /api/users/:id/password', { params: { id }, body: { password } }),

    // — catalog
    async saveQueue(id: string | null, body: BodyOf<'PUT /api/queues/:id'>) {
      const r = id ? await api.call('PUT /api/queues/:id', { params: { id }, body }) : await api.call('POST /api/queues', { body });
      await loadCatalog();
      return r;
    },
    async saveService(id: string | null, body: BodyOf<'PUT /api/services/:id'>) {
      const r = id ? await api.call('PUT /api/services/:id', { params: { id }, body }) : await api.call('POST /api/services', { body });
      await loadCatalog();
      return r;
    },
    async saveWindow(id: string | null, body: BodyOf<'PUT /api/windows/:id'>) {
      const r = id ? await api.call('PUT /api/windows/:id', { params: { id }, body }) : await api.call('POST /api/windows', { body });
      await loadCatalog();
      return r;
    },
    async remove(kind: 'queues' | 'services' | 'windows', id: string) {
      if (kind === 'queues') await api.call('DELETE /api/queues/:id', { params: { id } });
      else if (kind === 'services') await api.call('DELETE /api/services/:id', { params: { id } });
      else await api.call('DELETE /api/windows/:id', { params: { id } });
      await loadCatalog();
    },

    // — devices
    async registerDevice(body: BodyOf<'POST /api/devices'>) { const r = await api.call('POST /api/devices', { body }); await loadDevices(); return r; },
    async revokeDevice(id: string) { await api.call('DELETE /api/devices/:id', { params: { id } }); await loadDevices(); },

    // — settings: a section as in the config file; the settings and the hall's name and openness are reloaded
    async putSection(section: string, value: unknown) {
      const r = await api.call('PUT /api/config/:section', { params: { section }, body: value });
      await Promise.all([loadConfig(), loadHall()]);
      return r;
    },
    calendar: (from: string, to: string) => api.call('GET /api/calendar', { query: { from, to } }),

    // — credit: this month's barred people (masked) and a pardon by their opaque handle
    barred: () => api.call('GET /api/citizens/barred'),
    pardon: (ref: string, reason: string) => api.call('POST /api/citizens/barred/:ref/pardon', { params: { ref }, body: { reason } }),

    // — the demo panel (demo only)
    demoDevices: () => api.call('GET /api/demo/devices'),
    demoCard: (kiosk: string, idNumber?: string) => api.call('POST /api/demo/kiosks/:kiosk/card', { params: { kiosk }, body: idNumber ? { idNumber } : {} }),
    demoScan: (kiosk: string, code: string) => api.call('POST /api/demo/kiosks/:kiosk/scan', { params: { kiosk }, body: { code } }),
    demoPrint: (id: string) => api.call('GET /api/demo/prints/:id', { params: { id } }),

    // — audit
    audit: (query: { actor?: string; type?: string; before?: number; limit?: number }) => api.call('GET /api/audit', { query }),

    // — 好差评 (issue 16): every rating of a period, the open low ones first
    ratings: (query: { from?: string; to?: string; maxLevel?: number }) => api.call('GET /api/evaluations', { query }),
    // — platform link and SMS (issue 17)
    platformStatus: () => api.call('GET /api/platform/status'),
    resend: (fromSeq: number) => api.call('POST /api/platform/resend', { body: { fromSeq } }),
    sms: (date: string) => api.call('GET /api/sms', { query: { date } }),
    // — the duty roster (issue 19)
    roster: (date: string) => api.call('GET /api/roster', { query: { date } }),
    assignRoster: (body: BodyOf<'POST /api/roster'>) => api.call('POST /api/roster', { body }),
    removeRoster: (id: string) => api.call('DELETE /api/roster/:id', { params: { id } }),
  };
}

export type Commands = ReturnType<typeof createCommands>;
