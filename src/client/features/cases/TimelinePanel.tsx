import { Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useApiQuery } from "#client/api/use-api.ts";
import { formatDateTime } from "#client/components/format.ts";
import { QueryView } from "#client/components/QueryView.tsx";
import { caseRoutes } from "#shared/contracts/routes/cases.ts";
import type { CasePanelProps } from "./panel.ts";
import { eventDetails } from "./timeline-text.ts";
import { useAssignees } from "./use-assignees.ts";

/** Everything that happened in the case, newest first: what, the change in words, who, when. */
export function TimelinePanel({ caseRecord: c }: CasePanelProps) {
  const { t } = useTranslation();
  const events = useApiQuery(caseRoutes.timeline, { params: { caseId: c.id } });
  const people = useAssignees();
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading" className="visually-hidden">
        {t("cases.tabs.timeline")}
      </h2>
      <QueryView query={events}>
        {(data) => {
          if (data.items.length === 0) return <Text py="md">{t("cases.timeline.empty")}</Text>;
          const names = new Map<string, string>(people.map((p) => [p.id, p.name]));
          for (const e of data.items) if (e.actor) names.set(e.actor.id, e.actor.name);
          const nameOf = (id: unknown) => names.get(String(id)) ?? t("cases.timeline.someone");
          return (
            <Stack component="ol" gap="xs" m={0} p={0} style={{ listStyle: "none" }}>
              {[...data.items].reverse().map((e) => {
                const details = eventDetails(t, e, nameOf);
                return (
                  <Paper
                    component="li"
                    key={e.id}
                    p="sm"
                    radius="md"
                    withBorder
                    style={{ borderInlineStart: "4px solid var(--mantine-color-petrol-7)" }}
                  >
                    <Text fw={600} size="sm">
                      {t(`cases.timeline.kinds.${e.kind}`)}
                      {details ? <Text span fw={400} size="sm">{`: ${details}`}</Text> : null}
                    </Text>
                    <Text size="xs" c="dimmed">
                      <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                      {" · "}
                      <bdi>{e.actor?.name ?? t("cases.timeline.system")}</bdi>
                    </Text>
                  </Paper>
                );
              })}
            </Stack>
          );
        }}
      </QueryView>
    </section>
  );
}
