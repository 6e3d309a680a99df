import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { connect, type Db } from "../../src/server/db/client.ts";
import { auditLog, clients, erasureLedger } from "../../src/server/db/schema.ts";
import { reconcileErasureLedger } from "../../src/server/modules/privacy/ledger.ts";
import { readLedgerFile } from "../../src/server/modules/privacy/ledger-file.ts";
import { writeBackup } from "../../src/server/platform/backup/dump.ts";
import { BackupWriter, readFrames, verifyBackupFile } from "../../src/server/platform/backup/format.ts";
import { inspectBackup, restoreBackup } from "../../src/server/platform/backup/load.ts";
import { localMigrations } from "../../src/server/platform/backup/migrations.ts";
import { runScheduledBackup } from "../../src/server/platform/backup/schedule.ts";
import { createTestApp } from "../helpers/app.ts";
import { buildCase, buildClient } from "../helpers/case-factories.ts";
import { buildOrganisation, buildUser } from "../helpers/factories.ts";

const t = await createTestApp();
const work = fs.mkdtempSync(path.join(os.tmpdir(), "lotse-backup-test-"));
const admin = new pg.Client({ connectionString: inject("adminUrl") });
await admin.connect();
const created: string[] = [];
const pools: pg.Pool[] = [];
const quiet = { info() {}, warn() {} };

afterAll(async () => {
  for (const pool of pools) await pool.end();
  for (const name of created) await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
  fs.rmSync(work, { recursive: true, force: true });
});

