import { Badge, Button, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useApiQuery } from "#client/api/use-api.ts";
import { hasPermission, useRequiredSession } from "#client/session/session-context.ts";
import { referralRoutes } from "#shared/contracts/routes/referrals.ts";

type View = "inbox" | "outgoing";

/**
 * The two views of the referrals page, each with its own address: the inbox (what others sent to
 * the organisation) and the outgoing list (what the organisation sent). A role that has only one
 * of them (volunteers send, company contacts receive) sees no switch.
 */
export function ReferralViews({ current }: { current: View }) {
  const { t } = useTranslation();
  const session = useRequiredSession();
  const views: { view: View; to: string }[] = [
    ...(hasPermission(session, "referral.respond") ? [{ view: "inbox" as const, to: "/referrals" }] : []),
    ...(hasPermission(session, "referral.send")
      ? [{ view: "outgoing" as const, to: "/referrals/outgoing" }]
      : []),
  ];
  const counts = useApiQuery(
    referralRoutes.outgoingCounts,
    views.length > 1 ? { query: { sender: "me" } } : null,
  );
  if (views.length < 2) return null;
  const overdue = counts.data?.overdue ?? 0;
  return (
    <Group component="nav" aria-label={t("referrals.views.label")} gap="xs" mb="lg">
      {views.map(({ view, to }) => {
        const active = view === current;
        return (
          <Button
            key={view}
            component={Link}
            to={to}
            variant={active ? "filled" : "default"}
            aria-current={active ? "page" : undefined}
            rightSection={
              view === "outgoing" && overdue > 0 ? (
                <Badge color="red.9" variant="filled" size="sm" aria-hidden>
                  {overdue}
                </Badge>
              ) : undefined
            }
          >
            {t(`referrals.views.${view}`)}
            {view === "outgoing" && overdue > 0 ? (
              <span className="visually-hidden">{` (${t("referrals.views.overdue", { n: overdue })})`}</span>
            ) : null}
          </Button>
        );
      })}
    </Group>
  );
}
