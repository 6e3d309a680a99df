// The file format of a Lotse backup. Lotse writes its own logical backup because the embedded
// PostgreSQL ships no pg_dump, and a distribution's older pg_dump cannot dump a newer server.
//
//   "LOTSE-BACKUP\n"             magic, plain, so a wrong file is named as such at once
//   gzip( frames )               type byte + uint32 length + payload:
//                                H header JSON · per table: T table JSON, D COPY text data…, E end JSON
//                                · S sequences JSON · Z end JSON (totals)
//   "\nSHA-256 <64 hex>\n"       over everything before it: a truncated or damaged file is refused
//                                before anything is written
//
// Length-prefixed frames let a reader pass COPY data through without scanning it for delimiters.

import { createHash } from "node:crypto";
import { once } from "node:events";
import fs from "node:fs";
import fsp from "node:fs/promises";
import { createGunzip, createGzip } from "node:zlib";
import { z } from "zod";

export const MAGIC = Buffer.from("LOTSE-BACKUP\n");
/** The version of this layout; a reader refuses a higher one. */
export const FORMAT = 1;
const TRAILER_PREFIX = "\nSHA-256 ";
const TRAILER_LENGTH = TRAILER_PREFIX.length + 64 + 1;
/** COPY data is gathered into frames of about this size: fewer, larger writes into gzip. */
const DATA_FRAME_BYTES = 256 * 1024;

/** A backup that cannot be used, with a message meant for the operator. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

export const Header = z.object({
  format: z.number().int(),
  createdAt: z.string(),
  postgres: z.string(),
  /** Drizzle's applied migrations at the time of the snapshot, oldest first. */
  migrations: z.array(z.object({ hash: z.string(), createdAt: z.number() })),
  /** Tables in load order: every table after the tables it refers to. */
  tables: z.array(z.object({ name: z.string(), columns: z.array(z.string()) })),
  /** Where the erasure ledger file of the backed-up installation was (no personal data). */
  ledgerFile: z.string().nullable(),
});
export type Header = z.infer<typeof Header>;

export const Sequences = z.array(
  z.object({ name: z.string(), lastValue: z.string().nullable(), startValue: z.string() }),
);
export type Frame = { type: string; payload: Buffer };

/** Writes a backup file frame by frame, streaming through gzip; nothing is held in memory. */
export class BackupWriter {
  private readonly gzip = createGzip({ level: 3 });
  private readonly hash = createHash("sha256");
  private readonly pump: Promise<void>;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private readonly handle: fsp.FileHandle;
  readonly file: string;
  /** Bytes before compression (what COPY produced, plus framing). */
  rawBytes = 0;

  private constructor(file: string, handle: fsp.FileHandle) {
    this.file = file;
    this.handle = handle;
    this.hash.update(MAGIC);
    this.pump = (async () => {
      await handle.write(MAGIC);
      for await (const chunk of this.gzip) {
        this.hash.update(chunk);
        await handle.write(chunk);
      }
    })();
    // Surfaced by the next write or by finish(); not an unhandled rejection meanwhile.
    this.pump.catch(() => {});
  }

  /** Creates the file (which must not exist yet) readable by its owner only. */
  static async create(file: string): Promise<BackupWriter> {
    return new BackupWriter(file, await fsp.open(file, "wx", 0o600));
  }

  private async push(buf: Buffer): Promise<void> {
    this.rawBytes += buf.length;
    if (!this.gzip.write(buf)) await Promise.race([once(this.gzip, "drain"), this.pump]);
  }

  /** Writes one frame; objects become JSON. */
  async frame(type: string, payload: Buffer | object): Promise<void> {
    await this.flushData();
    const body = Buffer.isBuffer(payload) ? payload : Buffer.from(JSON.stringify(payload));
    const head = Buffer.alloc(5);
    head.write(type, 0, "latin1");
    head.writeUInt32BE(body.length, 1);
    await this.push(head);
    await this.push(body);
  }

  /** Adds COPY data of the current table. */
  async data(chunk: Buffer): Promise<void> {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= DATA_FRAME_BYTES) await this.flushData();
  }

  private async flushData(): Promise<void> {
    if (this.pendingBytes === 0) return;
    const body = Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    await this.frame("D", body);
  }

  /** Ends the stream, appends the checksum and waits until the file is on disk. */
  async finish(): Promise<{ bytes: number; sha256: string }> {
    await this.flushData();
    this.gzip.end();
    await this.pump;
    const sha256 = this.hash.digest("hex");
    await this.handle.write(`${TRAILER_PREFIX}${sha256}\n`);
    await this.handle.sync();
    const { size } = await this.handle.stat();
    await this.handle.close();
    return { bytes: size, sha256 };
  }

  /** Gives up: the partial file is removed. */
  async abort(): Promise<void> {
    this.gzip.destroy();
    await this.pump.catch(() => {});
    await this.handle.close().catch(() => {});
    await fsp.rm(this.file, { force: true });
  }
}

