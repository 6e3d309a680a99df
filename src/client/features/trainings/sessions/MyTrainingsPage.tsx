import { Anchor, Badge, Group, List, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useApiQuery } from "#client/api/use-api.ts";
import { formatDate, formatDay } from "#client/components/format.ts";
import { PageTitle } from "#client/components/PageTitle.tsx";
import { QueryView } from "#client/components/QueryView.tsx";
import { ToneBadge } from "#client/components/ToneBadge.tsx";
import { trainingSessionsRoutes } from "#shared/contracts/routes/trainings-sessions.ts";
import type { MyTraining } from "#shared/contracts/trainings-sessions.ts";
import { FeedCard } from "./FeedCard.tsx";
import { sessionSpan } from "./session-time.ts";

/** The caller's own trainings: next sessions, own attendance, certificates and calendar address. */
export function MyTrainingsPage() {
  const { t } = useTranslation();
  const mine = useApiQuery(trainingSessionsRoutes.mine);
  return (
    <>
      <PageTitle>{t("trainings.mine.title")}</PageTitle>
      <Text mb="lg">{t("trainings.mine.intro")}</Text>
      <QueryView query={mine}>
        {(data) =>
          data.items.length === 0 ? (
            <Text>{t("trainings.mine.empty")}</Text>
          ) : (
            <Stack gap="xl">
              {data.items.map((item) => (
                <Training key={item.participantId} item={item} />
              ))}
            </Stack>
          )
        }
      </QueryView>
    </>
  );
}

function Training({ item }: { item: MyTraining }) {
  const { t } = useTranslation();
  const { cohort, totals } = item;
  const titleId = `mine-${cohort.id}`;
  const status = item.participantStatus as "applied" | "waitlisted" | "enrolled";
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={titleId}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h3" id={titleId} dir="auto">
              {cohort.title}
            </Title>
            <Text size="sm" c="dimmed" dir="auto">
              <bdi>{cohort.programmeTitle}</bdi> ·{" "}
              {t("trainings.mine.dates", { from: formatDay(cohort.startsOn), to: formatDay(cohort.endsOn) })}
            </Text>
          </div>
          <Group gap="xs">
            <ToneBadge tone={status === "enrolled" ? "green" : "yellow"}>
              {t(`trainings.mine.participantStatus.${status}`)}
            </ToneBadge>
            {status === "applied" ? null : (
              <Anchor component={Link} to={`/trainings/cohorts/${cohort.id}`} fw={600}>
                {t("trainings.mine.open")}
              </Anchor>
            )}
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <div>
            <Title order={3} size="h5" mb="xs">
              {t("trainings.mine.next")}
            </Title>
            {item.nextSessions.length === 0 ? (
              <Text size="sm">{t("trainings.mine.noNext")}</Text>
            ) : (
              <List size="sm" spacing={4}>
                {item.nextSessions.map((s) => (
                  <List.Item key={s.id}>
                    <Text size="sm" td={s.status === "cancelled" ? "line-through" : undefined}>
                      {sessionSpan(s.startsAt, s.endsAt)}
                    </Text>
                    <Text size="sm" dir="auto">
                      {s.topic}
                      {s.status === "cancelled" ? ` (${t("trainings.sessions.statuses.cancelled")})` : ""}
                    </Text>
                  </List.Item>
                ))}
              </List>
            )}
          </div>
          <div>
            <Title order={3} size="h5" mb="xs">
              {t("trainings.mine.attendance")}
            </Title>
            <Text size="sm">
              {totals && totals.sessionsHeld > 0
                ? t("trainings.mine.attendanceText", {
                    attended: totals.sessionsAttended,
                    held: totals.sessionsHeld,
                    percent: totals.percent.toLocaleString(),
                    hours: totals.hoursAttended.toLocaleString(undefined, { maximumFractionDigits: 1 }),
                    min: item.minAttendancePercent,
                  })
                : t("trainings.mine.noAttendance")}
            </Text>
          </div>
          <div>
            <Title order={3} size="h5" mb="xs">
              {t("trainings.mine.certificates")}
            </Title>
            {item.certificates.length === 0 ? (
              <Text size="sm">{t("trainings.mine.noCertificates")}</Text>
            ) : (
              <List size="sm" spacing={4}>
                {item.certificates.map((c) => (
                  <List.Item key={c.id}>
                    {t("trainings.mine.certificate", { code: c.code, date: formatDate(c.issuedAt) })}{" "}
                    {c.revoked ? (
                      <Badge color="red" variant="light" style={{ color: "#8f1d1d" }}>
                        {t("trainings.mine.revoked")}
                      </Badge>
                    ) : (
                      <Anchor component={Link} to={`/verify/${encodeURIComponent(c.code)}`}>
                        {t("trainings.mine.verify")}
                      </Anchor>
                    )}
                  </List.Item>
                ))}
              </List>
            )}
          </div>
        </SimpleGrid>
        {item.participantStatus !== "applied" ? <FeedCard cohortId={cohort.id} kind="participant" /> : null}
      </Stack>
    </Paper>
  );
}
