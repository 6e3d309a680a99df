import { Checkbox, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { countryName } from "#client/features/cases/labels.ts";
import { optionalNumber } from "#client/forms/use-submit.ts";
import { EDUCATION_KINDS } from "#shared/competences.ts";
import type { Profile, ProfileContent } from "#shared/contracts/competences.ts";
import { AddButton, CountrySelect, ItemCard, MonthInput } from "./fields.tsx";
import { fieldError, newId, type PartProps, removeAt, replaceAt, textOrNull } from "./model.ts";

type Education = ProfileContent["education"][number];

/** The foreign qualifications of the recognition module: shown here, kept there (no double entry). */
export function LinkedQualifications({ items }: { items: Profile["qualifications"] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="competence-qualifications">
      <Title order={3} size="h5" id="competence-qualifications" mb="xs">
        {t("competenceProfile.education.linked")}
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("competenceProfile.education.noLinked")}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={500}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("competenceProfile.education.title")}</Table.Th>
                <Table.Th>{t("competenceProfile.country")}</Table.Th>
                <Table.Th>{t("competenceProfile.education.year")}</Table.Th>
                <Table.Th>{t("competenceProfile.education.levels")}</Table.Th>
                <Table.Th>{t("competenceProfile.education.recognition")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((q) => (
                <Table.Tr key={q.id}>
                  <Table.Td>
                    <bdi>{q.originalTitle}</bdi>
                    {q.germanTitle ? (
                      <Text size="xs" lang="de">
                        {q.germanTitle}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{countryName(q.country)}</Table.Td>
                  <Table.Td>{q.year ?? "–"}</Table.Td>
                  <Table.Td>
                    {[
                      q.eqfLevel ? `EQF ${q.eqfLevel}` : null,
                      q.iscedLevel !== null ? `ISCED ${q.iscedLevel}` : null,
                    ]
                      .filter(Boolean)
                      .join(" · ") || "–"}
                  </Table.Td>
                  <Table.Td>{q.recognitionState ?? "–"}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}

const levelOptions = (max: number, min: number) => [
  { value: "", label: "–" },
  ...Array.from({ length: max - min + 1 }, (_, i) => ({ value: String(i + min), label: String(i + min) })),
];

/** Education and qualifications of the profile's own, and the recognition module's read only. */
export function EducationSection({ value, onChange, errors, profile }: PartProps<"education">) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<Education>) => {
    const e = value[i];
    if (e) onChange(replaceAt(value, i, { ...e, ...patch }));
  };
  const level = (v: string) => optionalNumber(v) as number | null;
  return (
    <Stack gap="md">
      <LinkedQualifications items={profile.qualifications} />
      <Title order={3} size="h5">
        {t("competenceProfile.education.own")}
      </Title>
      {value.length === 0 ? <Text size="sm">{t("competenceProfile.education.none")}</Text> : null}
      {value.map((e, i) => {
        const err = (f: string) => fieldError(errors, `education.${i}.${f}`);
        const name = e.title || t("competenceProfile.education.numbered", { n: i + 1 });
        return (
          <ItemCard key={e.id} title={name} onRemove={() => onChange(removeAt(value, i))}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <NativeSelect
                label={t("competenceProfile.education.kind")}
                value={e.kind}
                data={EDUCATION_KINDS.map((k) => ({
                  value: k,
                  label: t(`competenceProfile.educationKinds.${k}`),
                }))}
                onChange={(ev) => set(i, { kind: ev.currentTarget.value as Education["kind"] })}
              />
              <TextInput
                label={t("competenceProfile.education.title")}
                required
                dir="auto"
                value={e.title}
                error={err("title")}
                onChange={(ev) => set(i, { title: ev.currentTarget.value })}
              />
              <TextInput
                label={t("competenceProfile.education.institution")}
                dir="auto"
                value={e.institution ?? ""}
                error={err("institution")}
                onChange={(ev) => set(i, { institution: textOrNull(ev.currentTarget.value) })}
              />
              <CountrySelect
                label={t("competenceProfile.country")}
                value={e.country}
                error={err("country")}
                onChange={(country) => set(i, { country: country as Education["country"] })}
              />
              <MonthInput
                label={t("competenceProfile.from")}
                value={e.from}
                error={err("from")}
                onChange={(from) => set(i, { from })}
              />
              <MonthInput
                label={t("competenceProfile.toOpen")}
                value={e.to}
                error={err("to")}
                onChange={(to) => set(i, { to })}
              />
              <NativeSelect
                label={t("competenceProfile.education.eqf")}
                value={e.eqfLevel === null ? "" : String(e.eqfLevel)}
                data={levelOptions(8, 1)}
                error={err("eqfLevel")}
                onChange={(ev) => set(i, { eqfLevel: level(ev.currentTarget.value) })}
              />
              <NativeSelect
                label={t("competenceProfile.education.isced")}
                value={e.iscedLevel === null ? "" : String(e.iscedLevel)}
                data={levelOptions(8, 0)}
                error={err("iscedLevel")}
                onChange={(ev) => set(i, { iscedLevel: level(ev.currentTarget.value) })}
              />
            </SimpleGrid>
            <Checkbox
              mt="sm"
              label={t("competenceProfile.education.completed")}
              checked={e.completed}
              onChange={(ev) => set(i, { completed: ev.currentTarget.checked })}
            />
          </ItemCard>
        );
      })}
      <AddButton
        label={t("competenceProfile.education.add")}
        onClick={() =>
          onChange([
            ...value,
            {
              id: newId(),
              kind: "vocational",
              title: "",
              institution: null,
              country: null,
              from: null,
              to: null,
              completed: true,
              eqfLevel: null,
              iscedLevel: null,
            },
          ])
        }
      />
    </Stack>
  );
}
