/**
 * Keeps only the answer to the latest request an effect made. When staff change a date or a service
 * quickly, an answer to the earlier request can arrive after the later one; without this guard it
 * would overwrite the list on screen with another day's.
 *
 *   useEffect(() => { const live = latest(); load().then(live(setList)); return live.stop; }, [date]);
 */
export interface Latest {
  <A extends unknown[]>(use: (...args: A) => void): (...args: A) => void;
  stop: () => void;
}

export function latest(): Latest {
  let current = true;
  const live = (<A extends unknown[]>(use: (...args: A) => void) => (...args: A) => { if (current) use(...args); }) as Latest;
  live.stop = () => { current = false; };
  return live;
}
