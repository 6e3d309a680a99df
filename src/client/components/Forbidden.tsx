import { Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { hasPermission, useRequiredSession } from "#client/session/session-context.ts";
import type { SessionInfo } from "#shared/contracts/auth.ts";
import type { Permission } from "#shared/permissions.ts";
import { PageTitle } from "./PageTitle.tsx";

/** Shown when the acting role may not use a page, e.g. after switching organisation. */
export function Forbidden() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t("common.forbiddenTitle")}</PageTitle>
      <Text>{t("common.forbiddenText")}</Text>
    </>
  );
}

/**
 * A page only a role holding `permission` may use; any other role sees Forbidden. The view is
 * rendered with the session, so that it can ask for further permissions.
 */
export function Guarded({
  permission,
  children,
}: {
  permission: Permission;
  children: (session: SessionInfo) => ReactNode;
}) {
  const session = useRequiredSession();
  if (!hasPermission(session, permission)) return <Forbidden />;
  return children(session);
}
