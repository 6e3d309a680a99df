import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Each module owns its tables (src/server/modules/<module>/tables.ts); the platform owns
// platform/tables.ts, which every module may read (organisations, users, memberships, sessions,
// mail tokens, outbox, audit log, jobs). Another module's data is reached through that module's
// exported functions. Where reading another module's tables directly is the better trade, the reach
// is declared here with its reason — a new reach fails until it is declared, and a declaration that
// no code uses any more fails too, so the list stays true.

/** Importer module → owner module: the owner's tables the importer may read, and why. */
const TABLE_REACHES: Record<string, { tables: string[]; reason: string }> = {
  "analytics -> interfaces": {
    tables: ["interfaces"],
    reason: "the interface table reads the agreed answer and completion times of each pair",
  },
  "trainings -> analytics": {
    tables: ["analyticsReferralFacts"],
    reason:
      "a cohort's network effect counts referral links between organisations in set-based joins over the per-referral summary (analytics' functions are per actor and period, not per pair and cohort)",
  },
  "audit -> cases": {
    tables: ["caseContacts", "caseNextSteps", "caseNotes", "cases", "clients"],
    reason: "read join for a name: the audit view labels the records its entries are about",
  },
  "audit -> consents": { tables: ["consents"], reason: "read join for a name (audit labels)" },
  "audit -> interfaces": { tables: ["interfaces"], reason: "read join for a name (audit labels)" },
  "audit -> offers": { tables: ["locations", "offers"], reason: "read join for a name (audit labels)" },
  "audit -> recognition": {
    tables: ["qualifications", "recognitionProcedures"],
    reason: "read join for a name (audit labels)",
  },
  "audit -> referrals": { tables: ["referrals"], reason: "read join for a name (audit labels)" },
  "audit -> sso": { tables: ["ssoProviders"], reason: "read join for a name (audit labels)" },
  "cases -> offers": {
    tables: ["offers"],
    reason: "a next step may point to an offer: it must exist, and the step shows its name",
  },
  "competences -> cases": {
    tables: ["caseNextSteps", "cases", "clients"],
    reason:
      "a profile is the client's (client scope, name for lists and shares); goals point to the next steps of its case",
  },
  "competences -> consents": {
    tables: ["consents"],
    reason: "every read of a received share checks again that the consent it stands on is not withdrawn",
  },
  "competences -> offers": {
    tables: ["offers"],
    reason: "a self-employment goal suggests the directory's start-up offers of phase 4",
  },
  "competences -> recognition": {
    tables: ["qualifications", "recognitionProcedures"],
    reason:
      "the education section shows the client's foreign qualifications and their state live (no double entry)",
  },
  "consents -> cases": {
    tables: ["cases"],
    reason: "a consent's events go to the timelines of the client's cases",
  },
  "finder -> offers": {
    tables: ["locations", "offerLocations", "offers"],
    reason: "the public finder shows the directory's offers and places as they are",
  },
  "hsds -> offers": {
    tables: ["directoryChanges", "locations", "offerLocations", "offers"],
    reason: "HSDS import and export move the whole directory in bulk, with its change history",
  },
  "platform -> cases": {
    tables: ["cases"],
    reason: "tenancy: the case scope (a volunteer sees the cases assigned to them) and the client scope",
  },
  "platform -> sso": {
    tables: ["ssoProviders"],
    reason: "the session check needs whether the organisation requires single sign-on",
  },
  "recognition -> cases": {
    tables: ["cases", "clients"],
    reason: "a procedure is counselled in a case of the qualification's client; deadlines name both",
  },
  "recognition -> offers": {
    tables: ["offers"],
    reason: "suggestions search the directory for offers that close the differences",
  },
  "referrals -> cases": {
    tables: ["cases", "clients"],
    reason: "a referral is sent from a case: scope, pseudonym and the snapshot of the client's data",
  },
  "referrals -> offers": {
    tables: ["offers"],
    reason: "read join for a name and offer type of the referred offer",
  },
  "referrals -> recognition": {
    tables: ["qualifications", "recognitionProcedures"],
    reason: "the snapshot may share the client's qualifications and recognition state",
  },
};

/** Files outside db/ that may import the barrel of every table (db/schema.ts). */
const WHOLE_SCHEMA = {
  "platform/backup/load.ts": "a restore replays the erasure ledger through a Drizzle client with the schema",
  "modules/analytics/generator/index.ts": "the generator loads a whole fictional network, table by table",
};

