/**
 * A small seeded pseudo-random generator (sfc32, seeded through splitmix32) so that a seed gives
 * the same synthetic network on every machine. Not for anything secret.
 */
export type Random = {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  /** Index chosen with probability proportional to its weight. */
  weighted(weights: readonly number[]): number;
  chance(p: number): boolean;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** Log-normal with the given median and shape (sigma of the underlying normal). */
  logNormal(median: number, sigma: number): number;
  /** A version-4-shaped UUID drawn from the stream, so ids repeat for a seed too. */
  uuid(): string;
  /**
   * A sequence of UUIDs that rise with `n` (a random prefix, then the counter, then random bits):
   * bulk loading appends to the indexes on these ids instead of touching pages all over them.
   */
  sequence(): (n: number) => string;
};

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

export function createRandom(seed: number): Random {
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const u32 = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Warm up: the first outputs of sfc32 still carry the seed's structure.
  for (let i = 0; i < 15; i++) u32();
  let spare: number | undefined;
  const next = () => u32() / 4294967296;
  const random: Random = {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
    weighted(weights) {
      let total = 0;
      for (const w of weights) total += w;
      let x = next() * total;
      for (let i = 0; i < weights.length; i++) {
        x -= weights[i] ?? 0;
        if (x < 0) return i;
      }
      return weights.length - 1;
    },
    chance: (p) => next() < p,
    normal() {
      if (spare !== undefined) {
        const s = spare;
        spare = undefined;
        return s;
      }
      const u = 1 - next(); // (0, 1]: the logarithm stays finite
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
    logNormal: (median, sigma) => median * Math.exp(sigma * random.normal()),
    uuid() {
      const w = [u32(), u32(), u32(), u32()];
      const bytes: number[] = [];
      for (const x of w) bytes.push(x >>> 24, (x >>> 16) & 255, (x >>> 8) & 255, x & 255);
      bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
      bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
      const h = bytes.map((x) => HEX[x]).join("");
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    },
    sequence() {
      const prefix = random.uuid().slice(0, 9);
      return (n) => {
        const tail = random.uuid();
        const high = ((n >>> 12) & 0xffff).toString(16).padStart(4, "0");
        const low = (n & 0xfff).toString(16).padStart(3, "0");
        return `${prefix}${high}-4${low}${tail.slice(18)}`;
      };
    },
  };
  return random;
}
