import { occupationByCode } from "#server/modules/recognition/kldb.ts";
import { AppError, type FieldProblem } from "#server/platform/errors.ts";
import type { ProfileContent } from "#shared/contracts/competences.ts";
import { escoOccupation, escoSkill } from "./esco/catalogue.ts";

/**
 * The rules a profile's content must keep beyond its schema (decision 015): codes that exist, periods
 * that run forward and do not overlap within one kind, links that point to what is there. Every
 * finding names its field as the request body spells it (`work.1.escoOccupationUri`), all at once,
 * and nothing is written.
 */

type Period = { from: string | null; to: string | null };
const OPEN = "9999-12";

/** Two month periods overlap when they share more than a boundary month. */
function overlaps(a: Period, b: Period): boolean {
  if (!a.from || !b.from) return false;
  const aTo = a.to ?? OPEN;
  const bTo = b.to ?? OPEN;
  return a.from === b.from || (a.from < bTo && b.from < aTo);
}

/** Reversed periods and overlaps among the items of one kind. */
function periods<T extends Period>(
  found: FieldProblem[],
  list: T[],
  name: string,
  kindOf: (item: T) => string = () => "",
) {
  list.forEach((item, i) => {
    if (item.from && item.to && item.to < item.from) {
      found.push({ field: `${name}.${i}.to`, code: "competences.period_reversed" });
      return;
    }
    const earlier = list.findIndex(
      (other, j) => j < i && kindOf(other) === kindOf(item) && overlaps(other, item),
    );
    if (earlier >= 0) found.push({ field: `${name}.${i}.from`, code: "competences.period_overlap" });
  });
}

/**
 * Item ids are unique in the whole profile, activities within phases included: the comparison of
 * versions follows items by id, and a competence names its activities by id, so one id must never
 * stand for two things. `seen` is shared by all lists of a content.
 */
function uniqueIds(found: FieldProblem[], seen: Set<string>, list: { id: string }[], name: string) {
  list.forEach((item, i) => {
    if (seen.has(item.id)) found.push({ field: `${name}.${i}.id`, code: "competences.item_duplicate" });
    seen.add(item.id);
  });
}

/** Keys that the comparison follows instead of an id (a language, an EntreComp competence) are unique too. */
function uniqueKeys(found: FieldProblem[], keys: string[], name: (i: number) => string) {
  keys.forEach((key, i) => {
    if (keys.indexOf(key) < i) found.push({ field: name(i), code: "competences.item_duplicate" });
  });
}

/** The findings on a content; empty when it may be saved. `caseStepIds`: the next steps of the profile's case. */
export function contentProblems(content: ProfileContent, caseStepIds: ReadonlySet<string>): FieldProblem[] {
  const found: FieldProblem[] = [];
  const ids = new Set<string>();
  uniqueIds(found, ids, content.phases, "phases");
  content.phases.forEach((p, i) => {
    uniqueIds(found, ids, p.activities, `phases.${i}.activities`);
  });
  uniqueIds(found, ids, content.competences, "competences");
  uniqueIds(found, ids, content.education, "education");
  uniqueIds(found, ids, content.work, "work");
  uniqueIds(found, ids, content.interests, "interests");
  uniqueIds(found, ids, content.goals, "goals");
  uniqueKeys(
    found,
    content.languages.other.map((l) => l.language),
    (i) => `languages.other.${i}.language`,
  );
  uniqueKeys(
    found,
    content.entrepreneurship.entreComp.map((e) => e.competence),
    (i) => `entrepreneurship.entreComp.${i}.competence`,
  );
  periods(found, content.phases, "phases", (p) => p.kind);
  periods(found, content.work, "work");
  periods(found, content.education, "education", (e) => e.kind);

  const activities = new Set(content.phases.flatMap((p) => p.activities.map((a) => a.id)));
  content.competences.forEach((c, i) => {
    if (c.escoUri && !escoSkill(c.escoUri)) {
      found.push({ field: `competences.${i}.escoUri`, code: "competences.esco_skill_unknown" });
    }
    c.activityIds.forEach((id, j) => {
      if (!activities.has(id)) {
        found.push({ field: `competences.${i}.activityIds.${j}`, code: "competences.activity_unknown" });
      }
    });
  });
  content.work.forEach((w, i) => {
    if (w.escoOccupationUri && !escoOccupation(w.escoOccupationUri)) {
      found.push({ field: `work.${i}.escoOccupationUri`, code: "competences.esco_occupation_unknown" });
    }
    if (w.kldbCode && !occupationByCode(w.kldbCode)) {
      found.push({ field: `work.${i}.kldbCode`, code: "competences.kldb_unknown" });
    }
  });
  content.goals.forEach((g, i) => {
    g.caseNextStepIds.forEach((id, j) => {
      if (!caseStepIds.has(id)) {
        found.push({ field: `goals.${i}.caseNextStepIds.${j}`, code: "competences.next_step_unknown" });
      }
    });
  });
  return found;
}

/** Refuses a content that breaks a rule: 422 with every finding on its field. */
export function assertContent(content: ProfileContent, caseStepIds: ReadonlySet<string>): void {
  const found = contentProblems(content, caseStepIds);
  if (found.length > 0) throw new AppError(422, "competences.invalid", { fieldErrors: found });
}