/**
 * Checks that a file is a complete, undamaged Lotse backup: the magic, the checksum line at the
 * end, and the checksum over the content. Reads the whole file once; writes nothing.
 */
export async function verifyBackupFile(file: string): Promise<{ size: number }> {
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(file, "r");
  } catch (err) {
    throw new BackupError(`Cannot read ${file}: ${(err as Error).message}`);
  }
  try {
    const { size } = await handle.stat();
    const magic = Buffer.alloc(MAGIC.length);
    await handle.read(magic, 0, MAGIC.length, 0);
    if (!magic.equals(MAGIC)) throw new BackupError(`${file} is not a Lotse backup.`);
    const trailer = Buffer.alloc(TRAILER_LENGTH);
    const tail = size >= MAGIC.length + TRAILER_LENGTH;
    if (tail) await handle.read(trailer, 0, TRAILER_LENGTH, size - TRAILER_LENGTH);
    const match = tail ? /^\nSHA-256 ([0-9a-f]{64})\n$/.exec(trailer.toString("latin1")) : null;
    if (!match) {
      throw new BackupError(
        `${file} is incomplete: its checksum at the end is missing (the file was truncated, or its writing was interrupted).`,
      );
    }
    const hash = createHash("sha256");
    for await (const chunk of fs.createReadStream(file, { start: 0, end: size - TRAILER_LENGTH - 1 })) {
      hash.update(chunk as Buffer);
    }
    if (hash.digest("hex") !== match[1]) {
      throw new BackupError(`${file} is damaged: its content does not match its SHA-256 checksum.`);
    }
    return { size };
  } finally {
    await handle.close();
  }
}

/**
 * The frames of a verified backup file, in order. onBytes reports the compressed bytes read so
 * far (for a progress bar). A payload is valid until the next frame is asked for.
 */
export async function* readFrames(
  file: string,
  size: number,
  onBytes?: (n: number) => void,
): AsyncGenerator<Frame> {
  const input = fs.createReadStream(file, { start: MAGIC.length, end: size - TRAILER_LENGTH - 1 });
  let read = 0;
  input.on("data", (chunk) => {
    read += chunk.length;
    onBytes?.(read);
  });
  const gunzip = createGunzip({ chunkSize: 64 * 1024 });
  input.on("error", (err) => gunzip.destroy(err));
  input.pipe(gunzip);
  let buf: Buffer = Buffer.alloc(0);
  try {
    for await (const chunk of gunzip) {
      buf = buf.length ? Buffer.concat([buf, chunk as Buffer]) : (chunk as Buffer);
      let offset = 0;
      while (buf.length - offset >= 5) {
        const length = buf.readUInt32BE(offset + 1);
        if (buf.length - offset - 5 < length) break;
        yield {
          type: String.fromCharCode(buf[offset] ?? 0),
          payload: buf.subarray(offset + 5, offset + 5 + length),
        };
        offset += 5 + length;
      }
      buf = buf.subarray(offset);
    }
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new BackupError(`The backup could not be read: ${(err as Error).message}`);
  } finally {
    input.destroy();
    gunzip.destroy();
  }
  if (buf.length > 0) throw new BackupError("The backup ends in the middle of a record.");
}

/** The header of a verified backup, checked against the formats this Lotse reads. */
export async function readHeader(file: string, size: number): Promise<Header> {
  for await (const frame of readFrames(file, size)) {
    if (frame.type !== "H") break;
    let json: unknown;
    try {
      json = JSON.parse(frame.payload.toString("utf8"));
    } catch {
      json = undefined;
    }
    const parsed = Header.safeParse(json);
    if (!parsed.success) throw new BackupError(`${file} has a header this Lotse does not understand.`);
    if (parsed.data.format > FORMAT) {
      throw new BackupError(
        `${file} was written by a newer Lotse (backup format ${parsed.data.format}; this Lotse reads up to ${FORMAT}). Update Lotse first.`,
      );
    }
    return parsed.data;
  }
  throw new BackupError(`${file} has no header.`);
}
