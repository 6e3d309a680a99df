import { Alert, Button, DataList, List, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { useApiQuery } from "#client/api/use-api.ts";
import { DataRow } from "#client/components/DataRow.tsx";
import { formatDate, formatDay } from "#client/components/format.ts";
import { Loading } from "#client/components/Loading.tsx";
import { AuthCard } from "#client/features/auth/AuthCard.tsx";
import { currentLocale } from "#client/i18n.ts";
import { trainingCertificatesRoutes as routes } from "#shared/contracts/routes/trainings-certificates.ts";
import { groupCode, normaliseCode, type Verification } from "#shared/contracts/trainings-certificates.ts";

/**
 * The public verification page (`/verify/:code`, where the certificate's QR code leads): a valid
 * certificate shows what was issued to whom, a revoked one says so with the date, an unknown or
 * altered code is "not valid" and nothing else. A code can also be typed.
 */
export function VerifyPage() {
  const { t } = useTranslation();
  const { code = "" } = useParams();
  const navigate = useNavigate();
  const [typed, setTyped] = useState(code ? groupCode(normaliseCode(code)) : "");
  const query = useApiQuery(routes.verify, code ? { params: { code: normaliseCode(code) || "-" } } : null);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const next = normaliseCode(typed);
    if (next) navigate(`/verify/${encodeURIComponent(next)}`);
  };

  return (
    <AuthCard
      title={t("trainings.certificates.verify.title")}
      intro={t("trainings.certificates.verify.intro")}
    >
      <Stack gap="lg">
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="sm">
            <TextInput
              label={t("trainings.certificates.verify.code")}
              description={t("trainings.certificates.verify.codeHint")}
              value={typed}
              onChange={(e) => setTyped(e.currentTarget.value)}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              dir="ltr"
              maxLength={64}
              styles={{
                input: { fontFamily: "var(--mantine-font-family-monospace)", letterSpacing: "0.05em" },
              }}
            />
            <Button type="submit" disabled={normaliseCode(typed) === ""}>
              {t("trainings.certificates.verify.check")}
            </Button>
          </Stack>
        </form>
        <div aria-live="polite">
          {code && query.loading && !query.data ? <Loading /> : null}
          {query.error ? (
            <Alert color="gray" role="alert">
              {t("trainings.certificates.verify.failed")}
            </Alert>
          ) : null}
          {query.data && !query.loading ? <Outcome result={query.data} /> : null}
        </div>
      </Stack>
    </AuthCard>
  );
}

function Outcome({ result }: { result: Verification }) {
  const { t } = useTranslation();
  if (result.status === "invalid") {
    return (
      <Alert color="red" role="alert">
        <Text fw={600}>{t("trainings.certificates.verify.invalid")}</Text>
      </Alert>
    );
  }
  if (result.status === "revoked") {
    return (
      <Alert color="orange" role="alert">
        <Text fw={600}>
          {t("trainings.certificates.verify.revoked", { date: formatDate(result.revokedAt) })}
        </Text>
        <Text size="sm" dir="ltr" translate="no">
          {groupCode(result.code)}
        </Text>
      </Alert>
    );
  }
  const lang = currentLocale();
  const hours = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  const goalText = (g: (typeof result.goals)[number]) =>
    lang === "en" || lang === "ar" ? (g[lang] ?? g.de) : g.de;
  return (
    <Stack gap="sm">
      <Alert color="green" role="status">
        <Text fw={600}>{t("trainings.certificates.verify.valid")}</Text>
        <Text size="sm" dir="ltr" translate="no">
          {groupCode(result.code)}
        </Text>
      </Alert>
      <DataList>
        <DataRow label={t("trainings.certificates.verify.holder")}>
          <span dir="auto">{result.participantName}</span>
        </DataRow>
        {result.organisationName && (
          <DataRow label={t("trainings.certificates.verify.organisation")}>
            <span dir="auto">{result.organisationName}</span>
          </DataRow>
        )}
        <DataRow label={t("trainings.certificates.verify.programme")}>
          <span dir="auto">{result.programmeTitle}</span>
        </DataRow>
        <DataRow label={t("trainings.certificates.verify.cohort")}>
          <span dir="auto">{result.cohortTitle}</span>
        </DataRow>
        <DataRow label={t("trainings.certificates.verify.period")}>
          {`${formatDay(result.startsOn)} – ${formatDay(result.endsOn)}`}
        </DataRow>
        <DataRow label={t("trainings.certificates.verify.attendance")}>
          {t("trainings.certificates.verify.attendanceValue", {
            sessions: result.sessionsAttended,
            sessionsHeld: result.sessionsHeld,
            hours: hours.format(result.hoursAttended),
            hoursHeld: hours.format(result.hoursHeld),
          })}
        </DataRow>
        <DataRow label={t("trainings.certificates.verify.goals")} preLine={false}>
          <List size="sm" spacing={2}>
            {result.goals.map((g) => (
              <List.Item key={g.de}>
                <span dir="auto">{goalText(g)}</span>
              </List.Item>
            ))}
          </List>
        </DataRow>
        <DataRow label={t("trainings.certificates.verify.issuer")}>
          <span dir="auto">{result.issuerName}</span>
        </DataRow>
        <DataRow label={t("trainings.certificates.verify.issuedAt")}>{formatDate(result.issuedAt)}</DataRow>
      </DataList>
    </Stack>
  );
}
