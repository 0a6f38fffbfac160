import { describe, expect, it } from 'vitest';
import { latest } from '../../../apps/console/latest.js';

/** a request whose answer the test releases by hand, to arrive out of order */
function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => { resolve = r; });
  return { promise, resolve };
}

describe('latest', () => {
  it('drops the answer to an earlier request that arrives after the later one', async () => {
    const shown: string[] = [];
    const friday = deferred<string>();
    const monday = deferred<string>();
    const first = latest();
    const a = friday.promise.then(first((v) => shown.push(v)));
    first.stop(); // the date changed: the effect's cleanup runs before the next request
    const second = latest();
    const b = monday.promise.then(second((v) => shown.push(v)));
    monday.resolve('monday');
    await b;
    friday.resolve('friday');
    await a;
    expect(shown).toEqual(['monday']);
  });

  it('passes every argument through while live', () => {
    const live = latest();
    let got: unknown[] = [];
    live((x: number, y: string) => { got = [x, y]; })(1, 'a');
    expect(got).toEqual([1, 'a']);
  });
});
