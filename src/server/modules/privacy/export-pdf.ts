import { fileURLToPath } from "node:url";
import { inArray } from "drizzle-orm";
import type { Tx } from "#server/db/client.ts";
import { renderPdf } from "#server/platform/pdf.ts";
import { organisations } from "#server/platform/tables.ts";
import type { ClientExport } from "#shared/contracts/privacy.ts";
import { DISTRICTS } from "#shared/domain.ts";
import { resources } from "#shared/i18n/index.ts";
import baseLabels from "./export-labels.json" with { type: "json" };
import competenceLabels from "./export-labels-competences.json" with { type: "json" };
import { CLIENT_HOLDINGS, type Row } from "./holdings.ts";

/**
 * The Art. 15 export as a document a person can read: German labels for fields and codes, dates
 * in German notation, ids left out (a person cannot use them), references shown by what they
 * name — the case by its code, an organisation by its name.
 */

const TEMPLATE = fileURLToPath(new URL("./export.typ", import.meta.url));
const TIME_ZONE = "Europe/Berlin";
const dateTime = new Intl.DateTimeFormat("de-DE", {
  timeZone: TIME_ZONE,
  dateStyle: "medium",
  timeStyle: "short",
});
const dateOnly = new Intl.DateTimeFormat("de-DE", { timeZone: "UTC", dateStyle: "medium" });

type Values = Record<string, Record<string, string>>;
/** The document's German words; a module with many of its own keeps them in a file beside. */
const labels = {
  ...baseLabels,
  sections: { ...baseLabels.sections, ...competenceLabels.sections },
  fields: { ...baseLabels.fields, ...competenceLabels.fields },
  values: { ...baseLabels.values, ...competenceLabels.values },
  actions: { ...baseLabels.actions, ...competenceLabels.actions },
};
const REFERRALS = resources.de.referrals;
/**
 * Codes in words. Referrals share the field names `state` and `outcome` with recognition
 * procedures and cases (their codes differ); their words come from the app's German catalogue.
 */
const VALUES: Values = {
  ...(labels.values as Values),
  state: { ...REFERRALS.states, ...labels.values.state },
  outcome: { ...REFERRALS.outcomes, ...labels.values.outcome },
  outcomeReason: REFERRALS.unsuccessfulReasons,
  declineReason: REFERRALS.declineReasons,
  sharedItems: REFERRALS.dataItems,
};
const FIELDS = labels.fields as Record<string, string>;
const SECTIONS = labels.sections as Record<string, string>;
const ACTIONS = labels.actions as Record<string, string>;
/** Fields whose codes share another field's labels. */
const VALUE_ALIAS: Record<string, string> = {
  fromState: "state",
  toState: "state",
  from: "state",
  to: "state",
};
/** Sections with many short rows read better as one table than as a card per row. */
const TABLES: Record<string, string[]> = {
  caseEvents: ["at", "caseId", "kind", "details"],
  recognitionStateChanges: ["at", "fromState", "toState"],
};

export type Refs = { organisations: Map<string, string>; cases: Map<string, string> };

/** Ids mean nothing to a person; what they point to is shown instead where it matters. */
const hidden = (key: string) =>
  key === "id" ||
  key === "version" ||
  key === "contentBase64" ||
  (/(Id|By)$/.test(key) && key !== "caseId" && !key.endsWith("OrganisationId"));

const regionName = new Intl.DisplayNames("de", { type: "region" });
const languageName = new Intl.DisplayNames("de", { type: "language" });
const DISTRICT_NAMES = new Map(DISTRICTS.map((d) => [d.ags as string, d.name as string]));
const COUNTRY_FIELDS = new Set(["countryOfOrigin", "qualificationCountry", "country"]);
const LANGUAGE_FIELDS = new Set(["preferredLanguages", "informedLanguage"]);

/** One code in words: a country, a language, a district, or a code of Lotse's lists. */
function word(key: string, code: string): string {
  const codes = VALUES[VALUE_ALIAS[key] ?? key];
  if (codes?.[code]) return codes[code];
  try {
    if (COUNTRY_FIELDS.has(key)) return regionName.of(code) ?? code;
    if (LANGUAGE_FIELDS.has(key)) return languageName.of(code) ?? code;
  } catch {
    return code;
  }
  if (key === "districtAgs") return DISTRICT_NAMES.get(code) ?? code;
  if (key === "fields") return FIELDS[code] ?? code;
  return code;
}

