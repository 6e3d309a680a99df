import { Box } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useApiQuery } from "#client/api/use-api.ts";
import { PageTitle } from "#client/components/PageTitle.tsx";
import { SsoPanel } from "#client/features/sso/SsoPanel.tsx";
import { RecordPending } from "#client/forms/RecordPending.tsx";
import { hasPermission, useRequiredSession } from "#client/session/session-context.ts";
import { organisationRoutes } from "#shared/contracts/routes/organisations.ts";
import { ProfilePanel } from "./ProfilePanel.tsx";

/** The profile of the organisation one acts for; admins may edit it. */
export function OwnOrganisationPage() {
  const { t } = useTranslation();
  const session = useRequiredSession();
  const id = session.active.organisationId;
  const org = useApiQuery(organisationRoutes.get, { params: { id } });

  if (org.error || !org.data) return <RecordPending query={org} title={t("organisation.title")} />;
  const o = org.data;

  return (
    <>
      <PageTitle dir="auto">{o.name}</PageTitle>
      <ProfilePanel organisation={o} onSaved={org.reload} />
      {hasPermission(session, "sso_provider.read") ? (
        <Box mt="lg">
          <SsoPanel organisationId={o.id} />
        </Box>
      ) : null}
    </>
  );
}
