import { useId } from "react";
import { IQ_PHASES, OFFER_TYPES, TARGET_GROUPS } from "#shared/directory.ts";
import { DISTRICTS } from "#shared/domain.ts";
import { useFinder } from "./context.ts";
import type { Search } from "./url.ts";

/** Languages offers are most often given in, besides German; names come from the browser (Intl). */
const OFFER_LANGUAGES = [
  "ar",
  "bg",
  "de",
  "en",
  "es",
  "fa",
  "fr",
  "it",
  "ku",
  "pl",
  "ps",
  "ro",
  "ru",
  "so",
  "sq",
  "ti",
  "tr",
  "uk",
  "vi",
];

/** Every filter cleared; the words and the place stay. */
const NO_FILTERS: Partial<Search> = {
  type: "",
  district: "",
  language: "",
  phase: "",
  targetGroup: "",
  free: false,
};

type Props = {
  search: Search;
  counts: { ags: string; count: number }[] | undefined;
  onChange: (change: Partial<Search>) => void;
};

/** The filters: each applies at once, so none needs a button. */
export function Filters({ search, counts, onChange }: Props) {
  const { t, lang } = useFinder();
  const id = useId();
  const languageNames = new Intl.DisplayNames([lang, "de"], { type: "language" });
  const languages = OFFER_LANGUAGES.map((code) => ({ code, label: languageNames.of(code) ?? code })).sort(
    (a, b) => a.label.localeCompare(b.label, lang),
  );
  const count = (ags: string) => counts?.find((c) => c.ags === ags)?.count;

  const select = (
    name: "phase" | "type" | "district" | "language" | "targetGroup",
    options: { value: string; label: string }[],
  ) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{t(`filters.${name}`)}</label>
      <select
        id={`${id}-${name}`}
        value={search[name]}
        onChange={(e) => onChange({ [name]: e.target.value })}
      >
        <option value="">{t("search.any")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <fieldset className="filters">
      <legend>{t("search.filters")}</legend>
      <div className="filter-grid">
        {select(
          "type",
          OFFER_TYPES.map((v) => ({ value: v, label: t(`offerTypes.${v}`) })),
        )}
        {select(
          "district",
          DISTRICTS.map((d) => {
            const n = count(d.ags);
            return { value: d.ags, label: n === undefined ? d.name : `${d.name} (${n})` };
          }),
        )}
        {select(
          "language",
          languages.map((l) => ({ value: l.code, label: l.label })),
        )}
        {select(
          "phase",
          IQ_PHASES.map((p) => ({ value: String(p), label: `${p}. ${t(`phases.${p}`)}` })),
        )}
        {select(
          "targetGroup",
          TARGET_GROUPS.map((v) => ({ value: v, label: t(`targetGroups.${v}`) })),
        )}
        <div className="field field--check">
          <input
            id={`${id}-free`}
            type="checkbox"
            checked={search.free}
            onChange={(e) => onChange({ free: e.target.checked })}
          />
          <label htmlFor={`${id}-free`}>{t("filters.free")}</label>
        </div>
      </div>
      {/* Always there: a button that vanished on use would drop the keyboard focus. */}
      <button type="button" className="link-button" onClick={() => onChange(NO_FILTERS)}>
        {t("search.reset")}
      </button>
    </fieldset>
  );
}