function text(key: string, value: unknown, refs: Refs): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "boolean") return value ? labels.yes : labels.no;
  if (key === "caseId") return refs.cases.get(String(value)) ?? String(value);
  if (key.endsWith("OrganisationId")) return refs.organisations.get(String(value)) ?? String(value);
  if (Array.isArray(value)) {
    const parts = value.map((item) =>
      typeof item === "object" && item !== null
        ? Object.entries(item as Record<string, unknown>)
            .filter(([k]) => !hidden(k))
            .map(([k, v]) => text(k, v, refs))
            .filter(Boolean)
            .join(": ")
        : word(key, String(item)),
    );
    return parts.length > 0 ? parts.join(key === "differences" ? "\n" : ", ") : null;
  }
  if (typeof value === "object") {
    // Timeline details: the codes of a change, e.g. { from: 1, to: 2 } or a consent's purpose.
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([k]) => !hidden(k))
      .map(([k, v]) => [FIELDS[k] ?? k, text(k, v, refs)] as const)
      .filter(([, v]) => v !== null);
    return entries.length > 0 ? entries.map(([k, v]) => `${k}: ${v}`).join(", ") : null;
  }
  const s = String(value);
  if (/^\d{4}-\d{2}-\d{2}T/.test(s)) return dateTime.format(new Date(s));
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return dateOnly.format(new Date(`${s}T00:00:00Z`));
  return word(key, s);
}

/** A record as label–value pairs, in column order, without empty or hidden fields. */
function card(row: Row, refs: Refs): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [key, value] of Object.entries(row)) {
    if (hidden(key)) continue;
    const shown = text(key, value, refs);
    if (shown !== null) pairs.push([FIELDS[key] ?? key, shown]);
  }
  return pairs;
}

async function references(db: Tx, data: ClientExport): Promise<Refs> {
  const orgIds = new Set<string>();
  // Organisations are named in columns and in timeline details alike.
  const collect = (record: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(record)) {
      if (key.endsWith("OrganisationId") && typeof value === "string") orgIds.add(value);
      else if (typeof value === "object" && value !== null && !Array.isArray(value)) {
        collect(value as Record<string, unknown>);
      }
    }
  };
  for (const rows of Object.values(data.records)) for (const row of rows) collect(row);
  const orgs =
    orgIds.size === 0
      ? []
      : await db
          .select({ id: organisations.id, name: organisations.name })
          .from(organisations)
          .where(inArray(organisations.id, [...orgIds]));
  return {
    organisations: new Map(orgs.map((o) => [o.id, o.name])),
    cases: new Map((data.records.cases ?? []).map((c) => [String(c.id), String(c.pseudonym)])),
  };
}

/** What the template prints: sections of label–value cards or tables, all text already German. */
function documentData(data: ClientExport, refs: Refs) {
  const sections: unknown[] = [{ title: labels.person, kind: "cards", cards: [card(data.client, refs)] }];
  for (const { key } of CLIENT_HOLDINGS) {
    const rows = data.records[key] ?? [];
    const columns = TABLES[key];
    sections.push(
      columns
        ? {
            title: SECTIONS[key] ?? key,
            kind: "table",
            columns: columns.map((c) => FIELDS[c] ?? c),
            rows: rows.map((row) => columns.map((c) => text(c, row[c], refs) ?? "–")),
          }
        : { title: SECTIONS[key] ?? key, kind: "cards", cards: rows.map((row) => card(row, refs)) },
    );
  }
  sections.push({
    title: SECTIONS.accesses,
    kind: "table",
    columns: [labels.accessColumns.at, labels.accessColumns.action, labels.accessColumns.organisation],
    rows: data.accesses.map((a) => [
      dateTime.format(new Date(a.at)),
      ACTIONS[a.action] ?? a.action,
      a.organisation?.name ?? "–",
    ]),
  });
  const c = data.controller;
  return {
    title: labels.title,
    subtitle: labels.subtitle,
    intro: labels.intro,
    date: dateTime.format(new Date(data.exportedAt)),
    none: labels.none,
    controller: {
      heading: labels.controller,
      name: c.name,
      lines: [c.street, [c.postcode, c.city].filter(Boolean).join(" "), c.email, c.phone].filter(Boolean),
    },
    pseudonym: String(data.client.pseudonym),
    sections,
  };
}

/** The export as the readable document shows it, with organisations looked up by name. */
export async function readableExport(db: Tx, data: ClientExport) {
  return documentData(data, await references(db, data));
}

/** Renders the export as a readable German PDF. */
export async function exportPdf(db: Tx, data: ClientExport): Promise<Buffer> {
  return renderPdf(TEMPLATE, await readableExport(db, data));
}
