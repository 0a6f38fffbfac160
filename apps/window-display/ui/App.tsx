import { useStore } from '../store.js';
import { ConnectionMark } from './ConnectionMark.js';
import { useStrings } from './hooks.js';
import { Lobby } from './Lobby.js';
import { WindowScreen } from './WindowScreen.js';

export function App(props: { window: number | null; paired: boolean }) {
  const store = useStore();
  const t = useStrings();
  if (!props.paired) return <div class="unpaired" role="alert">{t('noToken')}</div>;
  return (
    <div class={`root ${store.live.value ? '' : 'stale'}`} lang={store.lang.value === 'zh' ? 'zh-CN' : 'en'}>
      {props.window === null ? <Lobby /> : <WindowScreen number={props.window} />}
      <ConnectionMark />
    </div>
  );
}
