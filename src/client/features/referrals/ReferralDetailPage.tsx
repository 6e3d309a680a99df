import { Alert, Anchor, DataList, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useApiQuery } from "#client/api/use-api.ts";
import { DataRow } from "#client/components/DataRow.tsx";
import { Guarded } from "#client/components/Forbidden.tsx";
import { formatDateTime } from "#client/components/format.ts";
import { PageTitle } from "#client/components/PageTitle.tsx";
import { ProblemAlert } from "#client/components/ProblemAlert.tsx";
import { RecordPending } from "#client/forms/RecordPending.tsx";
import type { Referral } from "#shared/contracts/referrals.ts";
import { referralRoutes } from "#shared/contracts/routes/referrals.ts";
import { outcomeText, ReferralDue, ReferralStateBadge } from "./labels.tsx";
import { ReferralHistory, ReferralThread } from "./ReferralActivity.tsx";
import { ReferralMoves } from "./ReferralMoves.tsx";
import { SharedValue } from "./SharedValue.tsx";

/** One referral: where it stands, what was shared, the moves the caller may make, thread and history. */
export function ReferralDetailPage() {
  return <Guarded permission="referral.read">{() => <ReferralView />}</Guarded>;
}

function ReferralView() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const referral = useApiQuery(referralRoutes.get, { params: { referralId: id } });
  const r = referral.data;
  const back =
    r?.side === "sender" && r.caseId ? (
      <Anchor component={Link} to={`/cases/${r.caseId}?tab=referrals`} mb="sm" display="inline-block">
        {t("referrals.backToCase")}
      </Anchor>
    ) : (
      <Anchor component={Link} to="/referrals" mb="sm" display="inline-block">
        {t("referrals.backToInbox")}
      </Anchor>
    );
  if (!r) return <RecordPending query={referral} title={t("referrals.detail.title")} back={back} />;

  return (
    <>
      {back}
      <PageTitle dir="auto">{r.offer.name}</PageTitle>
      <Group gap="md" mb="lg" wrap="wrap">
        <Text size="sm">
          <bdi>{r.from.name}</bdi> {t("referrals.arrow")} <bdi>{r.to.name}</bdi>
        </Text>
        <ReferralStateBadge state={r.state} />
        {r.overdue ? (
          <Text size="sm" fw={700} c="red.9">
            {t("referrals.overdue")}
          </Text>
        ) : null}
      </Group>
      {r.withoutInterface ? (
        <Alert color="yellow" variant="light" mb="md">
          {t("referrals.withoutInterface")}
        </Alert>
      ) : null}
      <ProblemAlert error={referral.error} />
      <Stack gap="lg">
        <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="referral-overview">
          <Title order={2} size="h3" id="referral-overview" mb="sm">
            {t("referrals.detail.overview")}
          </Title>
          <DataList withDivider labelWidth="200px">
            <DataRow label={t("referrals.fields.case")}>
              <span dir="ltr">{r.casePseudonym}</span>
            </DataRow>
            <DataRow label={t("referrals.fields.state")}>
              <ReferralStateBadge state={r.state} />
            </DataRow>
            <DataRow label={t("referrals.fields.outcome")}>{outcomeText(t, r)}</DataRow>
            <DataRow label={t("referrals.fields.sentAt")}>{formatDateTime(r.sentAt)}</DataRow>
            <DataRow label={t("referrals.fields.answerDue")}>
              <ReferralDue referral={r} which="answer" />
            </DataRow>
            <DataRow label={t("referrals.fields.completeDue")}>
              <ReferralDue referral={r} which="complete" />
            </DataRow>
            <DataRow label={t("referrals.fields.note")}>
              {r.note ? <div dir="auto">{r.note}</div> : "–"}
            </DataRow>
            {r.consentOverride ? (
              <DataRow label={t("referrals.fields.consent")}>{t("referrals.detail.consentOverride")}</DataRow>
            ) : null}
          </DataList>
          <ReferralMoves referral={r} onChanged={referral.reload} />
        </Paper>
        <SharedData referral={r} />
        <ReferralThread referralId={r.id} />
        {/* Keyed by the last change: each move adds an event, so the history loads again. */}
        <ReferralHistory key={r.updatedAt} referralId={r.id} />
      </Stack>
    </>
  );
}

/** The data that travelled with the referral, item by item, for the receiver; gone once the consent was withdrawn. */
function SharedData({ referral: r }: { referral: Referral }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="referral-data">
      <Title order={2} size="h3" id="referral-data" mb="sm">
        {t("referrals.detail.sharedData")}
      </Title>
      {r.sharedItems.length === 0 ? (
        <Text>{t("referrals.detail.noData")}</Text>
      ) : r.side === "sender" ? (
        // The sender has the values in the case; the referral only says which items went.
        <Text>
          {t("referrals.detail.sentItems", {
            list: r.sharedItems.map((item) => t(`referrals.dataItems.${item}`)).join(", "),
          })}
        </Text>
      ) : r.snapshot === null ? (
        <Text>{t("referrals.detail.snapshotRemoved")}</Text>
      ) : (
        <DataList withDivider labelWidth="200px">
          {r.sharedItems.map((item) => (
            <DataRow key={item} label={t(`referrals.dataItems.${item}`)}>
              <SharedValue item={item} value={r.snapshot?.[item]} />
            </DataRow>
          ))}
        </DataList>
      )}
    </Paper>
  );
}
