import {
  Group,
  MultiSelect,
  NativeSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { languageName, languageOptions } from "#client/features/offers/labels.ts";
import { CEFR_LEVELS, LANGUAGE_CERTIFICATES } from "#shared/competences.ts";
import type { ProfileContent } from "#shared/contracts/competences.ts";
import { AddButton, ItemCard } from "./fields.tsx";
import { fieldError, type PartProps, removeAt, replaceAt, textOrNull } from "./model.ts";

type Skill = ProfileContent["languages"]["other"][number];
type Certificate = Skill["certificates"][number];

/** The five skills of the CEFR self-assessment grid, as the document names them. */
export const CEFR_FIELDS = [
  "listening",
  "reading",
  "spokenInteraction",
  "spokenProduction",
  "writing",
] as const;

const levels = (t: (k: string) => string) => [
  { value: "", label: t("competenceProfile.languages.noLevel") },
  ...CEFR_LEVELS.map((l) => ({ value: l, label: l })),
];

function Certificates({
  skill,
  onChange,
  errorAt,
}: {
  skill: Skill;
  onChange: (list: Certificate[]) => void;
  errorAt: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const lang = languageName(skill.language);
  const set = (i: number, patch: Partial<Certificate>) => {
    const c = skill.certificates[i];
    if (c) onChange(replaceAt(skill.certificates, i, { ...c, ...patch }));
  };
  return (
    <Stack gap="xs" mt="sm">
      <Title order={5} size="h6">
        {t("competenceProfile.languages.certificates", { language: lang })}
      </Title>
      {skill.certificates.map((c, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: certificates have no id in the contract
        <Group key={i} align="flex-end" gap="sm" wrap="wrap">
          <NativeSelect
            label={t("competenceProfile.languages.certificateKind")}
            value={c.kind}
            data={LANGUAGE_CERTIFICATES.map((k) => ({
              value: k,
              label: t(`competenceProfile.certificates.${k}`),
            }))}
            onChange={(e) => set(i, { kind: e.currentTarget.value as Certificate["kind"] })}
          />
          <TextInput
            label={t("competenceProfile.languages.certificateName")}
            value={c.name ?? ""}
            error={errorAt(`certificates.${i}.name`)}
            onChange={(e) => set(i, { name: textOrNull(e.currentTarget.value) })}
          />
          <NativeSelect
            label={t("competenceProfile.languages.certificateLevel")}
            value={c.level ?? ""}
            data={levels(t)}
            error={errorAt(`certificates.${i}.level`)}
            onChange={(e) => set(i, { level: (e.currentTarget.value || null) as Certificate["level"] })}
          />
          <TextInput
            type="date"
            dir="ltr"
            label={t("competenceProfile.languages.certificateDate")}
            value={c.date ?? ""}
            error={errorAt(`certificates.${i}.date`)}
            onChange={(e) => set(i, { date: e.currentTarget.value || null })}
          />
          <AddButton
            label={t("competenceProfile.languages.removeCertificate", { n: i + 1, language: lang })}
            onClick={() => onChange(removeAt(skill.certificates, i))}
          />
        </Group>
      ))}
      <AddButton
        label={t("competenceProfile.languages.addCertificate", { language: lang })}
        onClick={() =>
          onChange([...skill.certificates, { kind: "telc", name: null, level: null, date: null }])
        }
      />
    </Stack>
  );
}

/** Languages: mother tongues, and per further language the CEFR grid and the certificates. */
export function LanguagesSection({ value, onChange, errors }: PartProps<"languages">) {
  const { t } = useTranslation();
  const options = useMemo(() => languageOptions(), []);
  const setSkill = (i: number, patch: Partial<Skill>) => {
    const s = value.other[i];
    if (s) onChange({ ...value, other: replaceAt(value.other, i, { ...s, ...patch }) });
  };
  const used = new Set(value.other.map((o) => o.language));
  return (
    <Stack gap="md">
      <MultiSelect
        label={t("competenceProfile.languages.motherTongues")}
        data={options}
        value={value.motherTongues}
        searchable
        maxValues={5}
        error={fieldError(errors, "languages.motherTongues")}
        onChange={(motherTongues) =>
          onChange({ ...value, motherTongues: motherTongues as typeof value.motherTongues })
        }
      />
      <Title order={3} size="h5">
        {t("competenceProfile.languages.other")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("competenceProfile.languages.cefrHint")}
      </Text>
      {value.other.map((s, i) => {
        const errorAt = (f: string) => fieldError(errors, `languages.other.${i}.${f}`);
        const lang = languageName(s.language);
        return (
          <ItemCard
            // biome-ignore lint/suspicious/noArrayIndexKey: the contract gives languages no id, and keying by the language would remount the card while its language is changed
            key={i}
            title={lang}
            onRemove={() => onChange({ ...value, other: removeAt(value.other, i) })}
          >
            <Select
              label={t("competenceProfile.languages.language")}
              data={options}
              value={s.language}
              searchable
              allowDeselect={false}
              error={errorAt("language")}
              onChange={(language) => language && setSkill(i, { language: language as Skill["language"] })}
            />
            <SimpleGrid
              cols={{ base: 2, sm: 5 }}
              spacing="sm"
              mt="sm"
              role="group"
              aria-label={t("competenceProfile.languages.grid", { language: lang })}
            >
              {CEFR_FIELDS.map((f) => (
                <NativeSelect
                  key={f}
                  label={t("competenceProfile.languages.skillOf", {
                    skill: t(`competenceProfile.cefrSkills.${f}`),
                    language: lang,
                  })}
                  value={s[f] ?? ""}
                  data={levels(t)}
                  error={errorAt(f)}
                  onChange={(e) => setSkill(i, { [f]: e.currentTarget.value || null })}
                />
              ))}
            </SimpleGrid>
            <Certificates
              skill={s}
              errorAt={errorAt}
              onChange={(certificates) => setSkill(i, { certificates })}
            />
          </ItemCard>
        );
      })}
      <AddButton
        label={t("competenceProfile.languages.add")}
        onClick={() =>
          onChange({
            ...value,
            other: [
              ...value.other,
              {
                language: (["de", "en", "fr"].find((l) => !used.has(l as Skill["language"])) ??
                  "de") as Skill["language"],
                listening: null,
                reading: null,
                spokenInteraction: null,
                spokenProduction: null,
                writing: null,
                certificates: [],
              },
            ],
          })
        }
      />
    </Stack>
  );
}
