import { Anchor, Group, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { organisationRoutes } from "../../../shared/contracts/routes/organisations.ts";
import { useApiQuery } from "../../api/use-api.ts";
import { PageTitle } from "../../components/PageTitle.tsx";
import { StatusBadge } from "../../components/StatusBadge.tsx";
import { RecordPending } from "../../forms/RecordPending.tsx";
import { hasPermission, useRequiredSession } from "../../session/session-context.ts";
import { MembersPanel } from "../members/MembersPanel.tsx";
import { OffersPanel } from "../offers/OffersPanel.tsx";
import { SsoPanel } from "../sso/SsoPanel.tsx";
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