/** Pairs of modules that may still depend on each other (both ways), and why. */
const ALLOWED_CYCLES: Record<string, string> = {
  // Foreign keys count: notifications/tables.ts references referrals, and referrals notify.
  "notifications <-> referrals":
    "a notification points to its referral (erased with it); referrals notify through notifications/notify.ts",
  "members <-> sso":
    "invitations ask sso whether a password may be set; an SSO login activates an invitation (members/invitations.ts)",
};

const ROOT = path.resolve(import.meta.dirname, "../../src/server");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

/** "cases" for src/server/modules/cases/…, "platform" for src/server/platform/…, else null. */
function ownerOf(file: string): string | null {
  const rel = path.relative(ROOT, file).split(path.sep);
  if (rel[0] === "modules" && rel[1]) return rel[1];
  if (rel[0] === "platform") return "platform";
  return null;
}

type Import = { from: string; to: string; names: string[] };

function importsOf(file: string): Import[] {
  const text = fs.readFileSync(file, "utf8");
  const found: Import[] = [];
  for (const m of text.matchAll(/(?:import|export)\s+(?:type\s+)?([^;]*?)\s+from\s+"([^"]+)"/gs)) {
    const spec = m[2] ?? "";
    let target: string;
    if (spec.startsWith(".")) target = path.resolve(path.dirname(file), spec);
    else if (spec.startsWith("#server/")) target = path.join(ROOT, spec.slice("#server/".length));
    else continue;
    const clause = m[1] ?? "";
    const braces = clause.match(/\{([^}]*)\}/)?.[1] ?? clause;
    const names = braces
      .split(",")
      .map((n) => n.trim().replace(/^type\s+/, ""))
      .filter(Boolean);
    found.push({ from: file, to: target, names });
  }
  return found;
}

const imports = sourceFiles(ROOT).flatMap(importsOf);
const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join("/");

describe("module boundaries", () => {
  it("reads another module's tables only where the reach is declared", () => {
    const seen = new Map<string, Set<string>>();
    for (const imp of imports) {
      if (path.basename(imp.from) === "tables.ts" || path.basename(imp.to) !== "tables.ts") continue;
      const importer = ownerOf(imp.from);
      const owner = ownerOf(imp.to);
      if (!importer || !owner || owner === "platform" || owner === importer) continue;
      const key = `${importer} -> ${owner}`;
      const tables = seen.get(key) ?? new Set<string>();
      for (const name of imp.names) tables.add(name);
      seen.set(key, tables);
      const declared = TABLE_REACHES[key];
      expect(
        declared,
        `${rel(imp.from)} reads ${owner}'s tables: declare it or use ${owner}'s functions`,
      ).toBeDefined();
      for (const name of imp.names)
        expect(declared?.tables, `${rel(imp.from)} reads ${owner}.${name}, not declared`).toContain(name);
    }
    // Nothing declared that no code needs any more.
    for (const [key, declared] of Object.entries(TABLE_REACHES)) {
      expect([...(seen.get(key) ?? [])].sort(), `stale declaration ${key}`).toEqual(
        [...declared.tables].sort(),
      );
    }
  });

  it("imports the barrel of all tables only where the whole schema is needed", () => {
    const users = imports
      .filter((imp) => rel(imp.to) === "db/schema.ts" && !rel(imp.from).startsWith("db/"))
      .map((imp) => rel(imp.from));
    expect([...new Set(users)].sort()).toEqual(Object.keys(WHOLE_SCHEMA).sort());
  });

  it("lets modules depend on each other one way only", () => {
    const edges = new Set<string>();
    for (const imp of imports) {
      const a = ownerOf(imp.from);
      const b = ownerOf(imp.to);
      if (a && b && a !== b && a !== "platform" && b !== "platform") edges.add(`${a} -> ${b}`);
    }
    const cycles = new Set<string>();
    for (const edge of edges) {
      const [a, b] = edge.split(" -> ");
      if (edges.has(`${b} -> ${a}`)) cycles.add([a, b].sort().join(" <-> "));
    }
    expect([...cycles].sort()).toEqual(Object.keys(ALLOWED_CYCLES).sort());
  });
});
