import { Anchor, Group, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useApiQuery } from "#client/api/use-api.ts";
import { PageTitle } from "#client/components/PageTitle.tsx";
import { StatusBadge } from "#client/components/StatusBadge.tsx";
import { MembersPanel } from "#client/features/members/MembersPanel.tsx";
import { OffersPanel } from "#client/features/offers/OffersPanel.tsx";
import { SsoPanel } from "#client/features/sso/SsoPanel.tsx";
import { RecordPending } from "#client/forms/RecordPending.tsx";
import { hasPermission, useRequiredSession } from "#client/session/session-context.ts";
import { organisationRoutes } from "#shared/contracts/routes/organisations.ts";
import { ProfilePanel } from "./ProfilePanel.tsx";

/** One organisation of the network: profile, status, members and offers, for the network coordinator. */
export function OrganisationDetailPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const session = useRequiredSession();
  const org = useApiQuery(organisationRoutes.get, { params: { id } });

  const back = (
    <Anchor component={Link} to="/organisations" size="sm" display="block" mb="xs">
      {t("organisations.back")}
    </Anchor>
  );
  if (org.error || !org.data)
    return <RecordPending query={org} title={t("organisation.title")} back={back} />;
  const o = org.data;

  return (
    <Stack gap="lg">
      <div>
        {back}
        <Group gap="sm" align="center">
          <PageTitle dir="auto">{o.name}</PageTitle>
          <StatusBadge kind="organisation" status={o.status} />
        </Group>
      </div>
      <ProfilePanel organisation={o} onSaved={org.reload} />
      {hasPermission(session, "sso_provider.read") ? <SsoPanel organisationId={o.id} /> : null}
      {o.abilities.manageMembers ? <MembersPanel organisationId={o.id} headingLevel={2} /> : null}
      {hasPermission(session, "offer.read") ? (
        <OffersPanel organisationId={o.id} manages={hasPermission(session, "offer.manage")} />
      ) : null}
    </Stack>
  );
}
