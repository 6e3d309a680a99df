import { Checkbox, MultiSelect, NativeSelect, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { callApi } from "#client/api/client.ts";
import { useApiQuery } from "#client/api/use-api.ts";
import { orNull } from "#client/components/format.ts";
import { FormActions } from "#client/forms/FormActions.tsx";
import { FormProblem } from "#client/forms/FormProblem.tsx";
import { useForm } from "#client/forms/use-form.ts";
import { errorOf, optionalNumber } from "#client/forms/use-submit.ts";
import { trainingRoutes } from "#shared/contracts/routes/trainings.ts";
import type { CohortDetail, Programme } from "#shared/contracts/trainings.ts";
import { COHORT_STATUSES, type CohortStatus } from "#shared/trainings.ts";

type Props = {
  /** Null sets up a new cohort. */
  item: CohortDetail | null;
  programmes: Programme[];
  onClose: () => void;
  onSaved: (cohort: CohortDetail) => void;
  onReload?: () => void;
};

/** A cohort's dates, place, places and trainers: what the coordinator sets up in a minute. */
export function CohortForm({ item, programmes, onClose, onSaved, onReload }: Props) {
  const { t } = useTranslation();
  const trainers = useApiQuery(trainingRoutes.trainerCandidates);
  const { values, set, bind, error, busy, fields, onSubmit } = useForm(() => ({
    programmeId: item?.programmeId ?? programmes[0]?.id ?? "",
    title: item?.title ?? "",
    startsOn: item?.startsOn ?? "",
    endsOn: item?.endsOn ?? "",
    location: item?.location ?? "",
    online: item?.online ?? false,
    capacity: item ? String(item.capacity) : "14",
    registrationOpen: item?.registrationOpen ?? true,
    status: (item?.status ?? "planned") as CohortStatus,
    trainerIds: item?.trainers.map((tr) => tr.userId) ?? [],
  }));
  const f = (k: string) => t(`trainings.core.cohorts.${k}`);
  const send = async () => {
    const body = {
      ...values,
      location: orNull(values.location),
      capacity: optionalNumber(values.capacity) as number,
    };
    const saved = item
      ? await callApi(
          trainingRoutes.updateCohort,
          { params: { cohortId: item.id }, body },
          { ifMatch: item.version },
        )
      : await callApi(trainingRoutes.createCohort, { body });
    onSaved(saved);
  };
  return (
    <form onSubmit={onSubmit(send)} noValidate>
      <FormProblem error={error} onReload={onReload ? () => onReload() : undefined} />
      <Stack>
        <NativeSelect
          label={f("programme")}
          required
          disabled={item !== null}
          data={programmes.map((p) => ({ value: p.id, label: p.title }))}
          {...bind("programmeId")}
        />
        <TextInput label={f("title")} required {...bind("title")} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput type="date" label={f("startsOn")} required {...bind("startsOn")} />
          <TextInput type="date" label={f("endsOn")} required {...bind("endsOn")} />
        </SimpleGrid>
        <TextInput label={f("location")} {...bind("location")} />
        <Checkbox
          label={f("online")}
          checked={values.online}
          onChange={(e) => set("online", e.currentTarget.checked)}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={f("capacity")} required inputMode="numeric" {...bind("capacity")} />
          <NativeSelect
            label={f("status")}
            data={COHORT_STATUSES.map((s) => ({ value: s, label: t(`trainings.core.status.${s}`) }))}
            {...bind("status")}
          />
        </SimpleGrid>
        <MultiSelect
          label={f("trainers")}
          data={(trainers.data?.items ?? []).map((tr) => ({
            value: tr.userId,
            label: tr.organisationName ? `${tr.name} (${tr.organisationName})` : tr.name,
          }))}
          value={values.trainerIds}
          onChange={(v) => set("trainerIds", v)}
          error={errorOf(fields, "trainerIds")}
          searchable
          comboboxProps={{ withinPortal: true }}
        />
        <Checkbox
          label={f("registrationOpen")}
          checked={values.registrationOpen}
          onChange={(e) => set("registrationOpen", e.currentTarget.checked)}
        />
        <FormActions busy={busy} onCancel={onClose} />
      </Stack>
    </form>
  );
}
