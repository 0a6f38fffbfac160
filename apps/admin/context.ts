/** The store and the commands, given to every component by context (components never see the socket). */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Commands } from './commands.js';
import type { Store } from './store.js';

export interface AppDeps { store: Store; cmd: Commands }
export const AppContext = createContext<AppDeps | null>(null);

export function useApp(): AppDeps {
  const deps = useContext(AppContext);
  if (!deps) throw new Error('useApp outside <AppContext.Provider>');
  return deps;
}
