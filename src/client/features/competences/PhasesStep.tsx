import { NativeSelect, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PHASE_KINDS } from "#shared/competences.ts";
import type { ProfileContent } from "#shared/contracts/competences.ts";
import { AddButton, CountrySelect, ItemCard, MonthInput, SpecialCheckbox } from "./fields.tsx";
import { fieldError, newId, type PartProps, removeAt, replaceAt, textOrNull } from "./model.ts";

type Phase = ProfileContent["phases"][number];

/** KomBI step 1: the life and work phases on a timeline, the latest last. */
export function PhasesStep({ value, onChange, errors }: PartProps<"phases">) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<Phase>) => {
    const phase = value[i];
    if (phase) onChange(replaceAt(value, i, { ...phase, ...patch }));
  };
  const add = () =>
    onChange([
      ...value,
      {
        id: newId(),
        kind: "work",
        title: "",
        from: "",
        to: null,
        country: null,
        place: null,
        activities: [],
        special: false,
      },
    ]);
  return (
    <Stack gap="md">
      <Text c="dimmed">{t("competenceProfile.phases.intro")}</Text>
      {value.length === 0 ? <Text>{t("competenceProfile.phases.none")}</Text> : null}
      <Stack gap="md" component="ol" m={0} p={0} style={{ listStyle: "none" }}>
        {value.map((p, i) => {
          const err = (f: string) => fieldError(errors, `phases.${i}.${f}`);
          const name = p.title || t("competenceProfile.phases.numbered", { n: i + 1 });
          return (
            <li key={p.id}>
              <ItemCard title={name} onRemove={() => onChange(removeAt(value, i))}>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <NativeSelect
                    label={t("competenceProfile.phases.kind")}
                    value={p.kind}
                    data={PHASE_KINDS.map((k) => ({
                      value: k,
                      label: t(`competenceProfile.phaseKinds.${k}`),
                    }))}
                    onChange={(e) => set(i, { kind: e.currentTarget.value as Phase["kind"] })}
                    error={err("kind")}
                  />
                  <TextInput
                    label={t("competenceProfile.phases.title")}
                    required
                    value={p.title}
                    onChange={(e) => set(i, { title: e.currentTarget.value })}
                    error={err("title")}
                    dir="auto"
                  />
                  <MonthInput
                    label={t("competenceProfile.from")}
                    required
                    value={p.from || null}
                    onChange={(from) => set(i, { from: from ?? "" })}
                    error={err("from")}
                  />
                  <MonthInput
                    label={t("competenceProfile.toOpen")}
                    value={p.to}
                    onChange={(to) => set(i, { to })}
                    error={err("to")}
                  />
                  <CountrySelect
                    label={t("competenceProfile.country")}
                    value={p.country}
                    onChange={(country) => set(i, { country: country as Phase["country"] })}
                    error={err("country")}
                  />
                  <TextInput
                    label={t("competenceProfile.place")}
                    value={p.place ?? ""}
                    onChange={(e) => set(i, { place: textOrNull(e.currentTarget.value) })}
                    error={err("place")}
                    dir="auto"
                  />
                </SimpleGrid>
                <Stack mt="sm">
                  <SpecialCheckbox checked={p.special} onChange={(special) => set(i, { special })} />
                </Stack>
              </ItemCard>
            </li>
          );
        })}
      </Stack>
      <AddButton label={t("competenceProfile.phases.add")} onClick={add} />
    </Stack>
  );
}
