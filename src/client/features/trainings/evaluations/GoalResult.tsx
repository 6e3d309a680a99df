import { List, Stack, Table, Text, Title } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { currentLocale } from "#client/i18n.ts";
import type { EvaluationGoalResult } from "#shared/contracts/trainings-evaluations.ts";
import { EVALUATION_PHASES, EVALUATION_SCALE } from "#shared/trainings.ts";
import { DistributionChart } from "./DistributionChart.tsx";

const number = (v: number | null, digits = 2) =>
  v === null ? "–" : new Intl.NumberFormat(currentLocale(), { maximumFractionDigits: digits }).format(v);
const signed = (v: number | null) =>
  v === null
    ? "–"
    : new Intl.NumberFormat(currentLocale(), { maximumFractionDigits: 2, signDisplay: "exceptZero" }).format(
        v,
      );
const pValue = (p: number) =>
  new Intl.NumberFormat(currentLocale(), { maximumSignificantDigits: 3 }).format(p);

/** One learning goal: figures before and after, the paired change, the distribution, comments. */
export function GoalResult({ goal, minAnswers }: { goal: EvaluationGoalResult; minAnswers: number }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const text = goal.text[locale] ?? goal.text.de;
  const { pre, post, change } = goal;
  const categories = useMemo(() => EVALUATION_SCALE.map((v) => t(`trainings.evaluations.scale.${v}`)), [t]);
  const before = useMemo(
    () => ({ name: t("trainings.evaluations.results.before"), counts: pre.distribution }),
    [t, pre],
  );
  const after = useMemo(
    () => ({ name: t("trainings.evaluations.results.after"), counts: post.distribution }),
    [t, post],
  );
  const suppressed = (reason: string | null) =>
    reason ? t(`trainings.evaluations.results.suppressed.${reason}`, { n: minAnswers }) : null;
  const anyDistribution = pre.distribution !== null || post.distribution !== null;

  return (
    <Stack gap="sm" component="section" aria-labelledby={`goal-${goal.goalId}`}>
      <Title order={3} size="h4" id={`goal-${goal.goalId}`}>
        {t("trainings.evaluations.results.goal", { n: goal.position })}: {text}
      </Title>
      <Table withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("trainings.evaluations.results.figure")}</Table.Th>
            <Table.Th scope="col">{t("trainings.evaluations.results.before")}</Table.Th>
            <Table.Th scope="col">{t("trainings.evaluations.results.after")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th scope="row">{t("trainings.evaluations.results.answers")}</Table.Th>
            <Table.Td>{pre.n}</Table.Td>
            <Table.Td>{post.n}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t("trainings.evaluations.results.mean")}</Table.Th>
            <Table.Td>{suppressed(pre.suppressed) ?? number(pre.mean)}</Table.Td>
            <Table.Td>{suppressed(post.suppressed) ?? number(post.mean)}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>

      <Text fw={600}>{t("trainings.evaluations.results.change")}</Text>
      {change.suppressed ? (
        <Text size="sm">{suppressed(change.suppressed)}</Text>
      ) : (
        <Table withTableBorder>
          <Table.Tbody>
            <Row label={t("trainings.evaluations.results.pairs")} value={String(change.n)} />
            <Row label={t("trainings.evaluations.results.meanChange")} value={signed(change.meanChange)} />
            <Row
              label={t("trainings.evaluations.results.medianChange")}
              value={signed(change.medianChange)}
            />
            <Row
              label={t("trainings.evaluations.results.dz")}
              value={change.dz === null ? t("trainings.evaluations.results.noSpread") : number(change.dz)}
            />
            <Row
              label={t("trainings.evaluations.results.wilcoxon")}
              value={t("trainings.evaluations.results.wilcoxonValue", {
                v: number(change.wilcoxonV, 1),
                p: pValue(change.wilcoxonP ?? 1),
                method: t(`trainings.evaluations.results.method.${change.wilcoxonMethod ?? "exact"}`),
              })}
            />
          </Table.Tbody>
        </Table>
      )}

      {anyDistribution ? (
        <>
          <Text fw={600}>{t("trainings.evaluations.results.distribution")}</Text>
          <DistributionChart
            categories={categories}
            before={before}
            after={after}
            label={t("trainings.evaluations.results.chartLabel", { n: goal.position })}
          />
          <Table withTableBorder striped>
            <Table.Caption>
              {t("trainings.evaluations.results.tableCaption", { n: goal.position })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("trainings.evaluations.results.rating")}</Table.Th>
                <Table.Th scope="col">{t("trainings.evaluations.results.before")}</Table.Th>
                <Table.Th scope="col">{t("trainings.evaluations.results.after")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {EVALUATION_SCALE.map((v, i) => (
                <Table.Tr key={v}>
                  <Table.Th scope="row">{categories[i]}</Table.Th>
                  <Table.Td>{pre.distribution?.[i] ?? "–"}</Table.Td>
                  <Table.Td>{post.distribution?.[i] ?? "–"}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      ) : null}

      {EVALUATION_PHASES.map((phase) => {
        const comments = goal[phase].comments;
        if (comments === null) return null;
        return (
          <Stack key={phase} gap={4}>
            <Text fw={600}>
              {t("trainings.evaluations.results.comments")} –{" "}
              {t(`trainings.evaluations.results.${phase === "pre" ? "before" : "after"}`)}
            </Text>
            {comments.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t("trainings.evaluations.results.noComments")}
              </Text>
            ) : (
              <List size="sm">
                {comments.map((c, i) => (
                  // Comments have no identity of their own; the list is alphabetical and fixed.
                  // biome-ignore lint/suspicious/noArrayIndexKey: identical comments may occur
                  <List.Item key={i}>{c}</List.Item>
                ))}
              </List>
            )}
          </Stack>
        );
      })}
    </Stack>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <Table.Tr>
      <Table.Th scope="row">{label}</Table.Th>
      <Table.Td>{value}</Table.Td>
    </Table.Tr>
  );
}
