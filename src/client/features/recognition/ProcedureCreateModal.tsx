import { Group, Paper, Radio, Stack, Text } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "#client/api/client.ts";
import { ProblemAlert } from "#client/components/ProblemAlert.tsx";
import { RemoteSelect } from "#client/components/RemoteSelect.tsx";
import { FormActions } from "#client/forms/FormActions.tsx";
import { FormModal } from "#client/forms/FormModal.tsx";
import { errorOf, useSubmit } from "#client/forms/use-submit.ts";
import type { ProcedureCreate } from "#shared/contracts/recognition.ts";
import type { ResponseOf } from "#shared/contracts/route.ts";
import { recognitionRoutes } from "#shared/contracts/routes/recognition.ts";
import { bodiesLine, RecognitionInfo, RegulatedBadge } from "./OccupationRecognition.tsx";
import { type Authority, AuthoritySelect, LegalBasisSelect } from "./ProcedureFields.tsx";

export type Occupation = ResponseOf<typeof recognitionRoutes.occupations>["items"][number];

/** An occupation as an option: the KldB code first, so that counsellors who know it can type it. */
export const occupationOption = (o: { code: string; title: string }) => ({
  value: o.code,
  label: `${o.code} – ${o.title}`,
});
export const occupationSearch = (q: string) => (q.length >= 2 ? { query: { q } } : null);

/**
 * A found occupation in the picker's list: the everyday title that matched beside the KldB title
 * ("Krankenschwester → Berufe in der Gesundheits- und Krankenpflege …"), the code, whether it is
 * regulated and who is competent.
 */
export function OccupationOption({ o }: { o: Occupation }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2} py={2}>
      <Text size="sm" lang="de">
        {o.matched ? (
          <>
            <Text span fw={600} size="sm">
              {o.matched.label}
            </Text>
            {" → "}
          </>
        ) : null}
        {o.title}
      </Text>
      <Group gap="xs" wrap="wrap">
        <Text size="xs" c="dimmed">
          {t("recognition.procedure.kldb", { code: o.code })}
        </Text>
        <RegulatedBadge recognition={o.recognition} />
        {o.recognition.bodies.length > 0 ? (
          <Text size="xs" c="dimmed" lang="de">
            {bodiesLine(o.recognition)}
          </Text>
        ) : null}
      </Group>
    </Stack>
  );
}

type Props = {
  caseId: string;
  /** The qualification to open a procedure for; null closes the dialog. */
  qualificationId: string | null;
  onClose: () => void;
  onSaved: () => void;
};

/** Starts a recognition procedure of a qualification against a German reference occupation. */
export function ProcedureCreateModal({ caseId, qualificationId, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  return (
    <FormModal
      item={qualificationId}
      onClose={onClose}
      size="lg"
      title={t("recognition.procedure.startTitle")}
    >
      {qualificationId !== null ? (
        <ProcedureCreateForm
          key={qualificationId}
          caseId={caseId}
          qualificationId={qualificationId}
          onClose={onClose}
          onSaved={onSaved}
        />
      ) : null}
    </FormModal>
  );
}

function ProcedureCreateForm({
  caseId,
  qualificationId,
  onClose,
  onSaved,
}: Props & { qualificationId: string }) {
  const { t } = useTranslation();
  const [occupation, setOccupation] = useState<Occupation | null>(null);
  const [authority, setAuthority] = useState<Authority | null>(null);
  const [regulated, setRegulated] = useState("");
  const [legalBasis, setLegalBasis] = useState("");
  const { error, busy, run, fields } = useSubmit();
  const f = (k: string) => t(`recognition.procedure.fields.${k}`);

  /** Choosing an occupation presets what Lotse's list says; the counsellor can still change it. */
  const chooseOccupation = (o: Occupation | null) => {
    setOccupation(o);
    if (!o) return;
    setRegulated(o.recognition.regulated ? "yes" : "no");
    if (o.recognition.legalBasis) setLegalBasis(o.recognition.legalBasis);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = {
      qualificationId,
      caseId,
      referenceOccupationCode: occupation?.code,
      regulated: regulated === "" ? undefined : regulated === "yes",
      legalBasis: legalBasis === "" ? null : legalBasis,
      authorityOrganisationId: authority?.id ?? null,
    } as ProcedureCreate;
    if (await run(() => callApi(recognitionRoutes.openProcedure, { body }))) onSaved();
  };

  return (
    <form onSubmit={submit} noValidate>
      <ProblemAlert error={error} />
      <Stack>
        <RemoteSelect
          label={f("referenceOccupation")}
          description={t("recognition.procedure.occupationHint")}
          required
          error={errorOf(fields, "referenceOccupationCode")}
          route={recognitionRoutes.occupations}
          input={occupationSearch}
          toOption={occupationOption}
          selected={occupation ? occupationOption(occupation) : null}
          onChange={chooseOccupation}
          renderOption={(o) => <OccupationOption o={o} />}
        />
        <Text size="xs" c="dimmed">
          {t("occupations.escoAttribution")}
        </Text>
        {occupation ? (
          <Paper withBorder p="sm" radius="sm" aria-label={t("occupations.infoLabel")} component="section">
            {occupation.matched ? (
              <Text size="sm" mb={4} lang="de">
                {t("occupations.matchedAs", { label: occupation.matched.label })}
              </Text>
            ) : null}
            <RecognitionInfo recognition={occupation.recognition} />
          </Paper>
        ) : null}
        <Radio.Group
          label={f("regulated")}
          description={t("recognition.procedure.regulatedHint")}
          required
          value={regulated}
          onChange={setRegulated}
          error={errorOf(fields, "regulated")}
        >
          <Group mt="xs">
            <Radio value="yes" label={t("recognition.yes")} />
            <Radio value="no" label={t("recognition.no")} />
          </Group>
        </Radio.Group>
        <LegalBasisSelect
          label={f("legalBasis")}
          value={legalBasis}
          onChange={setLegalBasis}
          error={errorOf(fields, "legalBasis")}
        />
        <AuthoritySelect
          label={f("authority")}
          description={t("recognition.procedure.authorityHint")}
          value={authority}
          onChange={setAuthority}
          error={errorOf(fields, "authorityOrganisationId")}
        />
        <FormActions busy={busy} onCancel={onClose} submitLabel={t("recognition.procedure.start")} />
      </Stack>
    </form>
  );
}
