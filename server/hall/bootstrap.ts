/**
 * What a hall needs before it serves anyone, done once at every start: the booking QR codes'
 * secret, and an `admin` account. `server/start.ts` only wires; this decides.
 */
import { randomBytes } from 'node:crypto';
import { SYSTEM, type Core } from './core.js';
import { createUser, resolveToken, setPassword } from './people.js';
import type { DeviceKind } from '../../protocol/domain.js';

import { hashPassword, tokenHash, verifyPassword } from './passwords.js';

/** The HMAC key of the booking QR codes: made once, kept in the database (a restart keeps every QR valid). */
export function qrSecret(core: Core): string {
  let s = core.repos.settings.get('qr-secret');
  if (!s) {
    s = randomBytes(32).toString('base64url');
    core.repos.settings.put('qr-secret', s);
  }
  return s;
}

export interface AdminBootstrap {
  /** the password to print once (a generated one, or the demo's); null when nobody must be told */
  printPassword: string | null;
  /** where the admin's password comes from now */
  source: 'env' | 'generated' | 'demo' | 'unchanged';
}

/**
 * Ensures the `admin` account. `HALLQ_ADMIN_PASSWORD` sets its password (only a changed one resets
 * it and revokes admin's tokens: a restart must not log the admin out); it is never printed, since
 * whoever set it knows it. Without it, a new database gets a generated password, printed once.
 */
export async function ensureAdmin(core: Core, o: { password?: string; demoPassword?: string }): Promise<AdminBootstrap> {
  const existing = core.repos.users.byUsername('admin');
  if (o.password) {
    if (!existing) createUser(core, SYSTEM, { username: 'admin', name: '管理员', role: 'admin', passwordHash: await hashPassword(o.password) }, 'u-admin');
    else if (!(await verifyPassword(o.password, existing.password_hash))) setPassword(core, SYSTEM, existing.id, await hashPassword(o.password));
    return { printPassword: null, source: 'env' };
  }
  if (existing) return o.demoPassword ? { printPassword: o.demoPassword, source: 'demo' } : { printPassword: null, source: 'unchanged' };
  const password = o.demoPassword ?? randomBytes(9).toString('base64url');
  createUser(core, SYSTEM, { username: 'admin', name: '管理员', role: 'admin', passwordHash: await hashPassword(password) }, 'u-admin');
  return { printPassword: password, source: o.demoPassword ? 'demo' : 'generated' };
}

/**
 * The demo's device tokens, kept in clear in the settings so a restarted demo keeps its kiosk and
 * lobby tabs working and adds no new tokens (a real hall registers devices in the admin app and
 * never stores a token). A kept token that no longer works is replaced through `register`.
 */
export function demoDeviceTokens(
  core: Core, devices: { kind: DeviceKind; name: string }[], register: (d: { kind: DeviceKind; name: string }) => string,
): Record<string, string> {
  const kept = JSON.parse(core.repos.settings.get('demo-device-tokens') ?? '{}') as Record<string, string>;
  const out: Record<string, string> = {};
  for (const d of devices) {
    const token = kept[d.name];
    out[d.name] = token && resolveToken(core, tokenHash(token))?.name === d.name ? token : register(d);
  }
  // written only when a token changed: a restart of the same demo writes nothing (a read-only store starts)
  if (JSON.stringify(out) !== JSON.stringify(kept)) core.repos.settings.put('demo-device-tokens', JSON.stringify(out));
  return out;
}
