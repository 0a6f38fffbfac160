/// <reference types="vite/client" />
/**
 * URLs of the committed voice clips, by clip name. `?no-inline` keeps every clip a file in dist/
 * (the server's CSP lets fetch() reach 'self' only, not data: URLs).
 */
const files = import.meta.glob('./clips/*.opus', { query: '?no-inline', import: 'default', eager: true }) as Record<string, string>;

export const CLIP_URLS: Record<string, string> = Object.fromEntries(
  Object.entries(files).map(([path, url]) => [path.replace(/^.*\/([^/]+)\.opus$/, '$1'), url]),
);
