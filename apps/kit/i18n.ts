/**
 * One translator for the three apps: each app brings its dictionaries (Chinese first, English
 * available; the same keys in both) and gets `t(key, vars)`, `{name}` placeholders filled from vars.
 * A list is one string with `|` between its items (`list()`).
 */
export type Lang = 'zh' | 'en';

export type Vars = Record<string, string | number>;
export type Dictionaries<K extends string> = Record<Lang, Record<K, string>>;
export type Translate<K extends string> = (key: K, vars?: Vars) => string;

/** `{name}` → vars.name; a placeholder without a value becomes '' (never the raw braces). */
export function fill(template: string, vars: Vars = {}): string {
  return template.replace(/\{(\w+)\}/g, (_m, k: string) => (k in vars ? String(vars[k]) : ''));
}

export function translate<K extends string>(dicts: Dictionaries<K>, lang: Lang, key: K, vars?: Vars): string {
  return fill(dicts[lang][key] ?? dicts.zh[key] ?? key, vars);
}

/** `t` bound to a language source read at each call (a signal's value, so components follow a switch). */
export function translator<K extends string>(dicts: Dictionaries<K>, lang: () => Lang): Translate<K> {
  return (key, vars) => translate(dicts, lang(), key, vars);
}

/** the items of a `|`-separated entry */
export const list = (text: string): string[] => text.split('|');

export const parseLang = (v: string | null | undefined, fallback: Lang = 'zh'): Lang => (v === 'en' || v === 'zh' ? v : fallback);
