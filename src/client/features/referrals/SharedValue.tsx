import { Stack, Text } from "@mantine/core";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatDay } from "#client/components/format.ts";
import { countryName, phaseLabel } from "#client/features/cases/labels.ts";
import { languageName } from "#client/features/offers/labels.ts";
import type { ReferralDataItem } from "#shared/referrals.ts";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (v === null || v === undefined || v === "" ? "" : String(v));

/** "Label: value" pairs of a record, leaving out what is empty. */
function pairs(entries: [string, string][]): string {
  return entries
    .filter(([, v]) => v !== "")
    .map(([l, v]) => `${l}: ${v}`)
    .join(" · ");
}

/** One line of a shared qualification or recognition procedure, with the labels of the forms. */
function listLine(t: TFunction, item: ReferralDataItem, v: Obj): string {
  if (item === "qualifications") {
    const f = (k: string) => t(`recognition.qualification.fields.${k}`);
    return pairs([
      [f("originalTitle"), str(v.originalTitle)],
      [f("germanTitle"), str(v.germanTitle)],
      [f("institution"), str(v.institution)],
      [f("country"), v.country ? countryName(str(v.country)) : ""],
      [f("year"), str(v.year)],
      [f("dqrLevel"), str(v.dqrLevel)],
      [f("anabinStatus"), str(v.anabinStatus)],
    ]);
  }
  return pairs([
    [t("referrals.shared.referenceOccupation"), str(v.referenceOccupation)],
    [
      t("referrals.fields.state"),
      v.state ? t(`recognition.states.${str(v.state)}`, { defaultValue: str(v.state) }) : "",
    ],
    [
      t("referrals.shared.decision"),
      v.decision ? t(`recognition.decisions.${str(v.decision)}`, { defaultValue: str(v.decision) }) : "",
    ],
  ]);
}

/**
 * A shared data item as the receiver reads it: codes become words (countries, languages, states)
 * and every part carries the label it has in the sender's forms.
 */
export function SharedValue({ item, value }: { item: ReferralDataItem; value: unknown }): ReactNode {
  const { t } = useTranslation();
  if (value === null || value === undefined || value === "") return "–";
  const c = (k: string) => t(`clients.fields.${k}`);
  switch (item) {
    case "date_of_birth":
      return formatDay(str(value));
    case "languages":
      return Array.isArray(value) ? value.map((l) => languageName(str(l))).join(", ") : str(value);
    case "contact":
      return isObj(value) ? (
        <bdi>
          {pairs([
            [c("email"), str(value.email)],
            [c("phone"), str(value.phone)],
          ]) || "–"}
        </bdi>
      ) : (
        str(value)
      );
    case "origin":
      return isObj(value)
        ? pairs([
            [c("countryOfOrigin"), value.countryOfOrigin ? countryName(str(value.countryOfOrigin)) : ""],
            [c("entryYear"), str(value.entryYear)],
            [
              c("qualificationCountry"),
              value.qualificationCountry ? countryName(str(value.qualificationCountry)) : "",
            ],
          ]) || "–"
        : str(value);
    case "counselling_summary":
      return isObj(value) ? (
        <Stack gap={2}>
          {typeof value.phase === "number" ? <Text size="sm">{phaseLabel(t, value.phase)}</Text> : null}
          {value.goals ? (
            <Text size="sm" dir="auto">
              {t("cases.fields.goals")}: {str(value.goals)}
            </Text>
          ) : null}
        </Stack>
      ) : (
        str(value)
      );
    case "qualifications":
    case "recognition":
      if (!Array.isArray(value)) return str(value);
      if (value.length === 0) return t("referrals.shared.none");
      return (
        <Stack gap={2} component="ul" style={{ paddingInlineStart: "1.25rem", margin: 0 }}>
          {value.map((v, i) => (
            // The snapshot is a fixed copy: its order is its identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: static list
            <Text key={i} size="sm" component="li">
              <bdi>{isObj(v) ? listLine(t, item, v) : str(v)}</bdi>
            </Text>
          ))}
        </Stack>
      );
    default:
      return <bdi>{str(value)}</bdi>;
  }
}
