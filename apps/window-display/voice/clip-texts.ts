/**
 * The voice clips and what each says (Mandarin, read by espeak-ng's cmn-latn-pinyin voice).
 * Names are the clip file names under ./clips/ and the entries of the audio log; `chime` is the
 * extra synthesized clip. Shared by the generator script and the phrase builder.
 */
export const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

export const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

export const CLIP_TEXTS: Record<string, string> = {
  ...Object.fromEntries(DIGITS.map((d, i) => [`d${i}`, d])),
  ...Object.fromEntries(LETTERS.map((l) => [l, l])),
  shi: '十',
  bai: '百',
  qing: '请',
  hao: '号',
  dao: '到',
  chuangkou: '窗口',
  banli: '办理',
};

export const CHIME = 'chime';
