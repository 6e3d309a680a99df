import { NativeSelect, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { type FormEvent, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "#client/api/client.ts";
import { orNull } from "#client/components/format.ts";
import { ProblemAlert } from "#client/components/ProblemAlert.tsx";
import { countryOptions } from "#client/features/cases/labels.ts";
import { FormActions } from "#client/forms/FormActions.tsx";
import { FormModal } from "#client/forms/FormModal.tsx";
import { useForm } from "#client/forms/use-form.ts";
import { errorOf, optionalNumber } from "#client/forms/use-submit.ts";
import type { Qualification, QualificationInput } from "#shared/contracts/recognition.ts";
import { recognitionRoutes } from "#shared/contracts/routes/recognition.ts";
import { ANABIN_STATUSES, DQR_LEVELS, ISCED_LEVELS } from "#shared/recognition.ts";

type Props = {
  clientId: string;
  /** "new" opens an empty form; null closes the dialog. */
  qualification: Qualification | "new" | null;
  onClose: () => void;
  onSaved: () => void;
};

/** Adds or edits a foreign qualification of the client in a dialog. */
export function QualificationModal({ clientId, qualification, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  return (
    <FormModal
      item={qualification}
      onClose={onClose}
      size="lg"
      title={
        qualification === "new"
          ? t("recognition.qualification.addTitle")
          : t("recognition.qualification.editTitle")
      }
    >
      {qualification !== null ? (
        <QualificationForm
          key={qualification === "new" ? "new" : qualification.id}
          clientId={clientId}
          qualification={qualification === "new" ? null : qualification}
          onClose={onClose}
          onSaved={onSaved}
        />
      ) : null}
    </FormModal>
  );
}

type Values = {
  originalTitle: string;
  germanTitle: string;
  country: string | null;
  institution: string;
  year: string;
  dqrLevel: string;
  iscedLevel: string;
  anabinStatus: string;
};

function QualificationForm({
  clientId,
  qualification: q,
  onClose,
  onSaved,
}: Omit<Props, "qualification"> & { qualification: Qualification | null }) {
  const { t } = useTranslation();
  const countries = useMemo(countryOptions, []);
  const { values, setValues, bind, error, busy, run, fields } = useForm<Values>({
    originalTitle: q?.originalTitle ?? "",
    germanTitle: q?.germanTitle ?? "",
    country: q?.country ?? null,
    institution: q?.institution ?? "",
    year: q?.year === null || q?.year === undefined ? "" : String(q.year),
    dqrLevel: q?.dqrLevel === null || q?.dqrLevel === undefined ? "" : String(q.dqrLevel),
    iscedLevel: q?.iscedLevel === null || q?.iscedLevel === undefined ? "" : String(q.iscedLevel),
    anabinStatus: q?.anabinStatus ?? "unknown",
  });
  const f = (k: string) => t(`recognition.qualification.fields.${k}`);
  const notGiven = { value: "", label: t("recognition.notGiven") };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = {
      originalTitle: values.originalTitle.trim(),
      germanTitle: orNull(values.germanTitle),
      country: values.country,
      institution: orNull(values.institution),
      year: optionalNumber(values.year),
      dqrLevel: optionalNumber(values.dqrLevel),
      iscedLevel: optionalNumber(values.iscedLevel),
      anabinStatus: values.anabinStatus,
    } as unknown as QualificationInput;
    const ok = await run(() =>
      q
        ? callApi(recognitionRoutes.updateQualification, { params: { qualificationId: q.id }, body })
        : callApi(recognitionRoutes.addQualification, { params: { clientId }, body }),
    );
    if (ok) onSaved();
  };

  return (
    <form onSubmit={submit} noValidate>
      <ProblemAlert error={error} />
      <Stack>
        <TextInput label={f("originalTitle")} required dir="auto" {...bind("originalTitle")} />
        <TextInput label={f("germanTitle")} lang="de" {...bind("germanTitle")} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={f("country")}
            required
            searchable
            data={countries}
            value={values.country}
            onChange={(country) => setValues((v) => ({ ...v, country }))}
            error={errorOf(fields, "country")}
            nothingFoundMessage={t("recognition.search.nothingFound")}
            maxDropdownHeight={280}
          />
          <TextInput label={f("institution")} dir="auto" {...bind("institution")} />
          <TextInput label={f("year")} inputMode="numeric" maxLength={4} dir="ltr" {...bind("year")} />
          <NativeSelect
            label={f("anabinStatus")}
            description={t("recognition.qualification.anabinHint")}
            data={ANABIN_STATUSES.map((s) => ({ value: s, label: t(`recognition.anabin.${s}`) }))}
            {...bind("anabinStatus")}
          />
          <NativeSelect
            label={f("dqrLevel")}
            data={[
              notGiven,
              ...DQR_LEVELS.map((l) => ({ value: String(l), label: t("recognition.level", { n: l }) })),
            ]}
            {...bind("dqrLevel")}
          />
          <NativeSelect
            label={f("iscedLevel")}
            data={[
              notGiven,
              ...ISCED_LEVELS.map((l) => ({ value: String(l), label: t("recognition.level", { n: l }) })),
            ]}
            {...bind("iscedLevel")}
          />
        </SimpleGrid>
        <FormActions busy={busy} onCancel={onClose} />
      </Stack>
    </form>
  );
}
