/**
 * The CJK font the ticket renderer draws with, found by file path (never by system lookup, so a
 * rendering is the same on every machine that has the Debian package).
 */
import { existsSync } from 'node:fs';

export interface CjkFont {
  file: string;
  /** A family in that file whose Latin glyphs are half the width of its Hanzi, as on the printer. */
  family: string;
}

const CANDIDATES: CjkFont[] = [
  { file: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYi Zen Hei Mono' }, // fonts-wqy-zenhei
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'Noto Sans Mono CJK SC' }, // fonts-noto-cjk
  { file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYi Micro Hei Mono' }, // fonts-wqy-microhei
];

/** `HALLQ_CJK_FONT=/path/file.ttc` (family given by `HALLQ_CJK_FONT_FAMILY`) overrides the search. */
export function findCjkFont(env: NodeJS.ProcessEnv = process.env): CjkFont {
  const file = env.HALLQ_CJK_FONT;
  if (file) {
    if (!existsSync(file)) throw new Error(`HALLQ_CJK_FONT ${file} does not exist`);
    return { file, family: env.HALLQ_CJK_FONT_FAMILY ?? 'WenQuanYi Zen Hei Mono' };
  }
  const found = CANDIDATES.find((c) => existsSync(c.file));
  if (!found) throw new Error('no CJK font found: install the Debian package fonts-wqy-zenhei (or fonts-noto-cjk)');
  return found;
}
