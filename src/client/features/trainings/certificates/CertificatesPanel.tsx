import { Alert, Anchor, Button, Group, NativeSelect, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "#client/api/client.ts";
import { useApiQuery } from "#client/api/use-api.ts";
import { formatDate } from "#client/components/format.ts";
import { ListTable } from "#client/components/ListTable.tsx";
import { notifyError, notifySuccess } from "#client/components/notify.ts";
import { QueryView } from "#client/components/QueryView.tsx";
import { ToneBadge } from "#client/components/ToneBadge.tsx";
import { languageName } from "#client/features/offers/labels.ts";
import type { CohortPanelProps } from "#client/features/trainings/panel.ts";
import { FormModal } from "#client/forms/FormModal.tsx";
import { currentLocale } from "#client/i18n.ts";
import { pathOf } from "#shared/contracts/route.ts";
import { trainingCertificatesRoutes as routes } from "#shared/contracts/routes/trainings-certificates.ts";
import {
  type CertificateOverview,
  type CertificateRow,
  groupCode,
  type IssueResult,
} from "#shared/contracts/trainings-certificates.ts";
import {
  CERTIFICATE_REVOKE_REASONS,
  type CertificateRevokeReason,
  EVALUATION_LOCALES,
  type EvaluationLocale,
} from "#shared/trainings.ts";

/**
 * Certificates of attendance of a cohort: per participant the caller may see (all for those who run
 * it, the own organisation's for an admin, the own for a participant) the attended share, whether
 * the rule is met, the current certificate with its PDF and code, and revoked ones. The
 * coordination office issues for everyone at once and revokes.
 */
export function CertificatesPanel({ cohort }: CohortPanelProps) {
  const { t } = useTranslation();
  const query = useApiQuery(routes.list, { params: { cohortId: cohort.id } });
  const [result, setResult] = useState<IssueResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [revoking, setRevoking] = useState<CertificateRow | null>(null);
  const [lang, setLang] = useState<EvaluationLocale>(() => {
    const ui = currentLocale();
    return (EVALUATION_LOCALES as readonly string[]).includes(ui) ? (ui as EvaluationLocale) : "de";
  });

  const issue = async () => {
    setBusy(true);
    try {
      const r = await callApi(routes.issue, { params: { cohortId: cohort.id } });
      setResult(r);
      notifySuccess(
        t("trainings.certificates.issuedResult", {
          issued: r.issued.length,
          skipped: r.skipped.length,
          below: r.below.length,
        }),
      );
      query.reload();
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {t("trainings.certificates.title")}
      </Title>
      <QueryView query={query}>
        {(data) => (
          <>
            <Text size="sm" c="dimmed">
              {t("trainings.certificates.rule", { min: data.minAttendancePercent })}
            </Text>
            <Group gap="md" align="flex-end">
              {data.rows.some((r) => r.current) && (
                <NativeSelect
                  label={t("trainings.certificates.pdfLanguage")}
                  value={lang}
                  onChange={(e) => setLang(e.currentTarget.value as EvaluationLocale)}
                  data={EVALUATION_LOCALES.map((l) => ({ value: l, label: languageName(l) }))}
                />
              )}
              {data.canIssue && (
                <Button onClick={issue} loading={busy}>
                  {t("trainings.certificates.issueAll")}
                </Button>
              )}
              {data.canDownloadAll && data.rows.some((r) => r.current) && (
                <Anchor
                  href={pathOf(routes.cohortPdf, { params: { cohortId: cohort.id }, query: { lang } })}
                  download
                >
                  {t("trainings.certificates.downloadAll")}
                </Anchor>
              )}
            </Group>
            {result && (
              <Alert color="blue" role="status">
                <Text size="sm">
                  {t("trainings.certificates.issuedResult", {
                    issued: result.issued.length,
                    skipped: result.skipped.length,
                    below: result.below.length,
                  })}
                </Text>
                {result.below.length > 0 && (
                  <Text size="sm">
                    {t("trainings.certificates.below", {
                      names: result.below.map((b) => `${b.name} (${b.percent} %)`).join(", "),
                    })}
                  </Text>
                )}
              </Alert>
            )}
            <CertificateTable data={data} lang={lang} onRevoke={setRevoking} />
          </>
        )}
      </QueryView>
      <RevokeModal
        row={revoking}
        onClose={() => setRevoking(null)}
        onRevoked={() => {
          setRevoking(null);
          query.reload();
        }}
      />
    </Stack>
  );
}

function CertificateTable({
  data,
  lang,
  onRevoke,
}: {
  data: CertificateOverview;
  lang: EvaluationLocale;
  onRevoke: (r: CertificateRow) => void;
}) {
  const { t } = useTranslation();
  return (
    <ListTable
      empty={t("trainings.certificates.empty")}
      caption={t("trainings.certificates.title")}
      minWidth={760}
      rows={data.rows}
      rowKey={(r) => r.participantId}
      columns={[
        {
          header: t("trainings.certificates.columns.name"),
          cell: (r) => r.name,
          rowHeader: true,
          td: { dir: "auto" },
        },
        {
          header: t("trainings.certificates.columns.organisation"),
          cell: (r) => r.organisationName,
          td: { dir: "auto" },
        },
        {
          header: t("trainings.certificates.columns.share"),
          cell: (r) => (
            <>
              <Text size="sm" fw={600}>{`${r.percent} %`}</Text>
              <Text size="xs" c="dimmed">
                {t("trainings.certificates.attended", { attended: r.sessionsAttended, held: r.sessionsHeld })}
              </Text>
            </>
          ),
        },
        {
          header: t("trainings.certificates.columns.status"),
          cell: (r) => (
            <Stack gap={4} align="flex-start">
              <ToneBadge tone={r.eligible ? "green" : "gray"}>
                {r.eligible ? t("trainings.certificates.eligible") : t("trainings.certificates.notEligible")}
              </ToneBadge>
              {r.current && (
                <Text size="xs">
                  {t("trainings.certificates.issuedOn", { date: formatDate(r.current.issuedAt) })} ·{" "}
                  <span dir="ltr" translate="no">
                    {groupCode(r.current.code)}
                  </span>
                </Text>
              )}
              {r.revoked.map((v) => (
                <Text size="xs" c="red.8" key={v.id}>
                  {t("trainings.certificates.revokedOn", { date: formatDate(v.revokedAt) })} (
                  {t(`trainings.certificates.reasons.${v.reason}`)})
                </Text>
              ))}
            </Stack>
          ),
        },
        {
          header: t("trainings.certificates.columns.actions"),
          cell: (r) =>
            r.current && (
              <Group gap="sm" wrap="nowrap">
                <Anchor
                  href={pathOf(routes.pdf, { params: { certificateId: r.current.id }, query: { lang } })}
                  download
                  aria-label={`${t("trainings.certificates.download")}: ${r.name}`}
                >
                  {t("trainings.certificates.download")}
                </Anchor>
                {data.canIssue && (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    onClick={() => onRevoke(r)}
                    aria-label={t("trainings.certificates.revokeOf", { name: r.name })}
                  >
                    {t("trainings.certificates.revoke")}
                  </Button>
                )}
              </Group>
            ),
        },
      ]}
    />
  );
}

function RevokeModal({
  row,
  onClose,
  onRevoked,
}: {
  row: CertificateRow | null;
  onClose: () => void;
  onRevoked: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<CertificateRevokeReason>("issued_in_error");
  const [busy, setBusy] = useState(false);
  const certificateId = row?.current?.id;
  const submit = async () => {
    if (!certificateId) return;
    setBusy(true);
    try {
      await callApi(routes.revoke, { params: { certificateId }, body: { reason } });
      notifySuccess(t("trainings.certificates.revoked"));
      onRevoked();
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <FormModal item={row} onClose={onClose} title={t("trainings.certificates.revokeTitle")}>
      <Stack gap="md">
        {row && (
          <Text size="sm" dir="auto">
            {t("trainings.certificates.revokeOf", { name: row.name })}
          </Text>
        )}
        <NativeSelect
          label={t("trainings.certificates.reason")}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value as CertificateRevokeReason)}
          data={CERTIFICATE_REVOKE_REASONS.map((r) => ({
            value: r,
            label: t(`trainings.certificates.reasons.${r}`),
          }))}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("trainings.certificates.cancel")}
          </Button>
          <Button color="red.9" onClick={submit} loading={busy}>
            {t("trainings.certificates.confirmRevoke")}
          </Button>
        </Group>
      </Stack>
    </FormModal>
  );
}
