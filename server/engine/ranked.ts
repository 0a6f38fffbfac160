/**
 * A sorted set with ranks: insert, remove, "how many sort before x", and the first k, each in
 * O(log n) expected (the first k in O(k + log n)). A treap: a binary search tree by the order
 * `cmp`, a heap by a random priority, each node knowing its subtree's size. Priorities come from a
 * fixed-seed xorshift, so a run is reproducible; their randomness only keeps the tree shallow.
 * `cmp` must be a total order (no two distinct members compare equal).
 */
interface Node<T> { v: T; p: number; n: number; l: Node<T> | null; r: Node<T> | null }

const size = <T>(t: Node<T> | null) => (t ? t.n : 0);
const fix = <T>(t: Node<T>) => { t.n = 1 + size(t.l) + size(t.r); return t; };

export class RankedSet<T> {
  private root: Node<T> | null = null;
  private seed = 0x2545f491;
  constructor(private readonly cmp: (a: T, b: T) => number) {}

  get size(): number { return size(this.root); }

  private priority(): number {
    let x = this.seed;
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    this.seed = x >>> 0;
    return this.seed;
  }

  /** Splits t into the members for which `before` holds (a prefix of the order) and the rest. */
  private split(t: Node<T> | null, before: (v: T) => boolean): [Node<T> | null, Node<T> | null] {
    if (!t) return [null, null];
    if (before(t.v)) {
      const [a, b] = this.split(t.r, before);
      t.r = a;
      return [fix(t), b];
    }
    const [a, b] = this.split(t.l, before);
    t.l = b;
    return [a, fix(t)];
  }

  private merge(a: Node<T> | null, b: Node<T> | null): Node<T> | null {
    if (!a) return b;
    if (!b) return a;
    if (a.p > b.p) { a.r = this.merge(a.r, b); return fix(a); }
    b.l = this.merge(a, b.l);
    return fix(b);
  }

  insert(v: T): void {
    const [a, b] = this.split(this.root, (x) => this.cmp(x, v) < 0);
    const [, rest] = this.split(b, (x) => this.cmp(x, v) <= 0); // an equal member is replaced
    this.root = this.merge(this.merge(a, { v, p: this.priority(), n: 1, l: null, r: null }), rest);
  }

  /** Removes the member equal to v; false when there was none. */
  remove(v: T): boolean {
    const [a, b] = this.split(this.root, (x) => this.cmp(x, v) < 0);
    const [mid, rest] = this.split(b, (x) => this.cmp(x, v) <= 0);
    this.root = this.merge(a, rest);
    return mid !== null;
  }

  /** How many members come before v (v itself need not be a member). */
  rank(v: T): number {
    return this.countWhile((x) => this.cmp(x, v) < 0);
  }

  /** The length of the prefix for which `before` holds (`before` must hold for a prefix of the order only). */
  countWhile(before: (v: T) => boolean): number {
    let t = this.root;
    let n = 0;
    while (t) {
      if (before(t.v)) { n += size(t.l) + 1; t = t.r; } else t = t.l;
    }
    return n;
  }

  /** The first k members in order. */
  first(k: number): T[] {
    const out: T[] = [];
    const stack: Node<T>[] = [];
    let t = this.root;
    while ((t || stack.length) && out.length < k) {
      while (t) { stack.push(t); t = t.l; }
      const top = stack.pop()!;
      out.push(top.v);
      t = top.r;
    }
    return out;
  }
}
