import type { TFunction } from "i18next";
import { formatDay } from "#client/components/format.ts";
import { i18n } from "#client/i18n.ts";
import type { TimelineEvent } from "#shared/contracts/cases.ts";

type Names = (userId: unknown) => string;

/**
 * A code's label from another module's catalogue namespace, or the code itself while that
 * module has none (the timeline shows events of modules that come later, too).
 */
function labelOf(t: TFunction, namespace: string, code: unknown): string {
  const key = `${namespace}.${String(code)}`;
  return i18n.exists(key) ? t(key) : String(code);
}

const str = (v: unknown) => (v === null || v === undefined ? "" : String(v));

/** Field names of a change as their labels, e.g. "Name, E-Mail-Adresse". */
function fieldList(t: TFunction, namespace: string, fields: unknown): string {
  if (!Array.isArray(fields)) return "";
  return fields.map((f) => labelOf(t, namespace, f)).join(", ");
}

/**
 * What changed, in words, from the event's codes: "Phase 1 → 2", "Offen → Abgeschlossen
 * (Ziel erreicht)". The server keeps only codes and ids in `details`, never personal text.
 */
export function eventDetails(t: TFunction, e: TimelineEvent, nameOf: Names): string {
  const d = e.details;
  switch (e.kind) {
    case "case_opened":
      return [
        d.phase ? t("directory.phaseNumber", { n: d.phase }) : "",
        d.assigneeUserId ? t("cases.timeline.assignedTo", { name: nameOf(d.assigneeUserId) }) : "",
      ]
        .filter(Boolean)
        .join(" · ");
    case "phase_changed":
      return t("cases.timeline.phaseChange", { from: str(d.from), to: str(d.to) });
    case "status_changed": {
      const change = `${labelOf(t, "cases.statuses", d.from)} → ${labelOf(t, "cases.statuses", d.to)}`;
      return d.outcome ? `${change} (${labelOf(t, "cases.outcomes", d.outcome)})` : change;
    }
    case "assigned":
      return `${d.from ? nameOf(d.from) : t("cases.unassigned")} → ${d.to ? nameOf(d.to) : t("cases.unassigned")}`;
    case "contact_added":
      return [
        d.date ? formatDay(str(d.date)) : "",
        d.mode ? labelOf(t, "cases.contactModes", d.mode) : "",
        d.counsellingType ? labelOf(t, "cases.counsellingTypes", d.counsellingType) : "",
      ]
        .filter(Boolean)
        .join(" · ");
    case "next_step_added":
      return d.dueDate ? t("cases.timeline.dueOn", { date: formatDay(str(d.dueDate)) }) : "";
    case "client_updated":
      return fieldList(t, "clients.fields", d.fields);
    case "consent_given":
    case "consent_withdrawn":
      return d.purpose ? labelOf(t, "consents.purposes", d.purpose) : "";
    case "procedure_state_changed":
      return `${labelOf(t, "recognition.states", d.from)} → ${labelOf(t, "recognition.states", d.to)}`;
    case "procedure_opened":
      return d.referenceOccupationCode
        ? t("cases.timeline.occupation", { code: str(d.referenceOccupationCode) })
        : "";
    case "procedure_updated":
      return fieldList(t, "recognition.fields", d.fields);
    default:
      return "";
  }
}
