import { type EventColumns, grown } from "./event-log.ts";

/**
 * Reads the event lines PostgreSQL's `COPY … TO STDOUT` prints for the process flow —
 * `case \t offer type \t state \t epoch ms \t id \n` — straight from the bytes into
 * {@link EventColumns}, without making a string per line or per field: cases and activities are
 * interned by their bytes in open-addressing tables (exact: a hit compares the bytes), numbers are
 * read digit by digit. A million events (about 60 MB) take a fraction of the time the same work on
 * decoded strings took, so the reading keeps up with PostgreSQL printing them.
 *
 * Everything printed is ASCII (pseudonyms, codes, digits), so names are decoded as latin1; COPY's
 * backslash escapes cannot occur in them.
 */

const TAB = 9;
const NEWLINE = 10;

/** Byte strings → dense ids; the bytes of every key are kept once in a growing pool. */
export class ByteInterner {
  readonly names: string[] = [];
  #pool = new Uint8Array(1 << 16);
  #poolUsed = 0;
  #offsets = new Int32Array(1024);
  #lengths = new Int32Array(1024);
  #hashes = new Int32Array(1024);
  /** Slot → id + 1 (0: empty). */
  #slots = new Int32Array(2048);
  #mask = 2047;

  get size(): number {
    return this.names.length;
  }

  /** The id of `bytes[from, to)`, adding it if new. */
  intern(bytes: Uint8Array, from: number, to: number): number {
    let h = 0x811c9dc5 | 0;
    for (let i = from; i < to; i++) h = Math.imul(h ^ (bytes[i] as number), 0x01000193);
    const length = to - from;
    let slot = h & this.#mask;
    for (;;) {
      const entry = this.#slots[slot] as number;
      if (entry === 0) break;
      const id = entry - 1;
      if (this.#hashes[id] === h && this.#lengths[id] === length && this.#equals(id, bytes, from, length)) {
        return id;
      }
      slot = (slot + 1) & this.#mask;
    }
    return this.#add(bytes, from, length, h, slot);
  }

  #equals(id: number, bytes: Uint8Array, from: number, length: number): boolean {
    const pool = this.#pool;
    const offset = this.#offsets[id] as number;
    for (let i = 0; i < length; i++) if (pool[offset + i] !== bytes[from + i]) return false;
    return true;
  }

  #add(bytes: Uint8Array, from: number, length: number, hash: number, slot: number): number {
    const id = this.names.length;
    if (this.#poolUsed + length > this.#pool.length) {
      this.#pool = grown(this.#pool, Math.max(this.#pool.length * 2, this.#poolUsed + length));
    }
    this.#pool.set(bytes.subarray(from, from + length), this.#poolUsed);
    if (id === this.#offsets.length) {
      this.#offsets = grown(this.#offsets, id * 2);
      this.#lengths = grown(this.#lengths, id * 2);
      this.#hashes = grown(this.#hashes, id * 2);
    }
    this.#offsets[id] = this.#poolUsed;
    this.#lengths[id] = length;
    this.#hashes[id] = hash;
    this.#poolUsed += length;
    this.names.push(Buffer.from(bytes.buffer, bytes.byteOffset + from, length).toString("latin1"));
    this.#slots[slot] = id + 1;
    // Keep the table at most half full.
    if ((id + 1) * 2 > this.#slots.length) this.#rehash();
    return id;
  }

  #rehash(): void {
    const size = this.#slots.length * 2;
    const slots = new Int32Array(size);
    const mask = size - 1;
    for (let id = 0; id < this.names.length; id++) {
      let slot = (this.#hashes[id] as number) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.#slots = slots;
    this.#mask = mask;
  }
}

/** Collects COPY chunks of flow event lines; see the module comment for the line format. */
export class CopyEventReader {
  readonly #cases = new ByteInterner();
  readonly #activities = new ByteInterner();
  #caseOf = new Int32Array(1 << 16);
  #activityOf = new Int32Array(1 << 16);
  #times = new Float64Array(1 << 16);
  #ids = new Float64Array(1 << 16);
  #length = 0;
  #rest: Uint8Array = new Uint8Array(0);
  #lastId = Number.NEGATIVE_INFINITY;
  /** Whether the ids (last column) came in ascending order so far. */
  #inOrder = true;

  get length(): number {
    return this.#length;
  }

