import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Forbidden } from "#client/components/Forbidden.tsx";
import { PageTitle } from "#client/components/PageTitle.tsx";
import { hasPermission, useRequiredSession } from "#client/session/session-context.ts";
import { MembersPanel } from "./MembersPanel.tsx";

/** User management of the organisation one acts for. */
export function MembersPage() {
  const { t } = useTranslation();
  const session = useRequiredSession();
  if (!hasPermission(session, "member.list")) return <Forbidden />;
  return (
    <>
      <PageTitle>{t("members.title")}</PageTitle>
      <Text c="dimmed" mb="lg">
        {t("members.intro", { organisation: session.active.organisationName })}
      </Text>
      <MembersPanel organisationId={session.active.organisationId} headingLevel={2} />
    </>
  );
}
