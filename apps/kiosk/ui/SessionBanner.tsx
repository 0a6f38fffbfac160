/** Which session runs now when it limits what the kiosk issues: a 延时服务 (extended) or appointment-only session, with its times. */
import { useStore } from '../store.js';
import { t } from '../i18n.js';

export function SessionBanner() {
  const store = useStore();
  const lang = store.lang.value;
  const s = store.session.value;
  if (!s || (!s.extended && !s.appointmentOnly)) return null;
  const vars = { start: s.start, end: s.end };
  return (
    <p class={`session-banner ${s.appointmentOnly ? 'appointment' : 'extended'}`} role="status" data-testid="session-banner">
      {t(lang, s.appointmentOnly ? 'session.appointment' : 'session.extended', vars)}
    </p>
  );
}
