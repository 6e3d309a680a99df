import { Button } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "#client/api/client.ts";
import { notifySuccess } from "#client/components/notify.ts";
import { Panel } from "#client/components/Panel.tsx";
import type { Organisation } from "#shared/contracts/organisations.ts";
import { organisationRoutes } from "#shared/contracts/routes/organisations.ts";
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
    <Panel
      headingId="profile-heading"
      title={editing ? t("organisation.editTitle") : t("organisation.profileTitle")}
      action={
        o.abilities.update && !editing ? (
          <Button variant="light" onClick={() => setEditing(true)}>
            {t("organisation.edit")}
          </Button>
        ) : null
      }
    >
      {editing ? (
        <OrganisationForm
          organisation={o}
          withStatus={o.abilities.changeStatus}
          submitLabel={t("common.save")}
          onCancel={() => setEditing(false)}
          onSubmit={async (body) => {
            await callApi(organisationRoutes.update, { params: { id: o.id }, body });
            notifySuccess(t("organisation.saved"));
            setEditing(false);
            onSaved();
          }}
        />
      ) : (
        <OrganisationProfile organisation={o} />
      )}
    </Panel>
  );
}
