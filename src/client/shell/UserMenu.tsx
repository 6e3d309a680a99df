import { Menu, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { attempt } from "#client/forms/actions.ts";
import { useRequiredSession, useSession } from "#client/session/session-context.ts";
import { HeaderMenu } from "./HeaderMenu.tsx";
import { UserIcon } from "./icons.tsx";

/** The logged-in person, their role, and logout. */
export function UserMenu() {
  const { t } = useTranslation();
  const session = useRequiredSession();
  const { logout } = useSession();
  const navigate = useNavigate();

  const onLogout = () =>
    attempt(async () => {
      await logout();
      navigate("/login", { replace: true });
    });

  return (
    <HeaderMenu
      icon={<UserIcon />}
      label={`${t("shell.userMenu")}: ${session.user.name}`}
      shown={
        <Text span visibleFrom="sm" inherit>
          {session.user.name}
        </Text>
      }
    >
      <Menu.Label>
        <Text size="sm" fw={600} c="dark">
          {session.user.name}
        </Text>
        <Text size="xs" c="dimmed">
          {session.user.email}
        </Text>
        <Text size="xs" c="dimmed">
          {t(`roles.${session.active.role}`)} · {session.active.organisationName}
        </Text>
      </Menu.Label>
      <Menu.Divider />
      <Menu.Item data-autofocus onClick={() => void onLogout()}>
        {t("shell.logout")}
      </Menu.Item>
    </HeaderMenu>
  );
}
