import { Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { RemoteSelect } from "#client/components/RemoteSelect.tsx";
import { currentLocale } from "#client/i18n.ts";
import type { ResponseOf } from "#shared/contracts/route.ts";
import { competenceRoutes } from "#shared/contracts/routes/competences.ts";
import { codeLabel, type Labels } from "./model.ts";

export type EscoConcept = ResponseOf<typeof competenceRoutes.escoSkills>["items"][number];

// Counsellors type German in every interface language but English, where ESCO's English labels help.
const escoLang = (): "de" | "en" => (currentLocale() === "en" ? "en" : "de");
const search = (q: string) => (q.length >= 3 ? { query: { q, lang: escoLang(), limit: 15 } } : null);
const option = (c: EscoConcept) => ({ value: c.uri, label: c.de ?? c.en ?? c.uri });

/** A found concept: the German and English labels, and the alternative label the search matched. */
function ConceptOption({ c }: { c: EscoConcept }) {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="sm" lang="de">
        {c.de ?? "–"}
      </Text>
      <Text size="xs" c="dimmed" lang="en">
        {c.en ?? "–"}
      </Text>
      {c.matched ? (
        <Text size="xs" c="dimmed">
          {t("competenceProfile.esco.matched", { label: c.matched })}
        </Text>
      ) : null}
      {c.kldb.length > 0 ? (
        <Text size="xs" c="dimmed" dir="ltr">
          KldB {c.kldb.join(", ")}
        </Text>
      ) : null}
    </div>
  );
}

type Props = {
  kind: "skill" | "occupation";
  label: string;
  value: string | null;
  labels: Labels;
  error?: string;
  onChange: (concept: EscoConcept | null) => void;
};

/** ESCO search (German stemming, typo tolerant) for a skill or an occupation, showing both languages. */
export function EscoSelect({ kind, label, value, labels, error, onChange }: Props) {
  const { t } = useTranslation();
  // A concept picked now has no label in the profile yet: keep the found one for the field.
  const [picked, setPicked] = useState<EscoConcept | null>(null);
  const selected =
    value === null
      ? null
      : picked?.uri === value
        ? option(picked)
        : { value, label: labels[value]?.de ?? labels[value]?.en ?? value };
  const shown = value ? codeLabel(labels, value) : null;
  return (
    <div>
      <RemoteSelect
        label={label}
        description={t("competenceProfile.esco.hint")}
        error={error}
        route={kind === "skill" ? competenceRoutes.escoSkills : competenceRoutes.escoOccupations}
        input={search}
        toOption={option}
        selected={selected}
        onChange={(c) => {
          setPicked(c);
          onChange(c);
        }}
        renderOption={(c) => <ConceptOption c={c} />}
      />
      {value ? (
        <Text size="xs" c="dimmed" mt={4}>
          {picked?.uri === value ? `${picked.de ?? "–"} / ${picked.en ?? "–"}` : (shown ?? value)}
        </Text>
      ) : null}
    </div>
  );
}