/** A new, empty database (not from the migrated template): what a restore goes into. */
async function emptyDatabase(): Promise<{ url: string; db: Db }> {
  const name = `${inject("templateDb")}_restore_${randomBytes(4).toString("hex")}`;
  await admin.query(`create database ${name}`);
  created.push(name);
  const url = new URL(inject("adminUrl"));
  url.pathname = `/${name}`;
  const { pool, db } = connect(url.toString(), 2);
  pools.push(pool);
  return { url: url.toString(), db };
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function backupOf(url: string, name = `${randomBytes(4).toString("hex")}.backup`) {
  const file = path.join(work, name);
  await withClient(url, (client) => writeBackup({ client, file, ledgerFile: t.config.erasureLedger }));
  return file;
}

/** A plain query on the pool behind a Drizzle handle. */
function query<T extends pg.QueryResultRow>(db: Db, text: string, values: unknown[] = []) {
  return (db as Db & { $client: pg.Pool }).$client.query<T>(text, values);
}

/** Every table of the public schema whose rows, as text, contain the value. */
async function tablesContaining(db: Db, value: string): Promise<string[]> {
  const tables = await db.execute<{ table_name: string }>(
    "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1",
  );
  expect(tables.rows.length).toBeGreaterThan(20);
  const found: string[] = [];
  for (const { table_name } of tables.rows) {
    const quoted = `"${table_name.replaceAll('"', '""')}"`;
    const hit = await query(db, `select 1 from ${quoted} t where t::text ilike $1 limit 1`, [`%${value}%`]);
    if (hit.rows.length > 0) found.push(table_name);
  }
  return found;
}

async function tableCount(db: Db): Promise<number> {
  const r = await query<{ n: number }>(
    db,
    "select count(*)::int as n from information_schema.tables where table_schema = 'public'",
  );
  return r.rows[0]?.n ?? -1;
}

/** Rewrites a backup frame by frame (with a valid checksum), to fake what a real file could hold. */
async function rewrite(
  source: string,
  change: (frame: { type: string; payload: Buffer }) => { type: string; payload: Buffer } | null | "stop",
): Promise<string> {
  const target = path.join(work, `rewritten-${randomBytes(4).toString("hex")}.backup`);
  const writer = await BackupWriter.create(target);
  const { size } = await verifyBackupFile(source);
  for await (const frame of readFrames(source, size)) {
    const changed = change(frame);
    if (changed === "stop") break;
    if (changed) await writer.frame(changed.type, Buffer.from(changed.payload));
  }
  await writer.finish();
  return target;
}

async function setting() {
  const org = await buildOrganisation(t.db);
  const counsellor = await buildUser(t.db, { organisationId: org.id, role: "counsellor" });
  return { org, counsellor: await t.loginAs(counsellor.email) };
}

describe("backup and restore keep erasures", () => {
  it("brings back everything but a client erased after the backup, who is in no table", async () => {
    const s = await setting();
    const tag = randomBytes(5).toString("hex");
    const canary = await buildClient(t.db, {
      organisationId: s.org.id,
      name: `Kanarienvogel Canary ${tag}`,
      email: `canary.${tag}@mail.example`,
    });
    await buildCase(t.db, {
      organisationId: s.org.id,
      clientId: canary.id,
      goals: `Ziel des Kanarienvogels ${tag}`,
    });
    const survivor = await buildClient(t.db, {
      organisationId: s.org.id,
      name: `Bleibt Erhalten ${randomBytes(5).toString("hex")}`,
    });
    const file = await backupOf(t.url);

    const res = await s.counsellor.request("DELETE", `/api/clients/${canary.id}`);
    expect(res.statusCode).toBe(204);
    const [row] = await t.db.select().from(erasureLedger).where(eq(erasureLedger.clientId, canary.id));
    expect(row).toMatchObject({ organisationId: s.org.id });
    const { entries } = await readLedgerFile(t.config.erasureLedger);
    expect(entries).toContainEqual({
      clientId: canary.id,
      organisationId: s.org.id,
      erasedAt: row?.erasedAt.toISOString(),
    });
    // The ledger holds ids and times only.
    expect(fs.readFileSync(t.config.erasureLedger, "utf8")).not.toContain(tag);

    const backup = await inspectBackup(file);
    const target = await emptyDatabase();
    const report = await withClient(target.url, (client) =>
      restoreBackup({ client, backup, ledgerEntries: entries }),
    );
    expect(report.replay).toMatchObject({ erased: 1 });
    expect(report.rows).toBeGreaterThan(0);

    expect(await tablesContaining(target.db, tag)).toEqual([]);
    expect(await tablesContaining(target.db, canary.id)).toEqual(["erasure_ledger"]);
    // The audit log keeps the pseudonym of the erasure made again, by the system.
    expect(await tablesContaining(target.db, canary.pseudonym)).toEqual(["audit_log"]);
    const [replayed] = await target.db.select().from(auditLog).where(eq(auditLog.entityId, canary.pseudonym));
    expect(replayed).toMatchObject({ action: "client.erase", actorUserId: null, purpose: "art17" });
    expect(replayed?.details).toMatchObject({ replayed: true, counts: { cases: 1 } });
    // The same schema: indexes (dropped for the load and built again), constraints, triggers on.
    for (const text of [
      "select indexdef from pg_indexes where schemaname = 'public' order by 1",
      "select conrelid::regclass::text, conname, pg_get_constraintdef(oid) from pg_constraint where connamespace = 'public'::regnamespace order by 1, 2",
      "select tgrelid::regclass::text, tgname, tgenabled from pg_trigger where not tgisinternal order by 1, 2",
    ]) {
      expect((await query(target.db, text)).rows).toEqual((await query(t.db, text)).rows);
    }
    const kept = await target.db.select().from(clients).where(eq(clients.id, survivor.id));
    expect(kept.map((c) => c.name)).toEqual([survivor.name]);
    // Sequences go on after the restored rows.
    const next = await query<{ ok: boolean }>(
      target.db,
      "select nextval('audit_log_id_seq') > (select max(id) from audit_log) as ok",
    );
    expect(next.rows[0]?.ok).toBe(true);
  });

  it("without the ledger the person comes back, and the reconciliation at start erases them again", async () => {
    const s = await setting();
    const tag = randomBytes(5).toString("hex");
    const canary = await buildClient(t.db, {
      organisationId: s.org.id,
      name: `Zweiter Kanarienvogel ${tag}`,
    });
    const file = await backupOf(t.url);
    expect((await s.counsellor.request("DELETE", `/api/clients/${canary.id}`)).statusCode).toBe(204);

    const target = await emptyDatabase();
    const backup = await inspectBackup(file);
    await withClient(target.url, (client) => restoreBackup({ client, backup, ledgerEntries: [] }));
    expect(await tablesContaining(target.db, tag)).toEqual(["clients"]);

    // What main.ts does before it listens, here with a copy of the ledger file.
    const ledgerCopy = path.join(work, `ledger-${tag}.jsonl`);
    fs.copyFileSync(t.config.erasureLedger, ledgerCopy);
    const result = await reconcileErasureLedger(target.db, ledgerCopy, quiet);
    expect(result.erased).toBe(1);
    expect(await tablesContaining(target.db, tag)).toEqual([]);
  });

  it("refuses a target that is not empty, and changes nothing in it", async () => {
    const file = await backupOf(t.url);
    const backup = await inspectBackup(file);
    const before = await tableCount(t.db);
    const [{ n: clientsBefore } = { n: -1 }] = (
      await query<{ n: number }>(t.db, "select count(*)::int as n from clients")
    ).rows;
    await expect(
      withClient(t.url, (client) => restoreBackup({ client, backup, ledgerEntries: [] })),
    ).rejects.toThrow(/target database is not empty .*nothing was changed/);
    expect(await tableCount(t.db)).toBe(before);
    const after = await query<{ n: number }>(t.db, "select count(*)::int as n from clients");
    expect(after.rows[0]?.n).toBe(clientsBefore);
  });

  it("refuses a truncated, a damaged and a foreign file with a clear message", async () => {
    const file = await backupOf(t.url);
    const bytes = fs.readFileSync(file);
    const truncated = path.join(work, "truncated.backup");
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(inspectBackup(truncated)).rejects.toThrow(
      /is incomplete: its checksum at the end is missing/,
    );
    const damaged = path.join(work, "damaged.backup");
    const flipped = Buffer.from(bytes);
    const at = Math.floor(flipped.length / 2);
    flipped[at] = (flipped[at] ?? 0) ^ 0xff;
    fs.writeFileSync(damaged, flipped);
    await expect(inspectBackup(damaged)).rejects.toThrow(
      /is damaged: its content does not match its SHA-256/,
    );
    const foreign = path.join(work, "foreign.backup");
    fs.writeFileSync(foreign, "PGDMP custom dump of something else");
    await expect(inspectBackup(foreign)).rejects.toThrow(/is not a Lotse backup/);
  });

  it("rolls back completely when the content ends early despite a valid checksum", async () => {
    const file = await backupOf(t.url);
    let dataFrames = 0;
    // Stops inside the third table that has rows: a file cut off by a faulty writer.
    const cut = await rewrite(file, (frame) => {
      if (frame.type === "D" && ++dataFrames === 3) return "stop";
      return frame;
    });
    const backup = await inspectBackup(cut);
    const target = await emptyDatabase();
    await expect(
      withClient(target.url, (client) => restoreBackup({ client, backup, ledgerEntries: [] })),
    ).rejects.toThrow(/The backup ends inside the table/);
    expect(await tableCount(target.db)).toBe(0);
    const drizzle = await query(target.db, "select to_regclass('drizzle.__drizzle_migrations') as t");
    expect(drizzle.rows[0]?.t).toBeNull();
  });

  it("refuses a backup from a newer schema than this Lotse knows", async () => {
    const file = await backupOf(t.url);
    const newer = await rewrite(file, (frame) => {
      if (frame.type !== "H") return frame;
      const header = JSON.parse(frame.payload.toString("utf8"));
      header.migrations.push({ hash: "f".repeat(64), createdAt: Date.UTC(2031, 0, 15) });
      return { type: "H", payload: Buffer.from(JSON.stringify(header)) };
    });
    await expect(inspectBackup(newer)).rejects.toThrow(
      /comes from a newer Lotse: its database has 1 migration\(s\) that this Lotse does not know \(the newest from 2031-01-15\)/,
    );
  });
});

describe("a backup from an older Lotse", () => {
  it("is restored at its own level, then brought up to date by this Lotse's newer migrations", async () => {
    const s = await setting();
    const tag = randomBytes(5).toString("hex");
    const canary = await buildClient(t.db, { organisationId: s.org.id, name: `Alter Kanarienvogel ${tag}` });
    const file = await backupOf(t.url);
    expect((await s.counsellor.request("DELETE", `/api/clients/${canary.id}`)).statusCode).toBe(204);
    // What the Lotse before the newest migration wrote: without that migration and its tables.
    const newest = localMigrations().reduce((a, b) => (b.createdAt > a.createdAt ? b : a));
    const newTables = new Set(
      [...newest.statements.join("\n").matchAll(/CREATE TABLE "([^"]+)"/g)].map((m) => m[1]),
    );
    // …and without the columns it added to older tables.
    const newColumns = new Map<string, string[]>();
    for (const m of newest.statements.join("\n").matchAll(/ALTER TABLE "([^"]+)" ADD COLUMN "([^"]+)"/g)) {
      const [, table = "", column = ""] = m;
      newColumns.set(table, [...(newColumns.get(table) ?? []), column]);
    }
    const withoutNewColumns = (columns: string[], table: string) =>
      columns.filter((c) => !(newColumns.get(table) ?? []).includes(c));
    let skipping = false;
    let skippedRows = 0;
    // COPY text: a row per line, tab between values (tabs and newlines inside values are escaped).
    let dropping: { indexes: number[]; rest: string } | null = null;
    const dropColumns = (text: string) => {
      if (!dropping) return text;
      const lines = (dropping.rest + text).split("\n");
      dropping.rest = lines.pop() ?? "";
      const keep = dropping.indexes;
      return lines
        .map(
          (line) =>
            `${line
              .split("\t")
              .filter((_, i) => !keep.includes(i))
              .join("\t")}\n`,
        )
        .join("");
    };
    const older = await rewrite(file, (frame) => {
      const json = () => JSON.parse(frame.payload.toString("utf8"));
      if (frame.type === "H") {
        const header = json();
        header.migrations = header.migrations.filter((m: { hash: string }) => m.hash !== newest.hash);
        header.tables = header.tables
          .filter((x: { name: string }) => !newTables.has(x.name))
          .map((x: { name: string; columns: string[] }) => ({
            ...x,
            columns: withoutNewColumns(x.columns, x.name),
          }));
        return { type: "H", payload: Buffer.from(JSON.stringify(header)) };
      }
      if (frame.type === "T" && newColumns.has(json().name)) {
        const table = json() as { name: string; columns: string[] };
        const added = newColumns.get(table.name) ?? [];
        dropping = { indexes: table.columns.flatMap((c, i) => (added.includes(c) ? [i] : [])), rest: "" };
        const columns = withoutNewColumns(table.columns, table.name);
        return { type: "T", payload: Buffer.from(JSON.stringify({ ...table, columns })) };
      }
      if (frame.type === "D" && dropping) {
        return { type: "D", payload: Buffer.from(dropColumns(frame.payload.toString("utf8"))) };
      }
      if (frame.type === "E") dropping = null;
      if (frame.type === "T" && newTables.has(json().name)) skipping = true;
      if (skipping) {
        if (frame.type === "E") {
          skippedRows += json().rows;
          skipping = false;
        }
        return null;
      }
      if (frame.type === "Z") {
        const totals = json();
        const changed = { tables: totals.tables - newTables.size, rows: totals.rows - skippedRows };
        return { type: "Z", payload: Buffer.from(JSON.stringify(changed)) };
      }
      return frame;
    });
    const backup = await inspectBackup(older);
    expect(backup.header.migrations).toHaveLength(localMigrations().length - 1);
    const target = await emptyDatabase();
    const { entries } = await readLedgerFile(t.config.erasureLedger);
    const report = await withClient(target.url, (client) =>
      restoreBackup({ client, backup, ledgerEntries: entries }),
    );
    expect(report.newerMigrations).toBe(1);
    expect(report.replay.erased).toBe(1);
    expect(await tablesContaining(target.db, tag)).toEqual([]);
    const applied = await query(
      target.db,
      "select hash from drizzle.__drizzle_migrations order by created_at",
    );
    const source = await query(t.db, "select hash from drizzle.__drizzle_migrations order by created_at");
    expect(applied.rows).toEqual(source.rows);
  });
});

describe("the erasure ledger with several instances", () => {
  it("erases once when two instances reconcile the same entry at the same time", async () => {
    const s = await setting();
    const client = await buildClient(t.db, { organisationId: s.org.id });
    const line = `${JSON.stringify({ clientId: client.id, organisationId: s.org.id, erasedAt: new Date().toISOString() })}\n`;
    const a = path.join(work, "instance-a.jsonl");
    const b = path.join(work, "instance-b.jsonl");
    fs.writeFileSync(a, line);
    // b ends in a torn line, as after a crash in the middle of an append.
    fs.writeFileSync(b, `${line}{"clientId":"0f`);
    const [ra, rb] = await Promise.all([
      reconcileErasureLedger(t.db, a, quiet),
      reconcileErasureLedger(t.db, b, quiet),
    ]);
    expect(ra.erased + rb.erased).toBe(1);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, client.pseudonym));
    expect(audits.filter((e) => e.action === "client.erase")).toHaveLength(1);
    expect(await t.db.select().from(clients).where(eq(clients.id, client.id))).toEqual([]);
    // Both files now hold every entry of the table, each once, on lines of their own.
    const rows = await t.db.select().from(erasureLedger);
    for (const f of [a, b]) {
      const { entries, tornLines } = await readLedgerFile(f);
      expect(tornLines).toBe(f === b ? 1 : 0);
      expect(new Set(entries.map((e) => e.clientId))).toEqual(new Set(rows.map((r) => r.clientId)));
      expect(entries.length).toBe(rows.length);
    }
  });
});

describe("scheduled backups", () => {
  it("writes a whole backup under its final name and keeps only the newest KEEP files", async () => {
    const dir = path.join(work, "scheduled");
    const pool = new pg.Pool({ connectionString: t.url, max: 1 });
    pools.push(pool);
    const first = await runScheduledBackup({ pool, dir, keep: 1, ledgerFile: t.config.erasureLedger });
    const second = await runScheduledBackup({ pool, dir, keep: 1, ledgerFile: t.config.erasureLedger });
    expect(second.file).not.toBe(first.file);
    expect(second.removed).toEqual([path.basename(first.file)]);
    expect(fs.readdirSync(dir)).toEqual([path.basename(second.file)]);
    expect(path.basename(second.file)).toMatch(/^lotse-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.backup$/);
    const backup = await inspectBackup(second.file);
    expect(backup.header.tables.map((x) => x.name)).toContain("erasure_ledger");
  });
});
