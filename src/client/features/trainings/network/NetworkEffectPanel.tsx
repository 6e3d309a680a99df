import { Alert, Group, Loader, NativeSelect, Stack, Table, Text, Title } from "@mantine/core";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { useApiQuery } from "#client/api/use-api.ts";
import { ProblemAlert } from "#client/components/ProblemAlert.tsx";
import { number, percent } from "#client/features/analytics/format.ts";
import type { CohortPanelProps } from "#client/features/trainings/panel.ts";
import { currentLocale } from "#client/i18n.ts";
import { trainingNetworkRoutes } from "#shared/contracts/routes/trainings-network.ts";
import type { NetworkEffect, NetworkGroup } from "#shared/contracts/trainings-network.ts";
import { NETWORK_WINDOW_DAYS } from "#shared/trainings.ts";

// ECharts loads with the graphs, not with the cohort page.
const NetworkGraphs = lazy(() => import("./NetworkGraphs.tsx").then((m) => ({ default: m.NetworkGraphs })));

const WINDOWS = [90, NETWORK_WINDOW_DAYS.default, 365, NETWORK_WINDOW_DAYS.max];

/**
 * The network effect of a cohort: referral links between the participants' organisations before
 * and after it, as two graphs with the same figures in tables, and compared with the organisations
 * that did not take part. Organisations only — never a client.
 */
export function NetworkEffectPanel({ cohort }: CohortPanelProps) {
  const { t } = useTranslation();
  const [windowDays, setWindowDays] = useState<number>(NETWORK_WINDOW_DAYS.default);
  const query = useApiQuery(trainingNetworkRoutes.effect, {
    params: { cohortId: cohort.id },
    query: { windowDays },
  });
  const data = query.data;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h3">
          {t("trainings.network.title")}
        </Title>
        <NativeSelect
          label={t("trainings.network.window")}
          value={String(windowDays)}
          onChange={(e) => setWindowDays(Number(e.currentTarget.value))}
          data={WINDOWS.map((d) => ({ value: String(d), label: t("trainings.network.days", { days: d }) }))}
        />
      </Group>
      <Text size="sm">{t("trainings.network.intro")}</Text>
      <ProblemAlert error={query.error} />
      {!data ? (
        query.loading ? (
          <Loader size="sm" aria-label={t("common.loading")} />
        ) : null
      ) : (
        <EffectView data={data} />
      )}
    </Stack>
  );
}

