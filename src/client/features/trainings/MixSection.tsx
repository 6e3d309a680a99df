import { SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useApiQuery } from "#client/api/use-api.ts";
import { ProblemAlert } from "#client/components/ProblemAlert.tsx";
import { trainingRoutes } from "#shared/contracts/routes/trainings.ts";
import { MixChart } from "./MixChart.tsx";

/** The mix of actor groups among the enrolled: a bar chart with the same figures as a table beside it. */
export function MixSection({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation();
  const mix = useApiQuery(trainingRoutes.mix, { params: { cohortId } });
  const o = (k: string, v: Record<string, unknown> = {}) => t(`trainings.core.overview.${k}`, v);
  const data = mix.data;
  // One array per answer and language, so that the chart is drawn again only when these change.
  const byType = useMemo(
    () =>
      (data?.byOrganisationType ?? [])
        .map((x) => ({ label: t(`organisationTypes.${x.type}`), value: x.count }))
        .sort((a, b) => b.value - a.value),
    [data, t],
  );
  const byRole = (data?.byRole ?? []).map((x) => ({
    label: t(`trainings.core.roles.${x.role}`),
    value: x.count,
  }));
  const table = (caption: string, rows: { label: string; value: number }[]) => (
    <Table striped withTableBorder captionSide="top">
      <Table.Caption>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{o("group")}</Table.Th>
          <Table.Th scope="col">{o("count")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.label}>
            <Table.Th scope="row" fw={400}>
              {r.label}
            </Table.Th>
            <Table.Td>{r.value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  return (
    <section aria-labelledby="mix-heading">
      <Title order={3} size="h4" id="mix-heading" mb="xs">
        {o("mix")}
      </Title>
      <ProblemAlert error={mix.error} />
      {data && data.total === 0 ? <Text size="sm">{o("mixEmpty")}</Text> : null}
      {data && data.total > 0 ? (
        <Stack>
          <Text size="sm">{o("mixIntro", { total: data.total, organisations: data.organisations })}</Text>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <MixChart bars={byType} label={o("chartLabel")} />
            {table(o("byType"), byType)}
          </SimpleGrid>
          {table(o("byRole"), byRole)}
        </Stack>
      ) : null}
    </section>
  );
}
