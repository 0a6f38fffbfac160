/**
 * Device pairing and kiosk settings. The token arrives once in the URL fragment
 * (`#token=…&idle=30&camera=1&lang=en&wedge=50`), is kept in localStorage and removed from the address bar,
 * so a passer-by photographing the screen never sees it.
 */
export interface KioskSettings {
  token: string | null;
  /** seconds without input before returning home (issue 5: 30 s) */
  idleSeconds: number;
  /** camera QR scanning; off unless the hall enables it on this kiosk */
  camera: boolean;
  lang: 'zh' | 'en';
  /** max ms between the keys of a wedge scanner's burst (50; a slow USB hub or a loaded test machine may need more) */
  wedgeGapMs: number;
}

const KEY = 'hallq.kiosk';

export function loadSettings(loc: Location, storage: Storage, history: History): KioskSettings {
  const stored = JSON.parse(storage.getItem(KEY) ?? '{}') as Partial<KioskSettings>;
  const s: KioskSettings = { token: null, idleSeconds: 30, camera: false, lang: 'zh', wedgeGapMs: 50, ...stored };
  const hash = new URLSearchParams(loc.hash.replace(/^#/, ''));
  if (hash.size > 0) {
    const token = hash.get('token');
    const idle = Number(hash.get('idle'));
    if (token) s.token = token;
    if (Number.isFinite(idle) && idle > 0) s.idleSeconds = idle;
    const gap = Number(hash.get('wedge'));
    if (Number.isFinite(gap) && gap > 0) s.wedgeGapMs = gap;
    if (hash.has('camera')) s.camera = hash.get('camera') === '1';
    const lang = hash.get('lang');
    if (lang === 'zh' || lang === 'en') s.lang = lang;
    storage.setItem(KEY, JSON.stringify(s));
    history.replaceState(null, '', loc.pathname + loc.search);
  }
  return s;
}
