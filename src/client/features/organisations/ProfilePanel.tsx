import { Button, Group, Paper, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Organisation } from "../../../shared/contracts/organisations.ts";
import { api } from "../../api/client.ts";
import { notifySuccess } from "../../components/notify.ts";
import { OrganisationForm } from "./OrganisationForm.tsx";
import { OrganisationProfile } from "./OrganisationProfile.tsx";

/** An organisation's profile, which turns into its form for those whose abilities allow editing. */
export function ProfilePanel({
  organisation: o,
  onSaved,
}: {
  organisation: Organisation;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
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
            onSaved();
          }}
        />
      ) : (
        <OrganisationProfile organisation={o} />
      )}
    </Paper>
  );
}
