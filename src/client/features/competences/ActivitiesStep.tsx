import { Stack, Text, Textarea } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ProfileContent } from "#shared/contracts/competences.ts";
import { AddButton, ItemCard, SpecialCheckbox } from "./fields.tsx";
import { fieldError, newId, type PartProps, removeAt, replaceAt } from "./model.ts";

type Activity = ProfileContent["phases"][number]["activities"][number];

/** KomBI step 2: what the client did in each phase, in the client's words. */
export function ActivitiesStep({ value, onChange, errors }: PartProps<"phases">) {
  const { t } = useTranslation();
  if (value.length === 0) return <Text>{t("competenceProfile.activities.noPhases")}</Text>;
  const setActivities = (i: number, activities: Activity[]) => {
    const phase = value[i];
    if (phase) onChange(replaceAt(value, i, { ...phase, activities }));
  };
  return (
    <Stack gap="md">
      <Text c="dimmed">{t("competenceProfile.activities.intro")}</Text>
      {value.map((p, i) => {
        const phaseName = p.title || t("competenceProfile.phases.numbered", { n: i + 1 });
        return (
          <ItemCard key={p.id} title={`${t(`competenceProfile.phaseKinds.${p.kind}`)}: ${phaseName}`}>
            <Stack gap="sm">
              {p.activities.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t("competenceProfile.activities.none")}
                </Text>
              ) : null}
              {p.activities.map((a, j) => (
                <Stack key={a.id} gap={4}>
                  <Textarea
                    label={t("competenceProfile.activities.description", { n: j + 1, phase: phaseName })}
                    value={a.description}
                    required
                    autosize
                    minRows={2}
                    dir="auto"
                    error={fieldError(errors, `phases.${i}.activities.${j}.description`)}
                    onChange={(e) =>
                      setActivities(
                        i,
                        replaceAt(p.activities, j, { ...a, description: e.currentTarget.value }),
                      )
                    }
                  />
                  <SpecialCheckbox
                    checked={a.special}
                    onChange={(special) => setActivities(i, replaceAt(p.activities, j, { ...a, special }))}
                  />
                  <AddButton
                    label={t("competenceProfile.activities.remove", { n: j + 1, phase: phaseName })}
                    onClick={() => setActivities(i, removeAt(p.activities, j))}
                  />
                </Stack>
              ))}
              <AddButton
                label={t("competenceProfile.activities.add", { phase: phaseName })}
                onClick={() =>
                  setActivities(i, [...p.activities, { id: newId(), description: "", special: false }])
                }
              />
            </Stack>
          </ItemCard>
        );
      })}
    </Stack>
  );
}
