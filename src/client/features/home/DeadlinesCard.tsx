import { Anchor, Button, Group, Paper, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ListTable } from "#client/components/ListTable.tsx";
import { DueDate } from "#client/features/cases/CaseBadges.tsx";
import type { Deadline } from "#shared/contracts/cases.ts";

/** Where a deadline is worked on: recognition deadlines open the case's recognition tab. */
function caseLink(d: Deadline): string | null {
  if (!d.caseId) return null;
  return d.kind === "next_step" ? `/cases/${d.caseId}?tab=steps` : `/cases/${d.caseId}?tab=recognition`;
}

/**
 * The dates a counsellor must not miss in their own cases: next steps, the authority's
 * three-month decision clock, the end of §16d permits; late ones first and marked in words.
 * The start page loads them with the rest of its work (GET /api/home).
 */
export function DeadlinesCard({ items }: { items: Deadline[] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg" radius="md" mb="xl" component="section" aria-labelledby="home-deadlines">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h3" id="home-deadlines">
          {t("cases.deadlines.title")}
        </Title>
        <Button component={Link} to="/cases?assignee=me" variant="light">
          {t("cases.deadlines.allCases")}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t("cases.deadlines.intro")}
      </Text>
      <ListTable
        columns={[
          {
            header: t("cases.deadlines.date"),
            td: { style: { whiteSpace: "nowrap" } },
            cell: (d) => <DueDate day={d.dueDate} overdue={d.overdue} />,
          },
          { header: t("cases.deadlines.kind"), cell: (d) => t(`cases.deadlines.kinds.${d.kind}`) },
          { header: t("cases.deadlines.what"), td: { dir: "auto" }, cell: (d) => d.title },
          { header: t("cases.deadlines.client"), cell: (d) => <ClientLink deadline={d} /> },
        ]}
        rows={items}
        rowKey={(d) => `${d.kind}-${d.subjectId}`}
        empty={t("cases.deadlines.empty")}
        caption={t("cases.deadlines.caption", { n: items.length })}
        minWidth={640}
        highlightOnHover={false}
      />
    </Paper>
  );
}

/** The client's name, a link to the case where the deadline has one. */
function ClientLink({ deadline: d }: { deadline: Deadline }) {
  const to = caseLink(d);
  return to ? (
    <Anchor component={Link} to={to} dir="auto">
      {d.clientName}
    </Anchor>
  ) : (
    <bdi>{d.clientName}</bdi>
  );
}
