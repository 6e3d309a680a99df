import type { Label } from "#shared/contracts/finder.ts";
import type { FinderLocale } from "#shared/directory.ts";
import { DISTRICTS } from "#shared/domain.ts";
import { type FinderCatalogue, finderResources } from "#shared/i18n/finder/index.ts";

const districtNames = new Map<string, string>(DISTRICTS.map((d) => [d.ags, d.name]));

/** Labels of Lotse's taxonomies (phases, offer types, target groups) and of languages in one locale. */
export type Labeller = {
  phase(code: number): Label;
  type(code: string | null): Label | null;
  targetGroup(code: string): Label;
  language(code: string): Label;
  district(ags: string | null): Label | null;
};

const cache = new Map<FinderLocale, Labeller>();

/** The finder catalogue's labels; a code without a label (an imported taxonomy) shows as itself. */
export function labeller(locale: FinderLocale): Labeller {
  const cached = cache.get(locale);
  if (cached) return cached;
  const c: FinderCatalogue = finderResources[locale];
  const names = new Intl.DisplayNames([locale, "de"], { type: "language", fallback: "code" });
  const pick = (group: Record<string, string>, code: string): Label => ({ code, label: group[code] ?? code });
  const made: Labeller = {
    phase: (code) => pick(c.phases, String(code)),
    type: (code) => (code ? pick(c.offerTypes, code) : null),
    targetGroup: (code) => pick(c.targetGroups, code),
    language: (code) => {
      let label = code;
      try {
        label = names.of(code) ?? code;
      } catch {
        // A malformed code from an import stays as it is.
      }
      return { code, label };
    },
    // District names are proper names: the same in every language.
    district: (ags) => (ags ? { code: ags, label: districtNames.get(ags) ?? ags } : null),
  };
  cache.set(locale, made);
  return made;
}
