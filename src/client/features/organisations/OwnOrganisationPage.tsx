import { Button, Group, Paper, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Organisation } from "../../../shared/contracts/organisations.ts";
import { api } from "../../api/client.ts";
import { useApiQuery } from "../../api/use-api.ts";
import { Loading } from "../../components/Loading.tsx";
import { notifySuccess } from "../../components/notify.ts";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useRequiredSession } from "../../session/session-context.ts";
import { OrganisationForm } from "./OrganisationForm.tsx";
import { OrganisationProfile } from "./OrganisationProfile.tsx";

/** The profile of the organisation one acts for; admins may edit it. */
export function OwnOrganisationPage() {
  const { t } = useTranslation();
  const session = useRequiredSession();
  const id = session.active.organisationId;
  const org = useApiQuery<Organisation>(`/api/organisations/${id}`);
  const [editing, setEditing] = useState(false);

  if (org.error) {
    return (
      <>
        <PageTitle>{t("organisation.title")}</PageTitle>
        <ProblemAlert error={org.error} />
      </>
    );
  }
  if (!org.data) return <Loading />;
  const o = org.data;

  return (
    <>
      <PageTitle dir="auto">{o.name}</PageTitle>
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
              await api<Organisation>("PATCH", `/api/organisations/${id}`, body);
              notifySuccess(t("organisation.saved"));
              setEditing(false);
              org.reload();
            }}
          />
        ) : (
          <OrganisationProfile organisation={o} />
        )}
      </Paper>
    </>
  );
}
