import {
  Checkbox,
  Group,
  MultiSelect,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useTranslation } from "react-i18next";
import { EVIDENCE_KINDS, LEARNING_CONTEXTS, RATINGS } from "#shared/competences.ts";
import type { ProfileContent } from "#shared/contracts/competences.ts";
import { EscoSelect } from "./EscoSelect.tsx";
import { AddButton, ItemCard, SpecialCheckbox } from "./fields.tsx";
import { fieldError, newId, type PartProps, removeAt, replaceAt } from "./model.ts";

type Competence = ProfileContent["competences"][number];

/** A rating 1–4 or none, as a native select (quick with the keyboard). */
function RatingSelect({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: number | null;
  onChange: (v: number | null) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={label}
      value={value === null ? "" : String(value)}
      error={error}
      data={[
        { value: "", label: t("competenceProfile.notRated") },
        ...RATINGS.map((r) => ({ value: String(r), label: t(`competenceProfile.ratings.${r}`) })),
      ]}
      onChange={(e) => onChange(e.currentTarget.value === "" ? null : Number(e.currentTarget.value))}
    />
  );
}

/** KomBI step 3: competences derived from the activities, coded to ESCO, with evidence and ratings. */
export function CompetencesStep({
  value,
  onChange,
  errors,
  profile,
  phases,
}: PartProps<"competences"> & { phases: ProfileContent["phases"] }) {
  const { t } = useTranslation();
  const activities = phases.flatMap((p) =>
    p.activities.map((a) => ({ value: a.id, label: `${p.title}: ${a.description}`.slice(0, 120) })),
  );
  const set = (i: number, patch: Partial<Competence>) => {
    const c = value[i];
    if (c) onChange(replaceAt(value, i, { ...c, ...patch }));
  };
  const add = () =>
    onChange([
      ...value,
      {
        id: newId(),
        title: "",
        escoUri: null,
        context: "informal",
        activityIds: [],
        evidence: [],
        clientRating: null,
        counsellorRating: null,
        special: false,
      },
    ]);
  return (
    <Stack gap="md">
      <Text c="dimmed">{t("competenceProfile.competences.intro")}</Text>
      {value.length === 0 ? <Text>{t("competenceProfile.competences.none")}</Text> : null}
      {value.map((c, i) => {
        const err = (f: string) => fieldError(errors, `competences.${i}.${f}`);
        const name = c.title || t("competenceProfile.competences.numbered", { n: i + 1 });
        return (
          <ItemCard key={c.id} title={name} onRemove={() => onChange(removeAt(value, i))}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t("competenceProfile.competences.title")}
                required
                value={c.title}
                dir="auto"
                error={err("title")}
                onChange={(e) => set(i, { title: e.currentTarget.value })}
              />
              <EscoSelect
                kind="skill"
                label={t("competenceProfile.competences.esco")}
                value={c.escoUri}
                labels={profile.labels}
                error={err("escoUri")}
                onChange={(concept) =>
                  set(i, {
                    escoUri: concept?.uri ?? null,
                    // The ESCO label names the competence unless the counsellor wrote one.
                    title: c.title || concept?.de || concept?.en || "",
                  })
                }
              />
              <NativeSelect
                label={t("competenceProfile.competences.context")}
                value={c.context}
                error={err("context")}
                data={LEARNING_CONTEXTS.map((k) => ({
                  value: k,
                  label: t(`competenceProfile.contexts.${k}`),
                }))}
                onChange={(e) => set(i, { context: e.currentTarget.value as Competence["context"] })}
              />
              <MultiSelect
                label={t("competenceProfile.competences.activities")}
                data={activities}
                value={c.activityIds}
                error={err("activityIds")}
                searchable
                onChange={(activityIds) => set(i, { activityIds })}
              />
              <RatingSelect
                label={t("competenceProfile.competences.clientRating")}
                value={c.clientRating}
                error={err("clientRating")}
                onChange={(clientRating) => set(i, { clientRating })}
              />
              <RatingSelect
                label={t("competenceProfile.competences.counsellorRating")}
                value={c.counsellorRating}
                error={err("counsellorRating")}
                onChange={(counsellorRating) => set(i, { counsellorRating })}
              />
            </SimpleGrid>
            <Checkbox.Group
              mt="sm"
              label={t("competenceProfile.competences.evidence")}
              error={err("evidence")}
              value={c.evidence.map((e) => e.kind)}
              onChange={(kinds) =>
                set(i, {
                  // Notes of evidence kept where the kind stays.
                  evidence: kinds.map(
                    (kind) =>
                      c.evidence.find((e) => e.kind === kind) ?? {
                        kind: kind as Competence["evidence"][number]["kind"],
                        note: null,
                      },
                  ),
                })
              }
            >
              <Group mt={4} gap="md">
                {EVIDENCE_KINDS.map((k) => (
                  <Checkbox key={k} value={k} label={t(`competenceProfile.evidenceKinds.${k}`)} />
                ))}
              </Group>
            </Checkbox.Group>
            <Stack mt="sm">
              <SpecialCheckbox checked={c.special} onChange={(special) => set(i, { special })} />
            </Stack>
          </ItemCard>
        );
      })}
      <AddButton label={t("competenceProfile.competences.add")} onClick={add} />
    </Stack>
  );
}
