import { describe, expect, it } from "vitest";
import { ByteInterner, CopyEventReader } from "../../src/server/modules/analytics/flow/copy-reader.ts";
import { discoverDfg } from "../../src/server/modules/analytics/flow/dfg.ts";
import { EventLogEncoder } from "../../src/server/modules/analytics/flow/event-log.ts";

type Line = { id: number; caseId: string; offerType: string; state: string; at: number };

/** A deterministic pseudo-random sequence (no Math.random: failures must reproduce). */
function lcg(seed: number) {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

function makeLines(n: number, seed: number): Line[] {
  const next = lcg(seed);
  const types = ["anerkennungsberatung", "berufssprachkurs", "other", "faire_integration"];
  const states = ["sent", "accepted", "in_progress", "completed", "declined"];
  const lines: Line[] = [];
  for (let id = 1; id <= n; id++) {
    lines.push({
      id,
      caseId: `F-${Math.floor(next() * n * 0.3)
        .toString(32)
        .toUpperCase()}`,
      offerType: types[Math.floor(next() * types.length)] as string,
      state: states[Math.floor(next() * states.length)] as string,
      // Coarse times, so that ties within a case occur and the id order has to break them.
      at: 1_700_000_000_000 + Math.floor(next() * 50) * 3_600_000,
    });
  }
  return lines;
}

const copyText = (lines: Line[]) =>
  lines.map((l) => `${l.caseId}\t${l.offerType}\t${l.state}\t${l.at}\t${l.id}\n`).join("");

/** Feeds the text in chunks of random sizes, so that lines and numbers are cut anywhere. */
function read(text: string, seed: number) {
  const bytes = Buffer.from(text, "latin1");
  const next = lcg(seed);
  const reader = new CopyEventReader();
  for (let at = 0; at < bytes.length; ) {
    const size = 1 + Math.floor(next() * 40);
    reader.push(bytes.subarray(at, at + size));
    at += size;
  }
  return reader.columns();
}

function encoded(lines: Line[]) {
  const encoder = new EventLogEncoder();
  for (const l of [...lines].sort((a, b) => a.id - b.id))
    encoder.add(l.caseId, `${l.offerType}: ${l.state}`, l.at);
  return encoder.columns();
}

describe("reading the flow's COPY stream", () => {
  it("gives the same event log as encoding the events one by one, however the stream is cut", () => {
    const lines = makeLines(3000, 1);
    for (const seed of [1, 2, 3]) {
      const columns = read(copyText(lines), seed);
      const expected = encoded(lines);
      expect(columns.length).toBe(3000);
      expect(columns.caseNames).toEqual(expected.caseNames);
      expect(columns.activityNames).toEqual(expected.activityNames);
      expect([...columns.cases]).toEqual([...expected.cases]);
      expect([...columns.activities]).toEqual([...expected.activities]);
      expect([...columns.times]).toEqual([...expected.times]);
    }
  });

  it("puts events that arrive out of id order back into it, so ties between equal times break the same way", () => {
    const lines = makeLines(2000, 7);
    // A scan that joined another one midway: a rotation; plus two rows inserted side by side.
    const rotated = [...lines.slice(1200), ...lines.slice(0, 1200)];
    [rotated[10], rotated[11]] = [rotated[11] as Line, rotated[10] as Line];
    const columns = read(copyText(rotated), 5);
    const inOrder = read(copyText(lines), 5);
    expect(discoverDfg(columns)).toEqual(discoverDfg(inOrder));
    expect(discoverDfg(columns)).toEqual(discoverDfg(encoded(lines)));
    // The check is not vacuous: the same lines taken in arrival order give another graph.
    const arrival = new EventLogEncoder();
    for (const l of rotated) arrival.add(l.caseId, `${l.offerType}: ${l.state}`, l.at);
    expect(discoverDfg(arrival.columns())).not.toEqual(discoverDfg(inOrder));
  });

  it("refuses lines that are not five columns, bad numbers and a stream cut inside a line", () => {
    const bad = (text: string) => () => {
      const reader = new CopyEventReader();
      reader.push(Buffer.from(text, "latin1"));
      return reader.columns();
    };
    expect(bad("F-1\ta\tsent\t1000\n")).toThrow(/five columns/);
    expect(bad("F-1\ta\tsent\t1000\t1\textra\n")).toThrow(/five columns/);
    expect(bad("F-1\ta\tsent\n1000\t1\n")).toThrow(/five columns/);
    expect(bad("F-1\ta\tsent\t10x0\t1\n")).toThrow(/malformed number/);
    expect(bad("F-1\ta\tsent\t\t1\n")).toThrow(/empty number/);
    expect(bad("F-1\ta\tsent\t1000\t1\nF-2\ta\tse")).toThrow(/ended inside a line/);
    expect(bad("")().length).toBe(0);
  });
});

describe("interning byte strings", () => {
  it("gives one id per distinct byte string, across growth and for keys that differ in one byte", () => {
    const interner = new ByteInterner();
    const keys: string[] = [];
    for (let i = 0; i < 20_000; i++) keys.push(`F-${i.toString(36).padStart(6, "0")}`, `F-${i}`);
    const unique = [...new Set(keys)];
    const bytes = Buffer.from(unique.join(""), "latin1");
    const ids: number[] = [];
    let at = 0;
    for (const key of unique) {
      ids.push(interner.intern(bytes, at, at + key.length));
      at += key.length;
    }
    expect(ids).toEqual(unique.map((_, i) => i));
    expect(interner.names).toEqual(unique);
    // Looked up again, from another buffer: the same ids, nothing added.
    at = 0;
    const again = Buffer.from(unique.join(""), "latin1");
    for (const [i, key] of unique.entries()) {
      expect(interner.intern(again, at, at + key.length)).toBe(i);
      at += key.length;
    }
    expect(interner.size).toBe(unique.length);
    // The empty string and a prefix are keys of their own.
    const short = Buffer.from("F-1F-", "latin1");
    expect(interner.intern(short, 0, 0)).toBe(unique.length);
    expect(interner.intern(short, 3, 5)).toBe(unique.length + 1);
  });
});
