// The erasure ledger's file: one JSON line per Art. 17 erasure, appended and fsynced, outside the
// database. It survives what a database restore undoes, so it must live beside the backups, not in
// them. It holds no personal data: the client record's id, its organisation's id, and when.

import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

export const LedgerEntry = z.object({
  clientId: z.guid(),
  organisationId: z.guid().nullable(),
  erasedAt: z.iso.datetime({ offset: true }),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

/** The ledger file cannot be read as a ledger; starting or restoring without it could undo erasures. */
export class LedgerFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LedgerFileError";
  }
}

/** The start every line of the ledger is written with (JSON.stringify keeps the key order). */
const LINE_START = '{"clientId":"';

/**
 * A line cut short by a crash in the middle of an append: the beginning of a line as Lotse writes
 * it, without its closing brace. Its erasure never committed (the append comes before the commit),
 * or it is in the table and is written again by the next reconciliation.
 */
function isTornLine(line: string): boolean {
  const start = line.slice(0, LINE_START.length);
  return LINE_START.startsWith(start) && !line.trimEnd().endsWith("}");
}

/**
 * Reads the ledger; a missing file is an empty one. Lines cut short by a crash are skipped (the
 * next append starts on a line of its own, so they can end up in the middle); any other damage
 * stops, so that it is looked at: a lost line could be a lost erasure.
 */
export async function readLedgerFile(file: string): Promise<{ entries: LedgerEntry[]; tornLines: number }> {
  let text: string;
  try {
    text = await fsp.readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return { entries: [], tornLines: 0 };
    throw err;
  }
  const entries: LedgerEntry[] = [];
  let tornLines = 0;
  for (const [i, line] of text.split("\n").entries()) {
    if (!line.trim()) continue;
    let parsed: ReturnType<typeof LedgerEntry.safeParse> | undefined;
    try {
      parsed = LedgerEntry.safeParse(JSON.parse(line));
    } catch {
      parsed = undefined;
    }
    if (parsed?.success) entries.push(parsed.data);
    else if (parsed === undefined && isTornLine(line)) tornLines++;
    else
      throw new LedgerFileError(
        `The erasure ledger ${file} is damaged at line ${i + 1}; repair or replace it.`,
      );
  }
  return { entries, tornLines };
}

/** Appends entries and waits until they are on disk; answers once the file holds them durably. */
export async function appendLedgerEntries(file: string, entries: readonly LedgerEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await fsp.mkdir(path.dirname(file), { recursive: true });
  const existed = fs.existsSync(file);
  const handle = await fsp.open(file, "a+", 0o600);
  try {
    // After a torn append the file ends mid-line: start on a line of our own.
    const { size } = await handle.stat();
    let prefix = "";
    if (size > 0) {
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      if (last[0] !== 0x0a) prefix = "\n";
    }
    const lines = entries.map((e) =>
      JSON.stringify({ clientId: e.clientId, organisationId: e.organisationId, erasedAt: e.erasedAt }),
    );
    await handle.write(`${prefix}${lines.join("\n")}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  if (!existed) {
    const dir = await fsp.open(path.dirname(file), "r");
    await dir.sync().finally(() => dir.close());
  }
}

/** Creates an empty ledger file if there is none, so that backups can name a file that exists. */
export async function ensureLedgerFile(file: string): Promise<void> {
  await fsp.mkdir(path.dirname(file), { recursive: true });
  const handle = await fsp.open(file, "a", 0o600);
  await handle.close();
}
