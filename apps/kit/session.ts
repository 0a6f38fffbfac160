/**
 * Signing in, shared by the console and the admin app: the token lives for this tab only
 * (sessionStorage), the language is remembered on this PC (localStorage); sign in, restore a tab's
 * session after a reload (the token is checked against the server), sign out, and the signed-in
 * user's own password change. Each app says who it admits and what it loads once someone is in.
 */
import type { Signal } from '@preact/signals';
import type { UserInfo } from '../../protocol/domain.js';
import { ApiError, type Client } from './client.js';

export interface Session { token: string; user: UserInfo }
export interface Persist { get(key: string): string | null; set(key: string, value: string | null): void }

/** `hallq.<app>.<key>`: the language in localStorage, everything else (the token, a window) in sessionStorage */
export function browserPersist(app: string): Persist {
  const area = (k: string) => (k === 'lang' ? localStorage : sessionStorage);
  return {
    get: (k) => area(k).getItem(`hallq.${app}.${k}`),
    set: (k, v) => (v === null ? area(k).removeItem(`hallq.${app}.${k}`) : area(k).setItem(`hallq.${app}.${k}`, v)),
  };
}

/** What the session commands need of an app's store. A session with an empty user id is still being checked. */
export interface SessionStore { session: Signal<Session | null>; setSession(s: Session | null): void }

/** A refusal to let a signed-in user into this app (the admin app admits admins only). */
export class NotAdmitted extends Error {}

export interface SessionOptions {
  /** null admits the user; a message refuses them (their token is given back at once) */
  admit?: (user: UserInfo) => string | null;
  /** what the app loads once someone is in */
  signedIn: (user: UserInfo) => Promise<void>;
  /** a restore that failed other than by an expired token */
  fail: (e: unknown) => void;
}

export function sessionCommands(store: SessionStore, api: Client, opts: SessionOptions) {
  async function enter(token: string, user: UserInfo) {
    const refusal = opts.admit?.(user) ?? null;
    if (refusal !== null) {
      // give the token back at once rather than keep a session this app cannot use
      store.session.value = { token, user: { ...user, id: '' } };
      await api.call('POST /api/auth/logout').catch(() => undefined);
      store.setSession(null);
      throw new NotAdmitted(refusal);
    }
    store.setSession({ token, user });
    await opts.signedIn(user);
  }
  return {
    async login(username: string, password: string) {
      const out = await api.call('POST /api/auth/login', { body: { username, password } });
      await enter(out.token, out.user);
    },
    /** a reload keeps this tab's session: the token is checked against the server */
    async restore(token: string) {
      store.session.value = { token, user: { id: '', name: '', role: 'staff', windowIds: [] } };
      try {
        const me = await api.call('GET /api/me');
        if (me.kind !== 'user') throw new ApiError(403, 'forbidden', 'not a user');
        await enter(token, me.user);
      } catch (e) {
        store.setSession(null);
        if (!(e instanceof ApiError && e.status === 401)) opts.fail(e);
      }
    },
    async logout() {
      try {
        await api.call('POST /api/auth/logout');
      } finally {
        store.setSession(null);
      }
    },
    /** the server revokes every token of the user on a change, this one too: the user signs in again with the new password */
    async changeOwnPassword(oldPassword: string, newPassword: string) {
      await api.call('POST /api/me/password', { body: { oldPassword, newPassword } });
      store.setSession(null);
    },
  };
}

export type SessionCommands = ReturnType<typeof sessionCommands>;

/** A reload keeps this tab's session: the saved token, if any, is checked again. */
export function resumeSaved(persist: Persist, cmd: Pick<SessionCommands, 'restore'>): void {
  const saved = persist.get('token');
  if (saved) void cmd.restore(saved);
}
