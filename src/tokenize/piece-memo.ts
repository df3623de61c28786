/**
 * Token counts of pieces already seen, looked up by the piece's place in the text rather than by a sliced
 * copy of it: a hit (nearly every piece of prose) allocates nothing. Slicing each piece to key a Map made
 * ~2.4M short strings per 11 MB of text, and the collector's traffic that came with them is what two busy
 * threads contend for. Open addressing; a slot is four numbers side by side (hash, count, where the
 * piece's characters start in one shared pool, and its length), so a lookup touches two cache lines: the
 * slot and the characters. The hash is FNV-1a of the UTF-16 code units.
 */
const HASH = 0;
const COUNT = 1;
const START = 2;
const LENGTH = 3; // 0: an empty slot (no piece is empty)
const WIDTH = 4;

export class PieceMemo {
  private slots = new Int32Array(0);
  private mask = 0;
  private chars = new Uint16Array(1 << 16);
  private charsUsed = 0;
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
    const { slots, chars, mask } = this;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = slot * WIDTH;
      const len = slots[at + LENGTH]!;
      if (len === 0) return -1;
      if (slots[at + HASH] !== hash || len !== length) continue;
      let i = 0;
      for (let c = slots[at + START]!; i < length && chars[c + i] === text.charCodeAt(start + i);)
        i++;
      if (i === length) return slots[at + COUNT]!;
    }
  }

  /** Stores a piece known not to be held yet (get returned -1 for it). */
  add(text: string, start: number, end: number, hash: number, count: number): void {
    if (this.used >= this.limit) this.reset(this.slots.length / WIDTH);
    else if (2 * (this.used + 1) > this.slots.length / WIDTH) this.grow();
    const length = end - start;
    if (this.charsUsed + length > this.chars.length) {
      const more = new Uint16Array(2 * (this.charsUsed + length));
      more.set(this.chars.subarray(0, this.charsUsed));
      this.chars = more;
    }
    for (let i = 0; i < length; i++) this.chars[this.charsUsed + i] = text.charCodeAt(start + i);
    this.place(hash, count, this.charsUsed, length);
    this.charsUsed += length;
    this.used++;
  }

  private place(hash: number, count: number, start: number, length: number): void {
    let slot = hash & this.mask;
    while (this.slots[slot * WIDTH + LENGTH] !== 0) slot = (slot + 1) & this.mask;
    const at = slot * WIDTH;
    this.slots[at + HASH] = hash;
    this.slots[at + COUNT] = count;
    this.slots[at + START] = start;
    this.slots[at + LENGTH] = length;
  }

  private reset(slots: number): void {
    this.slots = new Int32Array(slots * WIDTH);
    this.mask = slots - 1;
    this.charsUsed = 0;
    this.used = 0;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = this.slots.length / WIDTH - 1;
    for (let at = 0; at < old.length; at += WIDTH)
      if (old[at + LENGTH] !== 0)
        this.place(old[at + HASH]!, old[at + COUNT]!, old[at + START]!, old[at + LENGTH]!);
  }
}

/** FNV-1a over the UTF-16 code units text[start, end), as a signed 32-bit number. */
export function hashPiece(text: string, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}
