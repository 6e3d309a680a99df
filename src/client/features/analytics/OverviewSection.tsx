import { Anchor, Button, List, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useApiQuery } from "#client/api/use-api.ts";
import { formatDay } from "#client/components/format.ts";
import type { InterfaceRow, InterfaceTable } from "#shared/contracts/analytics.ts";
import { interfaceRoutes } from "#shared/contracts/routes/interfaces.ts";
import { duration, number, percent } from "./format.ts";
import { HelpTerm } from "./HelpTerm.tsx";
import { pairKey } from "./InterfaceTable.tsx";

/** Late interfaces described one by one; the rest are in the interface table. */
const SHOWN = 5;

type Props = {
  data: InterfaceTable;
  /** Opens the interface table at this pair. */
  onShow: (pair: string) => void;
  networkWide: boolean;
};

/** An interface is late when any of its referrals was answered or completed after the agreed time. */
const isLate = (r: InterfaceRow) => r.answerLate + r.completeLate > 0;

/**
 * The key answer first: which interfaces keep their agreed handover times and which do not, by how
 * much (in calendar days past the agreed day) and where to act (the receiving organisation and the
 * contact persons of the register). Ordered like the table, worst bottleneck first.
 */
export function LateInterfaces({ data, onShow, networkWide }: Props) {
  const { t } = useTranslation();
  const heading = useId();
  const late = data.items.filter(isLate);
  const referrals = data.items.reduce((sum, r) => sum + r.volume, 0);
  const shown = late.slice(0, SHOWN);

  return (
    <section aria-labelledby={heading}>
      <Title order={2} size="h3" id={heading} mb="xs">
        {t("analytics.overview.title")}
      </Title>
      <Text mb="md" maw={820}>
        {data.items.length === 0
          ? t("analytics.interfaces.empty")
          : late.length === 0
            ? t("analytics.overview.allOnTime", { total: data.items.length })
            : t(networkWide ? "analytics.overview.summaryNetwork" : "analytics.overview.summaryOwn", {
                late: late.length,
                total: data.items.length,
              })}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }} mb="lg">
        <Figure label={t("analytics.overview.referrals")} value={number(referrals, 0)} />
        <Figure label={t("analytics.overview.interfaces")} value={number(data.items.length, 0)} />
        <Figure label={t("analytics.overview.lateInterfaces")} value={number(late.length, 0)} />
      </SimpleGrid>
      {shown.length ? (
        <Stack
          gap="md"
          component="ol"
          className="analytics-late-list"
          aria-label={t("analytics.overview.listLabel")}
        >
          {shown.map((row, i) => (
            <LateInterface key={pairKey(row.from.id, row.to.id)} row={row} rank={i + 1} onShow={onShow} />
          ))}
        </Stack>
      ) : null}
      {late.length > SHOWN ? (
        <Text size="sm" mt="md">
          {t("analytics.overview.more", { n: late.length - SHOWN })}{" "}
          <Anchor component="button" type="button" size="sm" onClick={() => onShow("")}>
            {t("analytics.overview.toTable")}
          </Anchor>
        </Text>
      ) : null}
      <Text size="sm" c="dimmed" mt="lg" maw={820}>
        {t("analytics.overview.howToRead", {
          from: formatDay(data.previousPeriod.from),
          to: formatDay(data.previousPeriod.to),
        })}{" "}
        <HelpTerm term="calendarDays">{t("analytics.terms.calendarDays")}</HelpTerm>{" "}
        <HelpTerm term="workingDays">{t("analytics.terms.workingDays")}</HelpTerm>{" "}
        <HelpTerm term="median">{t("analytics.terms.median")}</HelpTerm>
      </Text>
    </section>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={28} fw={700} lh={1.2}>
        {value}
      </Text>
    </Paper>
  );
}

/** One late interface: how late in words, and where to act. */
function LateInterface({
  row,
  rank,
  onShow,
}: {
  row: InterfaceRow;
  rank: number;
  onShow: (pair: string) => void;
}) {
  const { t } = useTranslation();
  const heading = useId();
  const agreed = (days: number | undefined) =>
    days === undefined
      ? t("analytics.overview.defaultTime")
      : t("analytics.overview.workingDays", { n: days });
  return (
    <Paper withBorder p="md" radius="md" component="li" aria-labelledby={heading}>
      <Title order={3} size="h4" id={heading} mb="xs">
        {rank}. <bdi>{row.from.name}</bdi> {t("referrals.arrow")} <bdi>{row.to.name}</bdi>
      </Title>
      <List size="sm" spacing={4} mb="xs">
        {row.answerLate > 0 ? (
          <List.Item>
            {t("analytics.overview.answerLate", {
              count: row.answerLate,
              share: percent(row.answerPastAgreedShare),
              agreed: agreed(row.interface?.answerWithinDays),
              over: duration(t, row.medianAnswerOverrunHours),
            })}
          </List.Item>
        ) : (
          <List.Item>{t("analytics.overview.answerOnTime")}</List.Item>
        )}
        {row.completeLate > 0 ? (
          <List.Item>
            {t("analytics.overview.completeLate", {
              count: row.completeLate,
              share: percent(row.completePastAgreedShare),
              agreed: agreed(row.interface?.completeWithinDays),
              over: duration(t, row.medianCompleteOverrunHours),
            })}
          </List.Item>
        ) : null}
        {row.change.medianAnswerHours !== null && row.change.medianAnswerHours !== 0 ? (
          <List.Item>
            {t(row.change.medianAnswerHours > 0 ? "analytics.overview.slower" : "analytics.overview.faster", {
              value: duration(t, Math.abs(row.change.medianAnswerHours)),
            })}
          </List.Item>
        ) : null}
      </List>
      <Text size="sm" fw={600}>
        {t("analytics.overview.actAt", { org: row.to.name })}
      </Text>
      {row.interface ? (
        <Contacts id={row.interface.id} />
      ) : (
        <Text size="sm">{t("analytics.overview.noInterface")}</Text>
      )}
      <Button variant="light" size="xs" mt="sm" onClick={() => onShow(pairKey(row.from.id, row.to.id))}>
        {t("analytics.overview.showFigures", { from: row.from.name, to: row.to.name })}
      </Button>
    </Paper>
  );
}

/** The contact persons and channel the interface register names for this interface. */
function Contacts({ id }: { id: string }) {
  const { t } = useTranslation();
  const record = useApiQuery(interfaceRoutes.get, { params: { interfaceId: id } });
  const i = record.data;
  if (!i) return null;
  const contacts = [
    i.fromContact ? t("analytics.overview.contact", { name: i.fromContact, org: i.from.name }) : null,
    i.toContact ? t("analytics.overview.contact", { name: i.toContact, org: i.to.name }) : null,
  ].filter((c): c is string => c !== null);
  return (
    <Text size="sm">
      {contacts.length
        ? t("analytics.overview.contacts", { contacts: contacts.join("; ") })
        : t("analytics.overview.noContacts")}
      {i.channel
        ? ` ${t("analytics.overview.channel", { channel: t(`interfaces.channels.${i.channel}`) })}`
        : ""}{" "}
      <Anchor component={Link} to="/interfaces" size="sm" underline="always">
        {t("analytics.interfaces.register")}
      </Anchor>
    </Text>
  );
}
