import { NativeSelect, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useApiQuery } from "#client/api/use-api.ts";
import { QueryView } from "#client/components/QueryView.tsx";
import { ToneBadge } from "#client/components/ToneBadge.tsx";
import type { CohortPanelProps } from "#client/features/trainings/panel.ts";
import { trainingSessionsRoutes } from "#shared/contracts/routes/trainings-sessions.ts";
import type { AttendanceTotals } from "#shared/contracts/trainings-sessions.ts";
import { AttendanceGrid } from "./AttendanceGrid.tsx";
import { sessionSpan } from "./session-time.ts";

const endOfToday = () => {
  const d = new Date();
  d.setHours(23, 59, 59, 999);
  return d;
};

/**
 * Attendance: those who teach pick a begun session (the start page links one with ?session=) and
 * enter it by keyboard; everyone sees the totals of the participants they may see.
 */
export function AttendancePanel({ cohort }: CohortPanelProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const sessions = useApiQuery(trainingSessionsRoutes.list, { params: { cohortId: cohort.id } });
  const totals = useApiQuery(trainingSessionsRoutes.totals, { params: { cohortId: cohort.id } });
  const teaches = cohort.relation.teaches;
  const begun = (sessions.data?.items ?? []).filter(
    (s) => s.status !== "cancelled" && new Date(s.startsAt) <= endOfToday(),
  );
  const requested = search.get("session");
  const selected =
    begun.find((s) => s.id === requested) ??
    [...begun].reverse().find((s) => new Date(s.startsAt) <= new Date()) ??
    begun[begun.length - 1];
  const choose = (id: string) =>
    setSearch(
      (prev) => {
        const params = new URLSearchParams(prev);
        params.set("session", id);
        return params;
      },
      { replace: true },
    );

  return (
    <Stack gap="lg">
      {teaches ? (
        <section aria-labelledby="attendance-entry">
          <Title order={2} size="h4" id="attendance-entry" mb="sm">
            {t("trainings.attendance.title")}
          </Title>
          <QueryView query={sessions}>
            {() =>
              selected ? (
                <Stack>
                  <NativeSelect
                    label={t("trainings.attendance.session")}
                    value={selected.id}
                    onChange={(e) => choose(e.currentTarget.value)}
                    data={begun.map((s) => ({
                      value: s.id,
                      label: `${sessionSpan(s.startsAt, s.endsAt)} – ${s.topic}`,
                    }))}
                    maw={560}
                  />
                  <AttendanceGrid
                    key={selected.id}
                    sessionId={selected.id}
                    onSaved={() => {
                      sessions.reload();
                      totals.reload();
                    }}
                  />
                </Stack>
              ) : (
                <Text>{t("trainings.attendance.noSessions")}</Text>
              )
            }
          </QueryView>
        </section>
      ) : null}
      <section aria-labelledby="attendance-totals">
        <Title order={2} size="h4" id="attendance-totals" mb="xs">
          {t("trainings.attendance.totals")}
        </Title>
        <QueryView query={totals}>{(data) => <TotalsTable data={data} />}</QueryView>
      </section>
    </Stack>
  );
}

function TotalsTable({ data }: { data: AttendanceTotals }) {
  const { t } = useTranslation();
  const hours = (n: number) => n.toLocaleString(undefined, { maximumFractionDigits: 1 });
  return (
    <Stack gap="xs">
      <Text size="sm">{t("trainings.attendance.rule", { percent: data.minAttendancePercent })}</Text>
      {data.rows.length === 0 ? (
        <Text>{t("trainings.attendance.nothing")}</Text>
      ) : (
        <Table.ScrollContainer
          minWidth={760}
          scrollAreaProps={{
            viewportProps: { tabIndex: 0, role: "group", "aria-label": t("trainings.attendance.totals") },
          }}
        >
          <Table striped>
            <Table.Caption className="visually-hidden">{t("trainings.attendance.totals")}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("trainings.attendance.person")}</Table.Th>
                <Table.Th scope="col">{t("trainings.attendance.organisation")}</Table.Th>
                <Table.Th scope="col">{t("trainings.attendance.attended")}</Table.Th>
                <Table.Th scope="col">{t("trainings.attendance.hours")}</Table.Th>
                <Table.Th scope="col">{t("trainings.attendance.late")}</Table.Th>
                <Table.Th scope="col">{t("trainings.attendance.excused")}</Table.Th>
                <Table.Th scope="col">{t("trainings.attendance.absent")}</Table.Th>
                <Table.Th scope="col">{t("trainings.attendance.unrecorded")}</Table.Th>
                <Table.Th scope="col">{t("trainings.attendance.percent")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.rows.map((r) => (
                <Table.Tr key={r.participantId}>
                  <Table.Th scope="row" dir="auto" fw={600}>
                    {r.name}
                  </Table.Th>
                  <Table.Td dir="auto">{r.organisationName}</Table.Td>
                  <Table.Td>
                    {t("trainings.attendance.attendedOf", { n: r.sessionsAttended, total: r.sessionsHeld })}
                  </Table.Td>
                  <Table.Td>{`${hours(r.hoursAttended)} / ${hours(r.hoursHeld)}`}</Table.Td>
                  <Table.Td>{r.late}</Table.Td>
                  <Table.Td>{r.excused}</Table.Td>
                  <Table.Td>{r.absent}</Table.Td>
                  <Table.Td>{r.unrecorded}</Table.Td>
                  <Table.Td>
                    {`${r.percent.toLocaleString()} %`}{" "}
                    {r.sessionsHeld > 0 && r.percent < data.minAttendancePercent ? (
                      <ToneBadge tone="yellow">{t("trainings.attendance.below")}</ToneBadge>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
