/**
 * The server's config refusals (400 invalid-config) name the faulty key and say why in the config
 * file's words, English (an operator reads them at start too). The admin shows them in Chinese
 * first: the known wordings of server/config/fields.ts and zod's generic ones, translated here;
 * anything else is shown as the server said it.
 */
import type { Lang } from '../kit/i18n.js';

const ZH: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^session (\S+) ends before it starts$/, (m) => `时段 ${m[1]} 的结束时间须晚于开始时间`],
  [/^session (\S+) overlaps (\S+) \(.*\)$/, (m) => `时段 ${m[1]} 与 ${m[2]} 重叠`],
  [/^session (\S+) must come after (\S+) \(.*\)$/, (m) => `时段 ${m[1]} 须在 ${m[2]} 之后`],
  [/^HH:MM, 00:00–24:00$/, () => '时间格式应为 HH:MM（00:00–24:00）'],
  [/^HH:MM, 00:00–23:59$/, () => '时间格式应为 HH:MM（00:00–23:59）'],
  [/^MM-DD, a day of the year$/, () => '日期格式应为 MM-DD，且须是存在的日期'],
  [/^Too big: expected number to be <=?(\d+)/, (m) => `数值不能大于 ${m[1]}`],
  [/^Too small: expected number to be >=?(-?\d+)/, (m) => `数值不能小于 ${m[1]}`],
  [/^Invalid input: expected int, received number$/, () => '请输入整数'],
  [/^Invalid input: expected number/, () => '请输入数字'],
];

export function reasonText(message: string, lang: Lang): string {
  if (lang === 'en') return message;
  for (const [re, zh] of ZH) {
    const m = message.match(re);
    if (m) return zh(m);
  }
  return message;
}
