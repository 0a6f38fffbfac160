/**
 * What the admin app can do: each command calls the server through the typed client and reloads the
 * list it changed. Refusals are thrown (ApiError) so a form shows them next to its fields.
 */
import type { BodyOf } from '../../protocol/api.js';
import { ApiError, type Client } from '../kit/client.js';
import type { Store } from './store.js';

/** a signed-in user who is not an admin: the app refuses them (the server would refuse every call anyway) */
export class NotAdmin extends Error {}

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
  async function loadAll() {
    await Promise.all([loadHall(), loadCatalog(), loadUsers(), loadDevices(), loadHealth(), loadConfig(), loadToday()]);
    store.loaded.value = true;
  }

  async function signedIn(token: string, user: { id: string; name: string; role: string; windowIds: string[] }) {
    if (user.role !== 'admin') {
      // this app is for admins only: give the token back at once rather than keep a useless session
      await api.call('POST /api/auth/logout').catch(() => undefined);
      store.setSession(null);
      throw new NotAdmin(store.t('notAdmin'));
    }
    await loadAll();
  }

  return {
    fail, loadAll, loadConfig, loadHall, loadCatalog, loadUsers, loadDevices, loadHealth,

    async login(username: string, password: string) {
      const out = await api.call('POST /api/auth/login', { body: { username, password } });
      // held without a user id (the sign-in form stays up) until the role is known to be admin
      store.session.value = { token: out.token, user: { ...out.user, id: '' } };
      if (out.user.role === 'admin') store.setSession(out);
      await signedIn(out.token, out.user);
    },
    /** a reload keeps this tab's session: the token is checked against the server */
    async restore(token: string) {
      store.session.value = { token, user: { id: '', name: '', role: 'admin', windowIds: [] } };
      try {
        const me = await api.call('GET /api/me');
        if (me.kind !== 'user') throw new ApiError(403, 'forbidden', 'not a user');
        store.setSession({ token, user: me.user });
        await signedIn(token, me.user);
      } catch (e) {
        store.setSession(null);
        if (!(e instanceof ApiError && e.status === 401)) fail(e);
      }
    },
    async logout() {
      try {
        await api.call('POST /api/auth/logout');
      } finally {
        store.setSession(null);
      }
    },

    // — people
    async createUser(body: BodyOf<'POST /api/users'>) { const r = await api.call('POST /api/users', { body }); await loadUsers(); return r; },
    async updateUser(id: string, body: BodyOf<'PUT /api/users/:id'>) { const r = await api.call('PUT /api/users/:id', { params: { id }, body }); await loadUsers(); return r; },
    setPassword: (id: string, password: string) => api.call('POST /api/users/:id/password', { params: { id }, body: { password } }),
    changeOwnPassword: (oldPassword: string, newPassword: string) => api.call('POST /api/me/password', { body: { oldPassword, newPassword } }),

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

    // — audit
    audit: (query: { actor?: string; type?: string; before?: number; limit?: number }) => api.call('GET /api/audit', { query }),

    // — 好差评 (issue 16): every rating of a period, the open low ones first
    ratings: (query: { from?: string; to?: string; maxLevel?: number }) => api.call('GET /api/evaluations', { query }),
    // — platform link and SMS (issue 17)
    platformStatus: () => api.call('GET /api/platform/status'),
    resend: (fromSeq: number) => api.call('POST /api/platform/resend', { body: { fromSeq } }),
    sms: (date: string) => api.call('GET /api/sms', { query: { date } }),
  };
}

export type Commands = ReturnType<typeof createCommands>;
