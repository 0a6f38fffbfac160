/**
 * Forms validate with the server's own zod schemas (protocol/schemas.ts) before sending, and show a
 * refusal next to the field it concerns: a 400's `details.issues[].path`, or the field a rule's
 * code names (a taken user name, a short password, a used queue letter …). What fits no field is
 * shown under the form.
 */
import type { z } from 'zod';
import en from 'zod/v4/locales/en.js';
import zhCN from 'zod/v4/locales/zh-CN.js';
import { ApiError } from '../kit/client.js';
import type { Lang } from '../kit/i18n.js';

export type FieldErrors = Record<string, string>;
export interface Refusal { fields: FieldErrors; general: string | null }

const NOT_A_NUMBER: Record<Lang, string> = { zh: '请输入整数', en: 'Enter a whole number' };
const LOCALES = { zh: zhCN().localeError, en: en().localeError };

/** `queueIds.0` → `queueIds`: a list's item is shown at the list */
const fieldOf = (path: string) => path.split('.')[0];

/** The schema's complaints by field (the first per field), or null when the value passes. */
export function check<S extends z.ZodType>(schema: S, value: unknown, lang: Lang): { ok: true; data: z.output<S> } | { ok: false; fields: FieldErrors } {
  const r = schema.safeParse(value, { error: LOCALES[lang] });
  if (r.success) return { ok: true, data: r.data };
  const fields: FieldErrors = {};
  for (const i of r.error.issues) {
    const f = fieldOf(i.path.map(String).join('.'));
    // a number field with letters in it: zod would say "expected number, received NaN"
    const nan = i.code === 'invalid_type' && i.expected === 'number';
    fields[f] ??= nan ? NOT_A_NUMBER[lang] : i.message;
  }
  return { ok: false, fields };
}

/** the field each rule's refusal is about */
const CODE_FIELD: Record<string, string> = {
  'duplicate-username': 'username',
  'weak-password': 'password',
  'wrong-password': 'oldPassword',
  'duplicate-prefix': 'prefix',
  'duplicate-window-number': 'number',
  'duplicate-device': 'name',
  'queue-not-found': 'queueId',
  'invalid-config': 'value',
};

/** A thrown refusal as field messages (the server's Chinese message) and a general line. */
export function refusalOf(e: unknown, known: readonly string[] = []): Refusal {
  if (!(e instanceof ApiError)) return { fields: {}, general: String(e) };
  const fields: FieldErrors = {};
  const issues = Array.isArray(e.details.issues) ? (e.details.issues as { path?: unknown; message?: unknown }[]) : [];
  for (const i of issues) {
    const f = fieldOf(String(i.path ?? ''));
    if (known.includes(f) && typeof i.message === 'string') fields[f] ??= i.message;
  }
  const byCode = CODE_FIELD[e.code];
  if (byCode && known.includes(byCode)) fields[byCode] = e.message;
  if (e.code === 'invalid-config' && typeof e.details.path === 'string') {
    const f = fieldOf(e.details.path.split('.').slice(1).join('.') || e.details.path);
    if (known.includes(f)) fields[f] = e.message;
  }
  const general = Object.keys(fields).length ? null : e.message + (issues.length ? `：${issues.map((i) => `${String(i.path)} ${String(i.message)}`).join('；')}` : '');
  return { fields, general };
}
