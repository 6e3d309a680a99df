import type { TFunction } from "i18next";
import { districtName } from "#client/features/organisations/OrganisationProfile.tsx";
import { currentLocale } from "#client/i18n.ts";
import { ISO_639_1 } from "#shared/languages.ts";

/** A language's name in the interface language, from the browser's own ISO 639 names. */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([currentLocale()], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Every ISO 639-1 language as select options, sorted by name in the interface language. */
export function languageOptions(): { value: string; label: string }[] {
  const collator = new Intl.Collator(currentLocale());
  return ISO_639_1.map((code) => ({ value: code, label: `${languageName(code)} (${code})` })).sort((a, b) =>
    collator.compare(a.label, b.label),
  );
}

/** The label of a history field: translated where the form has one, else the raw name. */
export function fieldLabel(t: TFunction, field: string): string {
  const translation = /^translations\.([a-z]{2,3})\.(name|description)$/.exec(field);
  if (translation?.[1] && translation[2]) {
    return t(`offerTranslations.${translation[2]}`, { language: languageName(translation[1]) });
  }
  const contact: Record<string, string> = {
    "contact.person": "contactPerson",
    "contact.phone": "contactPhone",
    "contact.email": "contactEmail",
  };
  const key = contact[field] ?? field;
  const label = t(`offers.fields.${key}`, { defaultValue: "" });
  return label || field;
}

/** A history value in words: codes of known lists become their labels. */
export function displayValue(t: TFunction, field: string, text: string): string {
  if (text === "") return "–";
  const each = (fn: (code: string) => string) =>
    text
      .split(", ")
      .map((c) => fn(c))
      .join(", ");
  switch (field) {
    case "status":
      return t(`directory.statuses.${text}`);
    case "offerType":
      return t(`directory.offerTypes.${text}`);
    case "fundingRoute":
      return t(`directory.fundingRoutes.${text}`);
    case "phases":
      return each((n) => t("directory.phaseNumber", { n }));
    case "targetGroups":
      return each((c) => t(`directory.targetGroups.${c}`));
    case "districts":
      return each((c) => districtName(c));
    case "languages":
      return each(languageName);
    case "freeOfCharge":
      return t(`directory.freeOfCharge.${text === "true" ? "yes" : "no"}`);
    default:
      return text;
  }
}
