import { useEffect, useState } from 'preact/hooks';
import { STRINGS, type Strings } from '../strings.js';
import { useStore } from '../store.js';

export function useStrings(): Strings {
  return STRINGS[useStore().lang.value];
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
