import { Alert, Anchor, Paper, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useApiQuery } from "#client/api/use-api.ts";
import { Guarded } from "#client/components/Forbidden.tsx";
import { formatDateTime } from "#client/components/format.ts";
import { PageTitle } from "#client/components/PageTitle.tsx";
import { RecordPending } from "#client/forms/RecordPending.tsx";
import { competenceRoutes } from "#shared/contracts/routes/competences.ts";
import { SectionsView } from "./SectionsView.tsx";

/** A profile shared with the caller: exactly the shared sections, as they were when shared. */
export function ReceivedSharePage() {
  return <Guarded permission="competence_share.read">{() => <ReceivedShare />}</Guarded>;
}

function ReceivedShare() {
  const { t } = useTranslation();
  const { shareId = "" } = useParams();
  const share = useApiQuery(competenceRoutes.receivedOne, { params: { shareId } });
  const back = (
    <Anchor component={Link} to="/competences/shared" mb="sm" display="inline-block">
      {t("competenceProfile.received.back")}
    </Anchor>
  );
  if (!share.data) {
    // An ended share (revoked, or the consent withdrawn) is not found: say so in words a recipient understands.
    if (share.error?.status === 404) {
      return (
        <>
          {back}
          <PageTitle>{t("competenceProfile.received.goneTitle")}</PageTitle>
          <Alert color="gray" variant="light" role="alert">
            {t("competenceProfile.received.gone")}
          </Alert>
        </>
      );
    }
    return <RecordPending query={share} title={t("competenceProfile.received.shareTitle")} back={back} />;
  }
  const s = share.data;
  return (
    <>
      {back}
      <PageTitle dir="auto">{t("competenceProfile.titleOf", { name: s.clientName })}</PageTitle>
      <Text size="sm" mb="md">
        {t("competenceProfile.received.sharedBy", {
          organisation: s.senderOrganisationName,
          at: formatDateTime(s.sharedAt),
        })}
      </Text>
      <Paper withBorder p="lg" radius="md">
        <SectionsView
          content={s.content}
          sections={s.sections}
          labels={s.labels}
          qualifications={s.qualifications}
        />
      </Paper>
    </>
  );
}