  /** Takes the next chunk; a line cut at the chunk's end waits for the next one. */
  push(chunk: Uint8Array): void {
    let bytes = chunk;
    if (this.#rest.length) {
      bytes = new Uint8Array(this.#rest.length + chunk.length);
      bytes.set(this.#rest);
      bytes.set(chunk, this.#rest.length);
    }
    const end = bytes.lastIndexOf(NEWLINE);
    if (end < 0) {
      this.#rest = bytes.slice();
      return;
    }
    this.#read(bytes.subarray(0, end + 1));
    this.#rest = bytes.slice(end + 1);
  }

  /**
   * The columns read, in the order of the ids (the event log's order, which breaks ties between
   * equal times). A table scan mostly prints them in that order already; where it does not (a scan
   * that joined another one midway, rows inserted side by side), they are sorted here — a
   * rotation or a few runs cost the stable sort little. A last line without its newline is an
   * error: the stream was cut.
   */
  columns(): EventColumns {
    if (this.#rest.length) throw new Error("The event stream ended inside a line");
    const n = this.#length;
    let cases = this.#caseOf.subarray(0, n);
    let activities = this.#activityOf.subarray(0, n);
    let times = this.#times.subarray(0, n);
    if (!this.#inOrder) {
      const ids = this.#ids;
      const order = new Uint32Array(n);
      for (let i = 0; i < n; i++) order[i] = i;
      order.sort((a, b) => (ids[a] as number) - (ids[b] as number));
      cases = cases.map((_, i) => this.#caseOf[order[i] as number] as number);
      activities = activities.map((_, i) => this.#activityOf[order[i] as number] as number);
      times = times.map((_, i) => this.#times[order[i] as number] as number);
    }
    return {
      caseNames: this.#cases.names,
      activityNames: this.#activities.names.map((key) => key.replace("\t", ": ")),
      cases,
      activities,
      times,
      length: n,
    };
  }

  #grow(): void {
    const size = this.#caseOf.length * 2;
    this.#caseOf = grown(this.#caseOf, size);
    this.#activityOf = grown(this.#activityOf, size);
    this.#times = grown(this.#times, size);
    this.#ids = grown(this.#ids, size);
  }

  /** Reads `bytes`: whole lines, the last one ending with its newline. */
  #read(bytes: Uint8Array): void {
    const end = bytes.length;
    let lastCaseFrom = -1;
    let lastCaseLength = -1;
    let lastCase = -1;
    for (let i = 0; i < end; ) {
      // The four tabs and the newline of the line; a line has exactly five columns.
      let t1 = i;
      while (t1 < end && bytes[t1] !== TAB && bytes[t1] !== NEWLINE) t1++;
      let t2 = t1 + 1;
      while (t2 < end && bytes[t2] !== TAB && bytes[t2] !== NEWLINE) t2++;
      let t3 = t2 + 1;
      while (t3 < end && bytes[t3] !== TAB && bytes[t3] !== NEWLINE) t3++;
      let t4 = t3 + 1;
      while (t4 < end && bytes[t4] !== TAB && bytes[t4] !== NEWLINE) t4++;
      let lineEnd = t4 + 1;
      while (lineEnd < end && bytes[lineEnd] !== TAB && bytes[lineEnd] !== NEWLINE) lineEnd++;
      if (
        bytes[t1] !== TAB ||
        bytes[t2] !== TAB ||
        bytes[t3] !== TAB ||
        bytes[t4] !== TAB ||
        bytes[lineEnd] !== NEWLINE
      ) {
        throw new Error("An event line does not have five columns");
      }
      if (this.#length === this.#caseOf.length) this.#grow();
      const n = this.#length;
      // Events of a case often come together: compare with the previous line's case first.
      const caseLength = t1 - i;
      let same = caseLength === lastCaseLength;
      for (let k = 0; same && k < caseLength; k++) same = bytes[i + k] === bytes[lastCaseFrom + k];
      if (!same) {
        lastCase = this.#cases.intern(bytes, i, t1);
        lastCaseFrom = i;
        lastCaseLength = caseLength;
      }
      this.#caseOf[n] = lastCase;
      // The activity is the offer type and the state, tab included.
      this.#activityOf[n] = this.#activities.intern(bytes, t1 + 1, t3);
      this.#times[n] = digits(bytes, t3 + 1, t4);
      const id = digits(bytes, t4 + 1, lineEnd);
      this.#ids[n] = id;
      if (id < this.#lastId) this.#inOrder = false;
      this.#lastId = id;
      this.#length = n + 1;
      i = lineEnd + 1;
    }
  }
}

/** The non-negative integer written in `bytes[from, to)`. */
function digits(bytes: Uint8Array, from: number, to: number): number {
  if (from === to) throw new Error("An event line has an empty number");
  let value = 0;
  for (let i = from; i < to; i++) {
    const d = (bytes[i] as number) - 48;
    if (d < 0 || d > 9) throw new Error("An event line has a malformed number");
    value = value * 10 + d;
  }
  return value;
}
