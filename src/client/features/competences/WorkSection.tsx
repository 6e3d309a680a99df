import { SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { RemoteSelect } from "#client/components/RemoteSelect.tsx";
import { occupationOption, occupationSearch } from "#client/features/recognition/ProcedureCreateModal.tsx";
import type { ProfileContent } from "#shared/contracts/competences.ts";
import { recognitionRoutes } from "#shared/contracts/routes/recognition.ts";
import { EscoSelect } from "./EscoSelect.tsx";
import { AddButton, CountrySelect, ItemCard, MonthInput } from "./fields.tsx";
import { fieldError, newId, type PartProps, removeAt, replaceAt, textOrNull } from "./model.ts";

type Work = ProfileContent["work"][number];

/** Work experience: the occupation coded to ESCO and to KldB 2010 side by side. */
export function WorkSection({ value, onChange, errors, profile }: PartProps<"work">) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<Work>) => {
    const w = value[i];
    if (w) onChange(replaceAt(value, i, { ...w, ...patch }));
  };
  return (
    <Stack gap="md">
      {value.length === 0 ? <Text>{t("competenceProfile.work.none")}</Text> : null}
      {value.map((w, i) => {
        const err = (f: string) => fieldError(errors, `work.${i}.${f}`);
        const name = w.title || t("competenceProfile.work.numbered", { n: i + 1 });
        const kldb = w.kldbCode
          ? {
              value: w.kldbCode,
              label: profile.labels[w.kldbCode]?.de
                ? `${w.kldbCode} – ${profile.labels[w.kldbCode]?.de}`
                : w.kldbCode,
            }
          : null;
        return (
          <ItemCard key={w.id} title={name} onRemove={() => onChange(removeAt(value, i))}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t("competenceProfile.work.title")}
                required
                dir="auto"
                value={w.title}
                error={err("title")}
                onChange={(e) => set(i, { title: e.currentTarget.value })}
              />
              <TextInput
                label={t("competenceProfile.work.employer")}
                dir="auto"
                value={w.employer ?? ""}
                error={err("employer")}
                onChange={(e) => set(i, { employer: textOrNull(e.currentTarget.value) })}
              />
              <EscoSelect
                kind="occupation"
                label={t("competenceProfile.work.esco")}
                value={w.escoOccupationUri}
                labels={profile.labels}
                error={err("escoOccupationUri")}
                onChange={(c) =>
                  set(i, {
                    escoOccupationUri: c?.uri ?? null,
                    // ESCO's mapping proposes the KldB occupation unless one is chosen already.
                    kldbCode: w.kldbCode ?? c?.kldb[0] ?? null,
                    title: w.title || c?.de || c?.en || "",
                  })
                }
              />
              <RemoteSelect
                label={t("competenceProfile.work.kldb")}
                error={err("kldbCode")}
                route={recognitionRoutes.occupations}
                input={occupationSearch}
                toOption={occupationOption}
                selected={kldb}
                onChange={(o) => set(i, { kldbCode: o?.code ?? null })}
              />
              <MonthInput
                label={t("competenceProfile.from")}
                required
                value={w.from || null}
                error={err("from")}
                onChange={(from) => set(i, { from: from ?? "" })}
              />
              <MonthInput
                label={t("competenceProfile.toOpen")}
                value={w.to}
                error={err("to")}
                onChange={(to) => set(i, { to })}
              />
              <CountrySelect
                label={t("competenceProfile.country")}
                value={w.country}
                error={err("country")}
                onChange={(country) => set(i, { country: country as Work["country"] })}
              />
            </SimpleGrid>
            <Textarea
              mt="sm"
              label={t("competenceProfile.work.tasks")}
              autosize
              minRows={2}
              dir="auto"
              value={w.tasks ?? ""}
              error={err("tasks")}
              onChange={(e) => set(i, { tasks: textOrNull(e.currentTarget.value) })}
            />
          </ItemCard>
        );
      })}
      <AddButton
        label={t("competenceProfile.work.add")}
        onClick={() =>
          onChange([
            ...value,
            {
              id: newId(),
              title: "",
              escoOccupationUri: null,
              kldbCode: null,
              employer: null,
              country: null,
              from: "",
              to: null,
              tasks: null,
            },
          ])
        }
      />
    </Stack>
  );
}
