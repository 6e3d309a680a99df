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

/**
 * Reads the ledger; a missing file is an empty one. A crash in the middle of an append can leave a
 * last line without its newline: it is skipped (its erasure did not commit, or is in the table and
 * written again by the next reconciliation). Damage anywhere else stops, so it is looked at.
 */
export async function readLedgerFile(
  file: string,
): Promise<{ entries: LedgerEntry[]; tornLastLine: boolean }> {
  let text: string;
  try {
    text = await fsp.readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return { entries: [], tornLastLine: false };
    throw err;
  }
  const lines = text.split("\n");
  const entries: LedgerEntry[] = [];
  let tornLastLine = false;
  for (const [i, line] of lines.entries()) {
    if (!line.trim()) continue;
    let parsed: ReturnType<typeof LedgerEntry.safeParse> | undefined;
    try {
      parsed = LedgerEntry.safeParse(JSON.parse(line));
    } catch {
      parsed = undefined;
    }
    if (parsed?.success) {
      entries.push(parsed.data);
    } else if (i === lines.length - 1) {
      tornLastLine = true;
    } else {
      throw new LedgerFileError(
        `The erasure ledger ${file} is damaged at line ${i + 1}; repair or replace it.`,
      );
    }
  }
  return { entries, tornLastLine };
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
