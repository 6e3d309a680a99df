import { ActionIcon, Button, Fieldset, Group, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { callApi } from "#client/api/client.ts";
import { FormActions } from "#client/forms/FormActions.tsx";
import { FormProblem } from "#client/forms/FormProblem.tsx";
import { useForm } from "#client/forms/use-form.ts";
import { errorOf, optionalNumber } from "#client/forms/use-submit.ts";
import { trainingRoutes } from "#shared/contracts/routes/trainings.ts";
import type { Programme } from "#shared/contracts/trainings.ts";

type Goal = { id?: string; de: string; en: string; ar: string };
type Props = { item: Programme | null; onClose: () => void; onSaved: () => void };

/** A programme: description, target groups, format, certificate rule, learning goals in de/en/ar. */
export function ProgrammeForm({ item, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { values, set, bind, error, busy, fields, onSubmit } = useForm(() => ({
    title: item?.title ?? "",
    description: item?.description ?? "",
    targetGroups: item?.targetGroups ?? "",
    modules: item ? String(item.modules) : "",
    hours: item ? String(item.hours) : "",
    minAttendancePercent: item ? String(item.minAttendancePercent) : "80",
    goals: (item?.goals.map((g) => ({
      id: g.id,
      de: g.text.de,
      en: g.text.en ?? "",
      ar: g.text.ar ?? "",
    })) ?? [{ de: "", en: "", ar: "" }]) as Goal[],
  }));
  const f = (k: string, o: Record<string, unknown> = {}) => t(`trainings.core.programmes.${k}`, o);
  const setGoal = (i: number, key: "de" | "en" | "ar", value: string) =>
    set(
      "goals",
      values.goals.map((g, j) => (j === i ? { ...g, [key]: value } : g)),
    );
  const send = async () => {
    const body = {
      title: values.title,
      description: values.description,
      targetGroups: values.targetGroups,
      modules: optionalNumber(values.modules) as number,
      hours: optionalNumber(values.hours) as number,
      minAttendancePercent: optionalNumber(values.minAttendancePercent) as number,
      goals: values.goals.map((g) => ({
        ...(g.id ? { id: g.id } : {}),
        text: { de: g.de, ...(g.en.trim() ? { en: g.en } : {}), ...(g.ar.trim() ? { ar: g.ar } : {}) },
      })),
    };
    if (item)
      await callApi(
        trainingRoutes.updateProgramme,
        { params: { programmeId: item.id }, body },
        { ifMatch: item.version },
      );
    else await callApi(trainingRoutes.createProgramme, { body });
    onSaved();
  };
  return (
    <form onSubmit={onSubmit(send)} noValidate>
      <FormProblem error={error} />
      <Stack>
        <TextInput label={f("title")} required {...bind("title")} />
        <Textarea label={f("description")} autosize minRows={2} {...bind("description")} />
        <TextInput label={f("targetGroups")} {...bind("targetGroups")} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={f("modules")} required inputMode="numeric" {...bind("modules")} />
          <TextInput label={f("hours")} required inputMode="numeric" {...bind("hours")} />
          <TextInput
            label={f("minAttendancePercent")}
            inputMode="numeric"
            {...bind("minAttendancePercent")}
          />
        </SimpleGrid>
        {values.goals.map((g, i) => {
          const n = i + 1;
          return (
            <Fieldset key={g.id ?? `new-${i}`} legend={`${f("goals")} ${n}`}>
              <Stack gap="xs">
                <Textarea
                  label={f("goalDe", { n })}
                  required
                  autosize
                  value={g.de}
                  onChange={(e) => setGoal(i, "de", e.currentTarget.value)}
                  error={errorOf(fields, `goals.${i}`)}
                />
                <Textarea
                  label={f("goalEn", { n })}
                  autosize
                  value={g.en}
                  onChange={(e) => setGoal(i, "en", e.currentTarget.value)}
                />
                <Textarea
                  label={f("goalAr", { n })}
                  autosize
                  dir="rtl"
                  lang="ar"
                  value={g.ar}
                  onChange={(e) => setGoal(i, "ar", e.currentTarget.value)}
                />
                {values.goals.length > 1 ? (
                  <Group justify="flex-end">
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={f("removeGoal", { n })}
                      onClick={() =>
                        set(
                          "goals",
                          values.goals.filter((_, j) => j !== i),
                        )
                      }
                    >
                      ×
                    </ActionIcon>
                  </Group>
                ) : null}
              </Stack>
            </Fieldset>
          );
        })}
        <Group>
          <Button variant="light" onClick={() => set("goals", [...values.goals, { de: "", en: "", ar: "" }])}>
            {f("addGoal")}
          </Button>
        </Group>
        <FormActions busy={busy} onCancel={onClose} />
      </Stack>
    </form>
  );
}
