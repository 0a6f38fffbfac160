/**
 * The honesty mark: while the link is down (or no snapshot has arrived since it came back) a red
 * banner says so, and the screen below is dimmed (class `stale` on the root) so no number passes
 * for current.
 */
import { useStore } from '../store.js';
import { useStrings } from './hooks.js';

export function ConnectionMark() {
  const store = useStore();
  const t = useStrings();
  if (store.live.value) return null;
  const link = store.link.value;
  const text = link === 'unauthorized' ? t('unauthorized') : link === 'connecting' ? t('connecting') : t('offline');
  return (
    <div class={`conn conn-${link}`} role="status" data-testid="connection-mark">
      <strong>{text}</strong>
      {link === 'offline' && <span>{t('offlineHint')}</span>}
    </div>
  );
}
