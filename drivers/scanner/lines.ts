/**
 * Splits a USB-CDC scanner's byte stream into scans. Scanners end each code with CR, LF or
 * CR LF depending on their setup; all three are accepted. A line longer than `maxLength`
 * (no terminator configured, or noise) is discarded instead of growing without bound.
 */
export class LineSplitter {
  private buf = '';
  private overflow = false;

  constructor(
    private readonly onLine: (line: string) => void,
    private readonly onOverflow: (length: number) => void,
    private readonly maxLength = 512,
  ) {}

  push(chunk: Buffer): void {
    // latin1 maps each byte to one char, so non-ASCII bytes stay visible to the ASCII check
    for (const ch of chunk.toString('latin1')) {
      if (ch === '\r' || ch === '\n') {
        if (!this.overflow) this.onLine(this.buf);
        this.buf = '';
        this.overflow = false;
        continue;
      }
      if (this.overflow) continue;
      this.buf += ch;
      if (this.buf.length > this.maxLength) {
        this.onOverflow(this.buf.length);
        this.buf = '';
        this.overflow = true;
      }
    }
  }

  reset(): void {
    this.buf = '';
    this.overflow = false;
  }
}

/** Printable ASCII only: our booking QR codes are ASCII, anything else is a misread or another code. */
export function isPrintableAscii(text: string): boolean {
  return /^[\x20-\x7e]+$/.test(text);
}

/**
 * Drops a code seen again within `windowMs` of its previous sighting: a scanner in continuous
 * mode re-reads a code held under it several times a second, and that is one scan, not many.
 */
export class DuplicateFilter {
  private last: { value: string; at: number } | null = null;

  constructor(private readonly windowMs = 1000) {}

  accept(value: string, nowMs: number): boolean {
    const dup = this.last !== null && this.last.value === value && nowMs - this.last.at < this.windowMs;
    this.last = { value, at: nowMs };
    return !dup;
  }
}
