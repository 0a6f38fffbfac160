/** The committed clip files (name and size), read from disk for the unit tests. */
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CLIPS_DIR = fileURLToPath(new URL('../../../../apps/window-display/voice/clips/', import.meta.url));
const files = readdirSync(CLIPS_DIR).filter((f) => f.endsWith('.opus'));
export const CLIP_NAMES_ON_DISK = files.map((f) => f.replace(/\.opus$/, ''));
export const CLIPS_TOTAL_BYTES = files.reduce((s, f) => s + statSync(CLIPS_DIR + f).size, 0);
