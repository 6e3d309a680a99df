import { Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Forbidden } from "#client/components/Forbidden.tsx";
import { PageTitle } from "#client/components/PageTitle.tsx";
import { hasPermission, useRequiredSession } from "#client/session/session-context.ts";
import { LocationsPanel } from "./LocationsPanel.tsx";
import { OffersPanel } from "./OffersPanel.tsx";

/** The offers and locations of the organisation one acts for. */
export function OffersPage() {
  const { t } = useTranslation();
  const session = useRequiredSession();
  if (!hasPermission(session, "offer.read")) return <Forbidden />;
  const manages = hasPermission(session, "offer.manage");
  const organisationId = session.active.organisationId;
  return (
    <>
      <PageTitle>{t("offers.title")}</PageTitle>
      <Text c="dimmed" mb="lg">
        {t("offers.intro", { organisation: session.active.organisationName })}
      </Text>
      <Stack gap="lg">
        <OffersPanel organisationId={organisationId} manages={manages} />
        <LocationsPanel organisationId={organisationId} manages={manages} />
      </Stack>
    </>
  );
}
