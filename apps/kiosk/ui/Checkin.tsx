/** 预约取号: scan the booking QR (wedge or serial scanner, or the camera where enabled) or tap the ID card. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useStore } from '../store.js';
import { t } from '../i18n.js';
import type { KioskActions } from '../actions.js';

function Camera({ actions }: { actions: KioskActions }) {
  const store = useStore();
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let stop: (() => void) | null = null;
    let gone = false;
    import('../camera.js')
      .then((m) => m.startCamera(video.current!, (text) => void actions.scan('qr', text)))
      .then((s) => (gone ? s() : (stop = s)))
      .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
    return () => {
      gone = true;
      stop?.();
    };
  }, []);
  return (
    <div class="camera">
      <video ref={video} muted playsInline />
      {error && <p class="error" role="alert">{error}</p>}
    </div>
  );
}

export function Checkin({ actions }: { actions: KioskActions }) {
  const store = useStore();
  const lang = store.lang.value;
  const [camera, setCamera] = useState(false);
  return (
    <main class="screen checkin">
      <h2 class="screen-title">{t(lang, 'checkin.title')}</h2>
      <div class="scan-art" aria-hidden="true">
        <svg viewBox="0 0 120 120" class="scan-icon"><path d="M10 40V10h30M80 10h30v30M110 80v30H80M40 110H10V80" fill="none" stroke="currentColor" stroke-width="8" /><rect x="35" y="35" width="50" height="50" fill="currentColor" opacity=".35" /></svg>
      </div>
      <p class="lead">{t(lang, 'checkin.scan')}</p>
      <p class="lead">{t(lang, 'checkin.card')}</p>
      {camera && <Camera actions={actions} />}
      <div class="row-actions">
        <button type="button" class="nav" onClick={() => store.go({ name: 'home' })}>{t(lang, 'common.home')}</button>
        <button type="button" class="nav primary" onClick={() => store.go({ name: 'code' })}>{t(lang, 'checkin.code')}</button>
        <button type="button" class="nav" onClick={() => store.go({ name: 'keypad' })}>{t(lang, 'checkin.keypad')}</button>
        {store.camera && (
          <button type="button" class="nav" onClick={() => setCamera(!camera)}>{t(lang, camera ? 'checkin.cameraStop' : 'checkin.camera')}</button>
        )}
      </div>
    </main>
  );
}
