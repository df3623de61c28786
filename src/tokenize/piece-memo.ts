/**
 * Token counts of pieces already seen, looked up by the piece's place in the text rather than by a sliced
 * copy of it: a hit (nearly every piece of prose) allocates nothing. Slicing each piece to key a Map made
 * ~2.4M short strings per 11 MB of text, and the collector's traffic that came with them is what two busy
 * threads contend for. Open addressing over parallel arrays; the hash is FNV-1a of the UTF-16 code units.
 */
export class PieceMemo {
  private keys: (string | undefined)[] = [];
  private hashes = new Int32Array(0);
  private counts = new Int32Array(0);
  private mask = 0;
  private used = 0;

  /** `limit` bounds memory: when that many pieces are held, the memo starts over. */
  constructor(private readonly limit: number) {
    this.reset(1 << 12);
  }

  get size(): number {
    return this.used;
  }

  /** The count stored for text[start, end), or -1 when that piece has not been seen. */
  get(text: string, start: number, end: number, hash: number): number {
    const { keys, hashes, mask } = this;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const key = keys[slot];
      if (key === undefined) return -1;
      if (hashes[slot] === hash && sameText(key, text, start, end)) return this.counts[slot]!;
    }
  }

  /** Stores a piece known not to be held yet (get returned -1 for it). */
  add(text: string, start: number, end: number, hash: number, count: number): void {
    if (this.used >= this.limit) this.reset(this.keys.length);
    else if (2 * (this.used + 1) > this.keys.length) this.grow();
    this.place(text.slice(start, end), hash, count);
    this.used++;
  }

  private place(key: string, hash: number, count: number): void {
    let slot = hash & this.mask;
    while (this.keys[slot] !== undefined) slot = (slot + 1) & this.mask;
    this.keys[slot] = key;
    this.hashes[slot] = hash;
    this.counts[slot] = count;
  }

  private reset(slots: number): void {
    this.keys = new Array<string | undefined>(slots).fill(undefined);
    this.hashes = new Int32Array(slots);
    this.counts = new Int32Array(slots);
    this.mask = slots - 1;
    this.used = 0;
  }

  private grow(): void {
    const { keys, hashes, counts } = this;
    this.reset(2 * keys.length);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (key !== undefined) {
        this.place(key, hashes[i]!, counts[i]!);
        this.used++;
      }
    }
  }
}

/** FNV-1a over the UTF-16 code units text[start, end), as a signed 32-bit number. */
export function hashPiece(text: string, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

function sameText(key: string, text: string, start: number, end: number): boolean {
  if (key.length !== end - start) return false;
  for (let i = 0; i < key.length; i++)
    if (key.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}
