import { useEffect, useState } from 'preact/hooks';
import { translate, type Translate } from '../../kit/i18n.js';
import { DICT, type Key } from '../i18n.js';
import { useStore } from '../store.js';

/** the display's translator in the store's language (components re-render on a switch) */
export function useStrings(): Translate<Key> {
  const lang = useStore().lang.value;
  return (key, vars) => translate(DICT, lang, key, vars);
}

/** re-renders every `ms` (the clock) */
export function useTick(ms = 1_000): number {
  const [n, setN] = useState(0);
  useEffect(() => {
    const h = setInterval(() => setN((x) => x + 1), ms);
    return () => clearInterval(h);
  }, [ms]);
  return n;
}
