/** Composition root of the console: storage → store → typed client → commands → socket feed → components. */
import { effect } from '@preact/signals';
import { render } from 'preact';
import { createClient } from '../kit/client.js';
import { createCommands } from './commands.js';
import { AppContext } from './context.js';
import { connectConsole, type Feed } from './feed.js';
import { createStore } from './store.js';
import { browserPersist, resumeSaved } from '../kit/session.js';
import { App } from './ui/App.js';

// the token (and window) live for this tab only, the language on this PC
const persist = browserPersist('console');
const store = createStore(persist);
const api = createClient({ base: '', token: () => store.session.value?.token ?? null, onUnauthorized: () => store.setSession(null) });
const cmd = createCommands(store, api);

// one live connection per signed-in session
let feed: Feed | null = null;
let feedToken: string | null = null;
effect(() => {
  const token = store.session.value?.user.id ? store.session.value.token : null;
  if (token === feedToken) return;
  feed?.close();
  feed = token ? connectConsole(store, token, () => void cmd.loadWindow().catch(cmd.fail)) : null;
  feedToken = token;
});
effect(() => void (document.documentElement.lang = store.lang.value === 'en' ? 'en' : 'zh-CN'));
setInterval(() => void (store.tick.value = Date.now()), 1000);

resumeSaved(persist, cmd);

render(
  <AppContext.Provider value={{ store, cmd }}>
    <App />
  </AppContext.Provider>,
  document.getElementById('app')!,
);
