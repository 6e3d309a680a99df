import { Anchor, Button, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useApiQuery } from "#client/api/use-api.ts";
import { formatDateTime } from "#client/components/format.ts";
import { ListTable } from "#client/components/ListTable.tsx";
import { notifySuccess } from "#client/components/notify.ts";
import { Panel } from "#client/components/Panel.tsx";
import { QueryView } from "#client/components/QueryView.tsx";
import type { CasePanelProps } from "#client/features/cases/panel.ts";
import { hasPermission, useRequiredSession } from "#client/session/session-context.ts";
import { finderRoutes } from "#shared/contracts/routes/finder.ts";
import { referralRoutes } from "#shared/contracts/routes/referrals.ts";
import { outcomeText, ReferralDue, ReferralStateBadge } from "./labels.tsx";
import { ReferralWizard } from "./ReferralWizard.tsx";

/**
 * The case's referrals and where each stands: the loop closes here, because the sender sees the
 * receiver's answer and the outcome without asking. "Verweisen" opens the wizard.
 */
export function ReferralsPanel({ caseRecord }: CasePanelProps) {
  const { t } = useTranslation();
  const session = useRequiredSession();
  const sends = hasPermission(session, "referral.send");
  const list = useApiQuery(referralRoutes.caseReferrals, { params: { caseId: caseRecord.id } });
  const [wizard, setWizard] = useState(false);
  // `?refer=<offer id>` opens the wizard with that offer chosen (from a competence profile's
  // start-up offers); the sender still checks the data and sends.
  const [params, setParams] = useSearchParams();
  const referTo = sends ? params.get("refer") : null;
  const preset = useApiQuery(
    finderRoutes.offer,
    referTo ? { params: { id: referTo }, query: { lang: "de" } } : null,
  );
  const presetOffer = referTo && preset.data?.id === referTo ? preset.data : null;
  const close = () => {
    setWizard(false);
    if (params.has("refer")) {
      const next = new URLSearchParams(params);
      next.delete("refer");
      setParams(next, { replace: true });
    }
  };

  return (
    <Panel
      headingId="referrals-heading"
      title={t("referrals.panel.title")}
      action={sends ? <Button onClick={() => setWizard(true)}>{t("referrals.panel.refer")}</Button> : null}
    >
      <Text size="sm" mb="md" maw="60rem">
        {t("referrals.panel.intro")}
      </Text>
      <QueryView query={list}>
        {(data) => (
          <ListTable
            headers={[
              t("referrals.fields.offer"),
              t("referrals.fields.to"),
              t("referrals.fields.state"),
              t("referrals.fields.outcome"),
              t("referrals.fields.answerDue"),
              t("referrals.fields.completeDue"),
            ]}
            count={data.items.length}
            empty={t("referrals.panel.empty")}
            caption={t("referrals.panel.caption", { n: data.total })}
            minWidth={860}
            busy={list.loading}
          >
            {data.items.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Stack gap={2}>
                    <Anchor component={Link} to={`/referrals/${r.id}`} fw={600} dir="auto">
                      {r.offer.name}
                    </Anchor>
                    <Text size="xs">
                      {t("referrals.sentAt", { at: formatDateTime(r.sentAt ?? r.createdAt) })}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <bdi>{r.to.name}</bdi>
                </Table.Td>
                <Table.Td>
                  <ReferralStateBadge state={r.state} />
                </Table.Td>
                <Table.Td>{outcomeText(t, r)}</Table.Td>
                <Table.Td>
                  <ReferralDue referral={r} which="answer" />
                </Table.Td>
                <Table.Td>
                  <ReferralDue referral={r} which="complete" />
                </Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        )}
      </QueryView>
      {wizard || presetOffer ? (
        <ReferralWizard
          caseId={caseRecord.id}
          initialOffer={wizard ? null : presetOffer}
          onClose={close}
          onSent={() => {
            notifySuccess(t("referrals.wizard.sent"));
            close();
            list.reload();
          }}
        />
      ) : null}
    </Panel>
  );
}
