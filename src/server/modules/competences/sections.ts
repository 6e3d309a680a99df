import { PROFILE_SECTIONS, type ProfileSection } from "#shared/competences.ts";
import type { ProfileContent, ProfileUpdate } from "#shared/contracts/competences.ts";

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

/** The sections whose parts differ between two contents, in the order of PROFILE_SECTIONS. */
export function changedSections(before: ProfileContent, after: ProfileContent): ProfileSection[] {
  return PROFILE_SECTIONS.filter(
    (s) => JSON.stringify(sectionPart(before, s)) !== JSON.stringify(sectionPart(after, s)),
  );
}

/** The content without entries that touch special categories (Art. 9): for volunteers and shares without. */
export function withoutSpecial(content: ProfileContent): ProfileContent {
  const ordinary = <T extends { special: boolean }>(items: T[]) => items.filter((i) => !i.special);
  return {
    ...content,
    phases: ordinary(content.phases).map((p) => ({ ...p, activities: ordinary(p.activities) })),
    competences: ordinary(content.competences),
    interests: ordinary(content.interests),
    goals: ordinary(content.goals),
  };
}

/** Whether anything in the content touches special categories. */
export function hasSpecial(content: ProfileContent): boolean {
  return JSON.stringify(withoutSpecial(content)) !== JSON.stringify(content);
}

/**
 * The snapshot of a share: exactly the chosen sections' parts. Skills and informal competences
 * share one list in the document; a snapshot holds only those of the chosen kind.
 */
export function snapshotOf(content: ProfileContent, sections: readonly ProfileSection[]): ProfileUpdate {
  const has = (s: ProfileSection) => sections.includes(s);
  const snapshot: ProfileUpdate = {};
  if (has("biography")) snapshot.phases = content.phases;
  if (has("skills") || has("informal")) {
    snapshot.competences = content.competences.filter((c) =>
      isSkill(c) ? has("skills") : has("informal"),
    );
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
export function codesOf(content: ProfileUpdate): { esco: string[]; kldb: string[] } {
  const esco = new Set<string>();
  const kldb = new Set<string>();
  for (const c of content.competences ?? []) if (c.escoUri) esco.add(c.escoUri);
  for (const w of content.work ?? []) {
    if (w.escoOccupationUri) esco.add(w.escoOccupationUri);
    if (w.kldbCode) kldb.add(w.kldbCode);
  }
  return { esco: [...esco], kldb: [...kldb] };
}
