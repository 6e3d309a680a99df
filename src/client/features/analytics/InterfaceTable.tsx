import { Anchor, Button, Group, Paper, Table, Text, Title } from "@mantine/core";
import { useEffect, useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDay } from "#client/components/format.ts";
import type { InterfaceTable as Data, InterfaceRow } from "#shared/contracts/analytics.ts";
import { DataTable } from "./DataTable.tsx";
import { duration, durationChange, number, percent, percentChange } from "./format.ts";
import { HelpTerm } from "./HelpTerm.tsx";

/** The key of an interface row and of a network edge: sending and receiving organisation. */
export const pairKey = (from: string, to: string) => `${from}>${to}`;

type Props = {
  data: Data;
  csv: string;
  busy: boolean;
  /** The pair chosen in the network graph: its row is marked and scrolled into view. */
  selected: string | null;
};

/** One row per interface, the worst bottleneck (delay × volume) on top. */
export function InterfaceTable({ data, csv, busy, selected }: Props) {
  const { t } = useTranslation();
  const heading = useId();
  const rows = [...data.items].sort((a, b) => b.bottleneckScore - a.bottleneckScore || b.volume - a.volume);
  const selectedRow = useRef<HTMLTableRowElement>(null);
  const chosenText = useRef<HTMLParagraphElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll when the choice changes, not on every load
  useEffect(() => {
    selectedRow.current?.scrollIntoView({ block: "center" });
    // The choice came from another view: the keyboard goes on from the sentence that names it.
    if (selectedRow.current) chosenText.current?.focus({ preventScroll: true });
  }, [selected]);
  const chosen = rows.find((r) => pairKey(r.from.id, r.to.id) === selected);

  return (
    <Paper withBorder p="lg" radius="md" mb="lg" component="section" aria-labelledby={heading}>
      <Group justify="space-between" align="flex-start" mb="xs">
        <Title order={2} size="h3" id={heading}>
          {t("analytics.interfaces.title")}
        </Title>
        <Button component="a" variant="default" size="xs" href={csv} download>
          {t("analytics.interfaces.download")}
        </Button>
      </Group>
      <Text size="sm" mb="sm">
        {t("analytics.interfaces.intro", {
          from: formatDay(data.previousPeriod.from),
          to: formatDay(data.previousPeriod.to),
        })}
      </Text>
      <Text size="sm" mb="sm" aria-live="polite" ref={chosenText} tabIndex={-1}>
        {chosen ? t("analytics.interfaces.chosen", { from: chosen.from.name, to: chosen.to.name }) : null}
      </Text>
      <DataTable
        headers={[
          t("analytics.interfaces.rank"),
          t("analytics.interfaces.interface"),
          t("analytics.interfaces.volume"),
          <HelpTerm key="rates" term="rates">
            {t("analytics.interfaces.rates")}
          </HelpTerm>,
          <HelpTerm key="answer" term="p90">
            {t("analytics.interfaces.answerTime")}
          </HelpTerm>,
          <HelpTerm key="complete" term="p90">
            {t("analytics.interfaces.completeTime")}
          </HelpTerm>,
          <HelpTerm key="late" term="pastAgreed">
            {t("analytics.interfaces.pastAgreed")}
          </HelpTerm>,
          t("analytics.interfaces.change"),
          <HelpTerm key="bottleneck" term="bottleneck">
            {t("analytics.interfaces.bottleneck")}
          </HelpTerm>,
        ]}
        count={rows.length}
        empty={t("analytics.interfaces.empty")}
        caption={t("analytics.interfaces.caption", { n: rows.length })}
        minWidth={1200}
        busy={busy}
      >
        {rows.map((r, i) => {
          const key = pairKey(r.from.id, r.to.id);
          const isSelected = key === selected;
          return (
            <Table.Tr
              key={key}
              ref={isSelected ? selectedRow : undefined}
              aria-current={isSelected ? "true" : undefined}
              className={isSelected ? "analytics-selected" : undefined}
              bg={isSelected ? "var(--mantine-color-yellow-light)" : undefined}
            >
              <Table.Td>{i + 1}</Table.Td>
              <Table.Th scope="row" fw={600}>
                <span dir="auto">{r.from.name}</span> {t("referrals.arrow")}{" "}
                <span dir="auto">{r.to.name}</span>
                <Text size="xs" c="dimmed" fw={400}>
                  {r.interface
                    ? t("analytics.interfaces.agreed", {
                        answer: r.interface.answerWithinDays,
                        complete: r.interface.completeWithinDays,
                      })
                    : t("analytics.interfaces.defaults")}
                </Text>
              </Table.Th>
              <Table.Td>{r.volume}</Table.Td>
              <Table.Td>
                <Rates row={r} />
              </Table.Td>
              <Table.Td>
                {t("analytics.interfaces.medianP90", {
                  median: duration(t, r.medianAnswerHours),
                  p90: duration(t, r.p90AnswerHours),
                })}
              </Table.Td>
              <Table.Td>
                {t("analytics.interfaces.medianP90", {
                  median: duration(t, r.medianCompleteHours),
                  p90: duration(t, r.p90CompleteHours),
                })}
              </Table.Td>
              <Table.Td>
                <PastAgreed row={r} />
              </Table.Td>
              <Table.Td>
                <Change row={r} />
              </Table.Td>
              <Table.Td>{number(r.bottleneckScore)}</Table.Td>
            </Table.Tr>
          );
        })}
      </DataTable>
      <Text size="xs" c="dimmed" mt="xs">
        {t("analytics.interfaces.legend")}{" "}
        <Anchor component={Link} to="/interfaces" size="xs" underline="always">
          {t("analytics.interfaces.register")}
        </Anchor>
      </Text>
    </Paper>
  );
}

function Rates({ row }: { row: InterfaceRow }) {
  const { t } = useTranslation();
  return (
    <>
      <div>{t("analytics.interfaces.acceptance", { value: percent(row.acceptanceRate) })}</div>
      <div>{t("analytics.interfaces.completion", { value: percent(row.completionRate) })}</div>
      <div>{t("analytics.interfaces.success", { value: percent(row.successRate) })}</div>
    </>
  );
}

/** The share past the agreed time in words, not only as a number. */
function PastAgreed({ row }: { row: InterfaceRow }) {
  const { t } = useTranslation();
  const words = (share: number | null, overrun: number | null) =>
    share === null
      ? t("analytics.interfaces.noData")
      : share === 0
        ? t("analytics.interfaces.allOnTime")
        : t("analytics.interfaces.lateBy", { value: percent(share), over: duration(t, overrun) });
  return (
    <>
      <div>
        {t("analytics.interfaces.answerLate", {
          text: words(row.answerPastAgreedShare, row.medianAnswerOverrunHours),
        })}
      </div>
      <div>
        {t("analytics.interfaces.completeLate", {
          text: words(row.completePastAgreedShare, row.medianCompleteOverrunHours),
        })}
      </div>
    </>
  );
}

function Change({ row }: { row: InterfaceRow }) {
  const { t } = useTranslation();
  return (
    <>
      <div>{t("analytics.interfaces.changeVolume", { value: percentChange(row.change.volume) })}</div>
      <div>
        {t("analytics.interfaces.changeAnswer", { value: durationChange(t, row.change.medianAnswerHours) })}
      </div>
      <div>
        {t("analytics.interfaces.changeComplete", {
          value: durationChange(t, row.change.medianCompleteHours),
        })}
      </div>
    </>
  );
}
