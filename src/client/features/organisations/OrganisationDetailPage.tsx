import { Anchor, Button, Group, Paper, Stack, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { Organisation } from "../../../shared/contracts/organisations.ts";
import { api } from "../../api/client.ts";
import { useApiQuery } from "../../api/use-api.ts";
import { Loading } from "../../components/Loading.tsx";
import { notifySuccess } from "../../components/notify.ts";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { StatusBadge } from "../../components/StatusBadge.tsx";
import { hasPermission, useRequiredSession } from "../../session/session-context.ts";
import { MembersPanel } from "../members/MembersPanel.tsx";
import { OffersPanel } from "../offers/OffersPanel.tsx";
import { OrganisationForm } from "./OrganisationForm.tsx";
import { OrganisationProfile } from "./OrganisationProfile.tsx";

/** One organisation of the network: profile, status, members and offers, for the network coordinator. */
export function OrganisationDetailPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const session = useRequiredSession();
  const org = useApiQuery<Organisation>(`/api/organisations/${encodeURIComponent(id)}`);
  const [editing, setEditing] = useState(false);

  const back = (
    <Anchor component={Link} to="/organisations" size="sm" display="block" mb="xs">
      {t("organisations.back")}
    </Anchor>
  );
  if (org.error) {
    return (
      <>
        {back}
        <PageTitle>{t("organisation.title")}</PageTitle>
        <ProblemAlert error={org.error} />
      </>
    );
  }
  if (!org.data) return <Loading />;
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
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="profile-heading">
        <Group justify="space-between" mb="md">
          <Title order={2} size="h3" id="profile-heading">
            {editing ? t("organisation.editTitle") : t("organisation.profileTitle")}
          </Title>
          {o.abilities.update && !editing ? (
            <Button variant="light" onClick={() => setEditing(true)}>
              {t("organisation.edit")}
            </Button>
          ) : null}
        </Group>
        {editing ? (
          <OrganisationForm
            organisation={o}
            withStatus={o.abilities.changeStatus}
            submitLabel={t("common.save")}
            onCancel={() => setEditing(false)}
            onSubmit={async (body) => {
              await api<Organisation>("PATCH", `/api/organisations/${o.id}`, body);
              notifySuccess(t("organisation.saved"));
              setEditing(false);
              org.reload();
            }}
          />
        ) : (
          <OrganisationProfile organisation={o} />
        )}
      </Paper>
      {o.abilities.manageMembers ? <MembersPanel organisationId={o.id} headingLevel={2} /> : null}
      {hasPermission(session, "offer.read") ? (
        <OffersPanel organisationId={o.id} manages={hasPermission(session, "offer.manage")} />
      ) : null}
    </Stack>
  );
}
