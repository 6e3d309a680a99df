import type { TFunction } from "i18next";
import { formatDay, orNull } from "#client/components/format.ts";
import type { UnsavedItem } from "#client/components/StaleVersionAlert.tsx";
import { languageName } from "#client/features/offers/labels.ts";
import { districtName } from "#client/features/organisations/OrganisationProfile.tsx";
import type { Client, ClientInput } from "#shared/contracts/clients.ts";
import { countryName } from "./labels.ts";

/** What the client form holds while it is edited: text for every field, as the inputs give it. */
export type ClientValues = {
  name: string;
  isPseudonym: boolean;
  dateOfBirth: string;
  email: string;
  phone: string;
  districtAgs: string;
  preferredLanguages: string[];
  countryOfOrigin: string;
  entryYear: string;
  qualificationCountry: string;
  gender: string;
  ageBand: string;
  residenceStatus: string;
  healthNote: string;
  religion: string;
  ethnicOrigin: string;
  /** Why the Art. 9 fields are needed, and their legal basis; the fields stay hidden until both are there. */
  specialPurpose: string;
  specialLegalBasis: string;
};

export const EMPTY_CLIENT: ClientValues = {
  name: "",
  isPseudonym: false,
  dateOfBirth: "",
  email: "",
  phone: "",
  districtAgs: "",
  preferredLanguages: [],
  countryOfOrigin: "",
  entryYear: "",
  qualificationCountry: "",
  gender: "",
  ageBand: "",
  residenceStatus: "",
  healthNote: "",
  religion: "",
  ethnicOrigin: "",
  specialPurpose: "",
  specialLegalBasis: "",
};

/** The form's values for a stored client record. */
export function clientValues(c: Client): ClientValues {
  return {
    name: c.name,
    isPseudonym: c.isPseudonym,
    dateOfBirth: c.dateOfBirth ?? "",
    email: c.email ?? "",
    phone: c.phone ?? "",
    districtAgs: c.districtAgs ?? "",
    preferredLanguages: c.preferredLanguages,
    countryOfOrigin: c.countryOfOrigin ?? "",
    entryYear: c.entryYear === null ? "" : String(c.entryYear),
    qualificationCountry: c.qualificationCountry ?? "",
    gender: c.gender ?? "",
    ageBand: c.ageBand ?? "",
    residenceStatus: c.special?.residenceStatus ?? "",
    healthNote: c.special?.healthNote ?? "",
    religion: c.special?.religion ?? "",
    ethnicOrigin: c.special?.ethnicOrigin ?? "",
    specialPurpose: c.special?.purpose ?? "",
    specialLegalBasis: c.special?.legalBasis ?? "",
  };
}

/**
 * The request body. Special categories are sent only by those who may see them: leaving them out
 * keeps what is stored, while sending empty ones would erase it.
 */
export function clientBody(v: ClientValues, withSpecial: boolean): ClientInput {
  const year = v.entryYear.trim();
  const body = {
    name: v.name.trim(),
    isPseudonym: v.isPseudonym,
    dateOfBirth: orNull(v.dateOfBirth),
    email: orNull(v.email),
    phone: orNull(v.phone),
    districtAgs: orNull(v.districtAgs),
    preferredLanguages: v.preferredLanguages,
    countryOfOrigin: orNull(v.countryOfOrigin),
    // A non-number goes to the server as it is, so that its message appears beside the field.
    entryYear: year === "" ? null : Number.isNaN(Number(year)) ? year : Number(year),
    qualificationCountry: orNull(v.qualificationCountry),
    gender: orNull(v.gender),
    ageBand: orNull(v.ageBand),
    ...(withSpecial
      ? {
          special: {
            residenceStatus: orNull(v.residenceStatus),
            healthNote: orNull(v.healthNote),
            religion: orNull(v.religion),
            ethnicOrigin: orNull(v.ethnicOrigin),
            purpose: orNull(v.specialPurpose),
            legalBasis: orNull(v.specialLegalBasis),
          },
        }
      : {}),
  };
  return body as ClientInput;
}

/** A field's value in words, for the list of unsaved input after a conflict. */
function display(t: TFunction, key: keyof ClientValues, v: ClientValues): string {
  const value = v[key];
  if (value === "" || (Array.isArray(value) && value.length === 0)) return "–";
  switch (key) {
    case "isPseudonym":
      return value ? t("clients.yes") : t("clients.no");
    case "dateOfBirth":
      return formatDay(v.dateOfBirth);
    case "districtAgs":
      return districtName(v.districtAgs);
    case "preferredLanguages":
      return v.preferredLanguages.map(languageName).join(", ");
    case "countryOfOrigin":
    case "qualificationCountry":
      return countryName(v[key]);
    case "gender":
      return t(`clients.genders.${v.gender}`);
    case "ageBand":
      return t(`clients.ageBands.${v.ageBand}`);
    case "residenceStatus":
      return t(`clients.residenceStatuses.${v.residenceStatus}`);
    case "specialLegalBasis":
      return t(`specialData.legalBases.${v.specialLegalBasis}`);
    default:
      return String(value);
  }
}

/** The fields the person changed in the form, with what they had entered. */
export function unsavedClientInput(t: TFunction, before: ClientValues, now: ClientValues): UnsavedItem[] {
  return (Object.keys(now) as (keyof ClientValues)[])
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(now[k]))
    .map((k) => ({ label: t(`clients.fields.${k}`), value: display(t, k, now) }));
}
