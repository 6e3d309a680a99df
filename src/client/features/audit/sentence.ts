import type { i18n as I18n, TFunction } from "i18next";
import type { AuditEntry } from "#shared/contracts/audit.ts";

/**
 * An audit entry as a sentence: who did what to which record. Known actions have a sentence of
 * their own (audit.actions.<resource>_<action>); an unknown or new one falls back to a sentence
 * built from its verb and the kind of record, so the log never shows a bare code.
 */

/** Where the labels of a record kind's fields live, for "changed: city, role". */
const FIELD_LABELS: Record<string, string> = {
  client: "clients.fields",
  case: "cases.fields",
  organisation: "organisation.fields",
  membership: "members.fields",
  offer: "offers.fields",
  location: "offers.locations.fields",
  interface: "interfaces.fields",
};
/** Field names that read under another name ("assigneeUserId" is the case's assignee). */
const FIELD_ALIASES: Record<string, string> = { assigneeUserId: "assignee", districtAgs: "district" };

const VERBS = ["create", "update", "delete", "read", "list"] as const;

/** "den Fall „F-123“", "ein Angebot": the record with its article, named when it has a name. */
export function recordPhrase(t: TFunction, i18n: I18n, e: AuditEntry): string {
  const entity = i18n.exists(`audit.entities.${e.entity}`) ? e.entity : "other";
  return e.record.label
    ? t(`audit.entities.${entity}`, { label: e.record.label })
    : t(`audit.entitiesUnnamed.${entity}`);
}

/** A code of the entry's details in words, or null when there is no word for it. */
function word(t: TFunction, i18n: I18n, key: string, code: unknown): string | null {
  if (typeof code !== "string" || code === "") return null;
  const path = `${key}.${code}`;
  return i18n.exists(path) ? t(path) : null;
}

/** The changed fields named in words; names without a label are left out rather than shown as codes. */
export function changedFields(t: TFunction, i18n: I18n, e: AuditEntry): string[] {
  const fields = e.details?.fields;
  const ns = FIELD_LABELS[e.entity];
  if (!Array.isArray(fields) || !ns) return [];
  const words: string[] = [];
  for (const f of fields.map(String)) {
    const key = [`${ns}.${f}`, `${ns}.${FIELD_ALIASES[f] ?? f}`].find((k: string) => i18n.exists(k) === true);
    if (key !== undefined) words.push(t(key));
  }
  return words;
}

/** The sentence for one entry, in the interface language. */
export function auditSentence(t: TFunction, i18n: I18n, e: AuditEntry): string {
  const d = e.details ?? {};
  const purpose = e.purpose ?? (typeof d.purpose === "string" ? d.purpose : null);
  const params = {
    actor: e.actorName ?? t("audit.system"),
    record: recordPhrase(t, i18n, e),
    label:
      e.record.label ??
      t(`audit.entitiesUnnamed.${i18n.exists(`audit.entities.${e.entity}`) ? e.entity : "other"}`),
    organisation: e.record.organisation ?? t("audit.unknownOrganisation"),
    title: e.record.title ?? "–",
    from: word(t, i18n, "referrals.states", d.from) ?? "–",
    to: word(t, i18n, "referrals.states", d.to) ?? "–",
    purpose: word(t, i18n, "consents.purposes", purpose) ?? word(t, i18n, "audit.purposes", purpose) ?? "–",
    role: word(t, i18n, "roles", d.role) ?? "–",
  };
  const key = `audit.actions.${e.action.replace(/\./g, "_")}`;
  if (i18n.exists(key)) return t(key, params);
  const verb = VERBS.find((v) => e.action.endsWith(`.${v}`)) ?? "other";
  return t(`audit.generic.${verb}`, params);
}

/** Why, in words: the recorded reason of an override, or the legal purpose of an access. */
export function auditWhy(t: TFunction, i18n: I18n, e: AuditEntry): string | null {
  if (e.reason) return t("audit.reason", { reason: e.reason });
  const purpose = word(t, i18n, "audit.purposes", e.purpose);
  return purpose ? t("audit.purpose", { purpose }) : null;
}
