/**
 * Generates the lobby voice clips (apps/window-display/voice/clips/*.opus) with Debian's espeak-ng,
 * `cmn-latn-pinyin` voice (reads Mandarin correctly, letters as letter names). The clips are
 * committed, so neither CI nor the lobby PC needs a speech engine; re-run only to change the voice.
 *
 *   apt-get install -y espeak-ng sox opus-tools && npx tsx scripts/gen-voice-clips.ts
 *
 * Each clip: mono 16 kHz, leading/trailing silence trimmed (so joined clips sound like one
 * sentence), Opus 24 kbit/s in Ogg. The chime is synthesized with sox (a two-tone ding-dong).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLIP_TEXTS } from '../apps/window-display/voice/clip-texts.js';

const OUT = fileURLToPath(new URL('../apps/window-display/voice/clips/', import.meta.url));
const VOICE = 'cmn-latn-pinyin';
const SPEED = '150'; // words per minute: espeak's default 175 is hurried for a hall

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });

function encode(wav: string, name: string) {
  const trimmed = wav.replace(/\.wav$/, '.t.wav');
  // trim silence at both ends (reverse trick), then a 30 ms tail so words do not collide
  run('sox', [wav, '-r', '16000', '-c', '1', '-b', '16', trimmed, 'gain', '-n', '-1', 'silence', '1', '0.02', '0.5%', 'reverse', 'silence', '1', '0.02', '0.5%', 'reverse', 'pad', '0', '0.03']);
  run('opusenc', ['--quiet', '--bitrate', '24', '--comp', '10', trimmed, join(OUT, `${name}.opus`)]);
}

function main() {
  mkdirSync(OUT, { recursive: true });
  for (const f of readdirSync(OUT)) if (f.endsWith('.opus')) rmSync(join(OUT, f));
  const tmp = mkdtempSync(join(tmpdir(), 'hallq-voice-'));
  try {
    for (const [name, text] of Object.entries(CLIP_TEXTS)) {
      const wav = join(tmp, `${name}.wav`);
      run('espeak-ng', ['-v', VOICE, '-s', SPEED, '-w', wav, text]);
      encode(wav, name);
    }
    const chime = join(tmp, 'chime.wav');
    run('sox', ['-n', '-r', '16000', '-c', '1', '-b', '16', chime, 'synth', '0.55', 'sine', '784', 'fade', 'q', '0.01', '0.55', '0.45', 'gain', '-8', ':',
      'synth', '0.9', 'sine', '622', 'fade', 'q', '0.01', '0.9', '0.8', 'gain', '-8']);
    run('opusenc', ['--quiet', '--bitrate', '24', chime, join(OUT, 'chime.opus')]);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const total = readdirSync(OUT).reduce((s, f) => s + statSync(join(OUT, f)).size, 0);
  console.log(`wrote ${readdirSync(OUT).length} clips to ${OUT} (${(total / 1024).toFixed(1)} KiB)`);
}

main();
