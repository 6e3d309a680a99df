import type { z } from "zod";
import { errorOf } from "#client/forms/use-submit.ts";
import type { ProfileSection } from "#shared/competences.ts";
import type { CodeLabels, Profile, ProfileContent, ProfileUpdate } from "#shared/contracts/competences.ts";

/** The parts of a profile's document, in the order a save sends them. */
export const CONTENT_KEYS = [
  "step",
  "phases",
  "competences",
  "education",
  "work",
  "languages",
  "interests",
  "goals",
  "entrepreneurship",
] as const satisfies readonly (keyof ProfileContent)[];
export type ContentKey = (typeof CONTENT_KEYS)[number];

export type Labels = z.infer<typeof CodeLabels>;

/** The parts that differ from what was loaded: a save sends only these (ProfileUpdate replaces parts). */
export function changedParts(before: ProfileContent, after: ProfileContent): ProfileUpdate {
  const out: Record<string, unknown> = {};
  for (const key of CONTENT_KEYS) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) out[key] = after[key];
  }
  return out as ProfileUpdate;
}

/** The server's messages by field (`phases.2.to`), as `ApiError.fieldErrors()` gives them. */
export type FieldErrors = Record<string, string>;

/** The message for a field or anything below it. */
export const fieldError = (errors: FieldErrors, path: string) => errorOf(errors, path);

/** What a part of the editor gets: its value, how to change it, the server's messages, the profile. */
export type PartProps<K extends ContentKey> = {
  value: ProfileContent[K];
  onChange: (value: ProfileContent[K]) => void;
  errors: FieldErrors;
  profile: Profile;
};

/** A new item id, made in the browser as the contract asks. */
export const newId = () => crypto.randomUUID();

/** A list with one item replaced. */
export function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((x, i) => (i === index ? item : x));
}

/** A list without one item. */
export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

/** An ESCO or KldB code's label in German and English, "de / en" when they differ. */
export function codeLabel(labels: Labels, code: string | null | undefined): string | null {
  if (!code) return null;
  const l = labels[code];
  if (!l) return null;
  if (l.de && l.en && l.de !== l.en) return `${l.de} / ${l.en}`;
  return l.de ?? l.en;
}

/** Which section of the profile a part of the document belongs to (for the unsaved list). */
export const PART_SECTION: Record<Exclude<ContentKey, "step">, ProfileSection | "competences"> = {
  phases: "biography",
  competences: "competences",
  education: "education",
  work: "work",
  languages: "languages",
  interests: "interests",
  goals: "goals",
  entrepreneurship: "entrepreneurship",
};

/** An optional text as typed (the server trims): empty becomes null. Not trimmed here, or no space could be typed. */
export const textOrNull = (value: string): string | null => (value === "" ? null : value);

/**
 * What a changed part held, in words, for the list shown after a 412: the person sees what they had
 * typed and can enter it again on the current version.
 */
export function summarisePart(content: ProfileContent, key: ContentKey): string {
  const names = (items: readonly { title?: string; text?: string; description?: string }[]) =>
    items
      .map((i) => i.title ?? i.text ?? i.description ?? "")
      .filter(Boolean)
      .join("; ");
  switch (key) {
    case "step":
      return content.step;
    case "phases":
      return names(content.phases.flatMap((p) => [p, ...p.activities]));
    case "competences":
    case "education":
    case "work":
    case "interests":
    case "goals":
      return names(content[key]);
    case "languages":
      return [
        ...content.languages.motherTongues,
        ...content.languages.other.map(
          (l) =>
            `${l.language}: ${[l.listening, l.reading, l.spokenInteraction, l.spokenProduction, l.writing]
              .map((x) => x ?? "–")
              .join("/")}`,
        ),
      ].join("; ");
    case "entrepreneurship":
      return [
        content.entrepreneurship.businessIdea?.field,
        ...content.entrepreneurship.entreComp.map((e) => `${e.competence} ${e.level}`),
      ]
        .filter(Boolean)
        .join("; ");
  }
}
