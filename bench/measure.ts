// What the HTTP benches share: timing a request, the statistics of a run, the result table, and
// unseen misspellings that no cache can answer.

/** A word of `pool` with one letter changed (every other one also a letter lost): never typed before. */
export function misspeller(pool: readonly string[]): () => string {
  let unseen = 0;
  return () => {
    const n = unseen++;
    const word = pool[n % pool.length] as string;
    const at = 1 + ((n * 7) % (word.length - 2));
    const letter = String.fromCharCode(97 + ((n * 13) % 26));
    const changed = word.slice(0, at) + letter + word.slice(at + 1);
    return n % 2 === 0 ? changed : changed.slice(0, -3) + changed.slice(-2);
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

export function stats(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** One request, timed until its body has arrived. */
export async function timed(
  url: string,
  init?: RequestInit,
): Promise<{ ms: number; status: number; body: string }> {
  const start = performance.now();
  const res = await fetch(url, init);
  const body = await res.text();
  return { ms: performance.now() - start, status: res.status, body };
}

/**
 * `concurrency` clients, each sending its next request as soon as the last one is answered, until
 * `total` requests are done; `one(i)` sends request number i and returns its sample.
 */
export async function closedLoop<S>(
  total: number,
  concurrency: number,
  one: (i: number) => Promise<S>,
): Promise<{ samples: S[]; seconds: number }> {
  const samples: S[] = [];
  let next = 0;
  const start = performance.now();
  const client = async () => {
    while (next < total) samples.push(await one(next++));
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  return { samples, seconds: (performance.now() - start) / 1000 };
}

const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "–");

/** The rows of a bench's result table: p50/p95/p99/max and the ratio against a target. */
export class ResultTable {
  private readonly rows: string[][] = [];

  report(name: string, ms: number[], extra: { target?: number; on?: "p95" | "p50"; note?: string }) {
    const s = stats(ms);
    const measured = extra.on === "p50" ? s.p50 : s.p95;
    const verdict = extra.target
      ? `${measured <= extra.target ? "ok" : "MISSED"} (${(measured / extra.target).toFixed(2)}× target ${extra.target} ms)`
      : "";
    this.rows.push([
      name,
      String(s.n),
      fmt(s.p50),
      fmt(s.p95),
      fmt(s.p99),
      fmt(s.max),
      extra.note ?? "",
      verdict,
    ]);
  }

  print() {
    const head = ["scenario", "n", "p50 ms", "p95 ms", "p99 ms", "max ms", "note", "vs target"];
    const widths = head.map((h, i) => Math.max(h.length, ...this.rows.map((r) => (r[i] ?? "").length)));
    const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ");
    console.log(`\n${line(head)}\n${widths.map((w) => "-".repeat(w)).join("-|-")}`);
    for (const r of this.rows) console.log(line(r));
  }
}
