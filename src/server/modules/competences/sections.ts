import type { z } from "zod";
import { PROFILE_SECTIONS, type ProfileSection } from "#shared/competences.ts";
import type { ProfileContent, ProfileUpdate } from "#shared/contracts/competences.ts";

/** The parts of a content a share carries (only the chosen sections). */
export type Snapshot = z.output<typeof ProfileUpdate>;

/**
 * The sections of a profile and where each lives in the document (decision 015): a version records
 * which sections a sitting changed, a share carries exactly the chosen sections. `step` is where
 * the KomBI walk resumes, not a section.
 */

type Competence = ProfileContent["competences"][number];

/** Skills: coded to ESCO or learnt formally; the rest are the informal and non-formal competences. */
export const isSkill = (c: Competence) => c.escoUri !== null || c.context === "formal";

/** The part of the content that makes up a section. */
export function sectionPart(content: ProfileContent, section: ProfileSection): unknown {
  switch (section) {
    case "biography":
      return content.phases;
    case "skills":
      return content.competences.filter(isSkill);
    case "informal":
      return content.competences.filter((c) => !isSkill(c));
    default:
      return content[section];
  }
}

/**
 * JSON with the keys of every object sorted: PostgreSQL's jsonb keeps keys in its own order, so two
 * equal contents compare equal only in this form.
 */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/** Whether two values are equal as JSON, whatever the order of their keys. */
export const sameJson = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

/** The sections whose parts differ between two contents, in the order of PROFILE_SECTIONS. */
export function changedSections(before: ProfileContent, after: ProfileContent): ProfileSection[] {
  return PROFILE_SECTIONS.filter((s) => !sameJson(sectionPart(before, s), sectionPart(after, s)));
}

/** The content without entries that touch special categories (Art. 9): for volunteers and shares without. */
export function withoutSpecial(content: ProfileContent): ProfileContent {
  const ordinary = <T extends { special: boolean }>(items: T[]) => items.filter((i) => !i.special);
  const phases = ordinary(content.phases).map((p) => ({ ...p, activities: ordinary(p.activities) }));
  // A competence derived from a withheld activity keeps only the links to what is shown: the id of
  // a withheld activity would tell that there is one.
  const shown = new Set(phases.flatMap((p) => p.activities.map((a) => a.id)));
  return {
    ...content,
    phases,
    competences: ordinary(content.competences).map((c) => ({
      ...c,
      activityIds: c.activityIds.filter((id) => shown.has(id)),
    })),
    interests: ordinary(content.interests),
    goals: ordinary(content.goals),
  };
}

/** Whether anything in the content touches special categories. */
export function hasSpecial(content: ProfileContent): boolean {
  return !sameJson(withoutSpecial(content), content);
}

/**
 * The snapshot of a share: exactly the chosen sections' parts. Skills and informal competences
 * share one list in the document; a snapshot holds only those of the chosen kind.
 */
export function snapshotOf(content: ProfileContent, sections: readonly ProfileSection[]): Snapshot {
  const has = (s: ProfileSection) => sections.includes(s);
  const snapshot: Snapshot = {};
  if (has("biography")) snapshot.phases = content.phases;
  if (has("skills") || has("informal")) {
    snapshot.competences = content.competences.filter((c) => (isSkill(c) ? has("skills") : has("informal")));
  }
  if (has("education")) snapshot.education = content.education;
  if (has("work")) snapshot.work = content.work;
  if (has("languages")) snapshot.languages = content.languages;
  if (has("interests")) snapshot.interests = content.interests;
  if (has("goals")) snapshot.goals = content.goals;
  if (has("entrepreneurship")) snapshot.entrepreneurship = content.entrepreneurship;
  return snapshot;
}

/** Every ESCO URI and KldB code a content (or a snapshot of it) uses, for their labels. */
export function codesOf(content: Snapshot): { esco: string[]; kldb: string[] } {
  const esco = new Set<string>();
  const kldb = new Set<string>();
  for (const c of content.competences ?? []) if (c.escoUri) esco.add(c.escoUri);
  for (const w of content.work ?? []) {
    if (w.escoOccupationUri) esco.add(w.escoOccupationUri);
    if (w.kldbCode) kldb.add(w.kldbCode);
  }
  return { esco: [...esco], kldb: [...kldb] };
}