function EffectView({ data }: { data: NetworkEffect }) {
  const { t } = useTranslation();
  const nameOf = new Map(data.organisations.map((o) => [o.id, o.name]));
  const date = (day: string) =>
    new Intl.DateTimeFormat(currentLocale(), { dateStyle: "medium", timeZone: "UTC" }).format(
      new Date(`${day}T00:00:00Z`),
    );
  const windowText = (w: NetworkEffect["before"]) =>
    t("trainings.network.range", { from: date(w.from), to: date(w.to) });
  return (
    <Stack gap="md">
      <Text size="sm">
        {t("trainings.network.windows", { before: windowText(data.before), after: windowText(data.after) })}
        {data.after.started && !data.after.complete ? ` ${t("trainings.network.afterRunning")}` : ""}
      </Text>
      <Verdict data={data} />
      {data.organisations.length ? (
        <Suspense fallback={<Loader size="sm" aria-label={t("common.loading")} />}>
          <NetworkGraphs data={data} />
        </Suspense>
      ) : (
        <Text>{t("trainings.network.noOrganisations")}</Text>
      )}
      <Title order={3} size="h4">
        {t("trainings.network.linksTitle")}
      </Title>
      {data.edges.length ? (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Caption>{t("trainings.network.linksCaption")}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("trainings.network.from")}</Table.Th>
                <Table.Th scope="col">{t("trainings.network.to")}</Table.Th>
                <Table.Th scope="col">{t("trainings.network.before")}</Table.Th>
                <Table.Th scope="col">{t("trainings.network.after")}</Table.Th>
                <Table.Th scope="col">{t("trainings.network.newLink")}</Table.Th>
                <Table.Th scope="col">{t("trainings.network.acceptanceBefore")}</Table.Th>
                <Table.Th scope="col">{t("trainings.network.acceptanceAfter")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.edges.map((e) => (
                <Table.Tr key={`${e.from}-${e.to}`}>
                  <Table.Td>
                    <bdi>{nameOf.get(e.from)}</bdi>
                  </Table.Td>
                  <Table.Td>
                    <bdi>{nameOf.get(e.to)}</bdi>
                  </Table.Td>
                  <Table.Td>{number(e.before)}</Table.Td>
                  <Table.Td>{number(e.after)}</Table.Td>
                  <Table.Td>{e.newLink ? t("trainings.network.yes") : t("trainings.network.no")}</Table.Td>
                  <Table.Td>{number(e.medianAcceptanceDaysBefore)}</Table.Td>
                  <Table.Td>{number(e.medianAcceptanceDaysAfter)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        <Text>{t("trainings.network.noLinks")}</Text>
      )}
      <Title order={3} size="h4">
        {t("trainings.network.comparisonTitle")}
      </Title>
      <ComparisonTable data={data} />
    </Stack>
  );
}

function Verdict({ data }: { data: NetworkEffect }) {
  const { t } = useTranslation();
  if (data.reason)
    return (
      <Alert color="gray" title={t("trainings.network.noTest")}>
        {t(`trainings.network.reasons.${data.reason}`)}
      </Alert>
    );
  const p = data.test?.pGreater ?? 1;
  const pText = p < 0.001 ? `< ${number(0.001, 3)}` : number(p, 3);
  return (
    <Alert
      color={data.effect ? "teal" : "gray"}
      title={data.effect ? t("trainings.network.effect") : t("trainings.network.noEffect")}
    >
      {t("trainings.network.verdict", {
        participants: percent(data.participants.newLinkRate),
        comparison: percent(data.comparison.newLinkRate),
        difference: number((data.difference ?? 0) * 100),
        p: pText,
      })}
    </Alert>
  );
}

function ComparisonTable({ data }: { data: NetworkEffect }) {
  const { t } = useTranslation();
  const rows: [string, (g: NetworkGroup) => string][] = [
    ["organisations", (g) => number(g.organisations)],
    ["possiblePairs", (g) => number(g.possiblePairs)],
    ["linkedBefore", (g) => number(g.linkedBefore)],
    ["linkedAfter", (g) => number(g.linkedAfter)],
    ["newLinks", (g) => number(g.newLinks)],
    ["newLinkRate", (g) => percent(g.newLinkRate)],
    ["referralsBefore", (g) => number(g.referralsBefore)],
    ["referralsAfter", (g) => number(g.referralsAfter)],
    ["medianAnswerDaysBefore", (g) => number(g.medianAnswerDaysBefore)],
    ["medianAnswerDaysAfter", (g) => number(g.medianAnswerDaysAfter)],
    ["medianAcceptanceDaysBefore", (g) => number(g.medianAcceptanceDaysBefore)],
    ["medianAcceptanceDaysAfter", (g) => number(g.medianAcceptanceDaysAfter)],
  ];
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped>
        <Table.Caption>{t("trainings.network.comparisonCaption")}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("trainings.network.figure")}</Table.Th>
            <Table.Th scope="col">{t("trainings.network.participants")}</Table.Th>
            <Table.Th scope="col">{t("trainings.network.comparison")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(([key, value]) => (
            <Table.Tr key={key}>
              <Table.Th scope="row">{t(`trainings.network.figures.${key}`)}</Table.Th>
              <Table.Td>{value(data.participants)}</Table.Td>
              <Table.Td>{value(data.comparison)}</Table.Td>
            </Table.Tr>
          ))}
          {data.test ? (
            <Table.Tr>
              <Table.Th scope="row">{t("trainings.network.figures.pGreater")}</Table.Th>
              <Table.Td colSpan={2}>{number(data.test.pGreater, 4)}</Table.Td>
            </Table.Tr>
          ) : null}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
