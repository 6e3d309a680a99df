import path from "node:path";
import { z } from "zod";

/** Environment variables Lotse reads; each has a safe default for the embedded set-up. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  /** External PostgreSQL (≥ 15). Unset: Lotse runs its own embedded server. */
  DATABASE_URL: z.string().url().optional(),
  /** Where the embedded server keeps its files. */
  LOTSE_DATA_DIR: z.string().default("data"),
  /** Port of the embedded server; 0 picks a free one at every start. */
  LOTSE_DB_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  /** Base URL that people reach Lotse under; used in mail links and for Secure cookies. */
  PUBLIC_URL: z.string().url().optional(),
  /** smtp://user:pass@host:port or smtps://…; unset: mails stay in the outbox. */
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Lotse <no-reply@lotse.example>"),
  /** Seed the fictional demo network into an empty database. */
  LOTSE_DEMO_DATA: z.enum(["true", "false"]).default("true"),
  /** Trust X-Forwarded-* from a load balancer in front of Lotse. */
  TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  /** Requests per minute and address to the public endpoints (finder, HSDS); 0 turns the limit off. */
  LOTSE_PUBLIC_RATE_LIMIT: z.coerce.number().int().min(0).max(1_000_000).default(300),
  /**
   * Login attempts per minute from one address (all accounts together). Staff of a large organisation
   * behind one NAT address start work at the same minute: raise it there. The per-account limit stays.
   */
  LOTSE_LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(50),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Append-only file of Art. 17 erasures outside the database; unset: erasure-ledger.jsonl in the data directory. */
  LOTSE_ERASURE_LEDGER: z.string().min(1).optional(),
  /** Folder for scheduled backups; unset: no scheduled backups. */
  LOTSE_BACKUP_DIR: z.string().min(1).optional(),
  LOTSE_BACKUP_EVERY_HOURS: z.coerce.number().positive().default(24),
  /** How many scheduled backups to keep; older ones are deleted. */
  LOTSE_BACKUP_KEEP: z.coerce.number().int().min(1).default(14),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  dbPort: number;
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  demoData: boolean;
  trustProxy: boolean;
  logLevel: string;
  publicRateLimit: number;
  /** Login attempts per minute and address. */
  loginRateLimit: number;
  secureCookies: boolean;
  /** Absolute path of the erasure ledger file. */
  erasureLedger: string;
  backup: { dir: string | undefined; everyHours: number; keep: number };
};

/** Reads the configuration from the environment, failing with the names of wrong variables. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const publicUrl = e.PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  const dataDir = path.resolve(e.LOTSE_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    dbPort: e.LOTSE_DB_PORT,
    publicUrl: publicUrl.replace(/\/$/, ""),
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM,
    demoData: e.LOTSE_DEMO_DATA === "true",
    trustProxy: e.TRUST_PROXY === "true",
    logLevel: e.LOG_LEVEL,
    publicRateLimit: e.LOTSE_PUBLIC_RATE_LIMIT,
    loginRateLimit: e.LOTSE_LOGIN_RATE_LIMIT,
    secureCookies: publicUrl.startsWith("https://"),
    erasureLedger: path.resolve(e.LOTSE_ERASURE_LEDGER ?? path.join(dataDir, "erasure-ledger.jsonl")),
    backup: {
      dir: e.LOTSE_BACKUP_DIR ? path.resolve(e.LOTSE_BACKUP_DIR) : undefined,
      everyHours: e.LOTSE_BACKUP_EVERY_HOURS,
      keep: e.LOTSE_BACKUP_KEEP,
    },
  };
}
