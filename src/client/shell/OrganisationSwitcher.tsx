import { Menu, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { notifySuccess } from "#client/components/notify.ts";
import { attempt } from "#client/forms/actions.ts";
import { useRequiredSession, useSession } from "#client/session/session-context.ts";
import { HeaderMenu } from "./HeaderMenu.tsx";
import { Blank, BuildingIcon, CheckIcon } from "./icons.tsx";

/** Lets a person with several memberships choose the organisation they act for. */
export function OrganisationSwitcher() {
  const { t } = useTranslation();
  const session = useRequiredSession();
  const { switchOrganisation } = useSession();
  const navigate = useNavigate();
  if (session.memberships.length < 2) return null;

  const choose = async (organisationId: string) => {
    if (organisationId === session.active.organisationId) return;
    await attempt(async () => {
      await switchOrganisation(organisationId);
      // Permissions may differ in the other organisation, so start from the start page.
      navigate("/");
      notifySuccess(t("shell.switched"));
    });
  };

  return (
    <HeaderMenu
      icon={<BuildingIcon />}
      label={`${t("shell.switchOrganisation")}: ${session.active.organisationName}`}
      shown={
        <Text span truncate inherit>
          {session.active.organisationName}
        </Text>
      }
      button={{ variant: "default", maw: { base: 180, md: 320 } }}
    >
      <Menu.Label>{t("shell.switchOrganisation")}</Menu.Label>
      {session.memberships.map((m, i) => (
        <Menu.Item
          key={m.membershipId}
          data-autofocus={i === 0 || undefined}
          aria-current={m.organisationId === session.active.organisationId ? "true" : undefined}
          leftSection={m.organisationId === session.active.organisationId ? <CheckIcon /> : <Blank />}
          onClick={() => void choose(m.organisationId)}
        >
          <Text size="sm" fw={m.organisationId === session.active.organisationId ? 700 : 500}>
            {m.organisationName}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`roles.${m.role}`)}
          </Text>
        </Menu.Item>
      ))}
    </HeaderMenu>
  );
}
