import { Stack, Table, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { useApiQuery } from "#client/api/use-api.ts";
import { Guarded } from "#client/components/Forbidden.tsx";
import { formatDateTime } from "#client/components/format.ts";
import { Pager } from "#client/components/Pager.tsx";
import { ItemsView } from "#client/components/QueryView.tsx";
import { ListPage, useListFilters } from "#client/forms/list.tsx";
import type { AuditEntry } from "#shared/contracts/audit.ts";
import { auditRoutes } from "#shared/contracts/routes/audit.ts";
import { AuditFilters, type AuditFilterValues, NO_AUDIT_FILTER } from "./AuditFilters.tsx";
import { auditSentence, auditWhy, changedFields } from "./sentence.ts";

const LIMIT = 50;

/** Start or end of a local calendar day as the API's ISO timestamp. */
function dayBoundary(day: string, end: boolean): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  return new Date(`${day}T${end ? "23:59:59.999" : "00:00:00"}`).toISOString();
}

/** Who did what and when: the audit log of one's organisation, or of the network for the coordinator. */
export function AuditPage() {
  return (
    <Guarded permission="audit.read">
      {(session) => <AuditLog networkWide={session.active.role === "network_coordinator"} />}
    </Guarded>
  );
}

function AuditLog({ networkWide }: { networkWide: boolean }) {
  const { t } = useTranslation();
  const { filters, setFilters, offset, setOffset } = useListFilters<AuditFilterValues>(NO_AUDIT_FILTER);
  const [debounced] = useDebouncedValue(filters, 300);
  const log = useApiQuery(auditRoutes.list, {
    query: {
      organisationId: debounced.organisationId,
      kind: debounced.kind,
      action: debounced.area ? `${debounced.area}.` : "",
      from: dayBoundary(debounced.from, false),
      to: dayBoundary(debounced.to, true),
      limit: LIMIT,
      offset,
    },
  });

  return (
    <ListPage title={t("audit.title")} intro={networkWide ? t("audit.introNetwork") : t("audit.intro")}>
      <AuditFilters value={filters} networkWide={networkWide} onChange={setFilters} />
      <ItemsView query={log} empty={<Text py="md">{t("audit.empty")}</Text>}>
        {(data) => (
          <Table.ScrollContainer minWidth={760}>
            <Table striped aria-busy={log.loading} fz="sm" verticalSpacing="sm">
              <Table.Caption className="visually-hidden">
                {t("audit.caption", { n: data.total })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("audit.fields.at")}</Table.Th>
                  <Table.Th>{t("audit.fields.actor")}</Table.Th>
                  <Table.Th>{t("audit.fields.what")}</Table.Th>
                  {networkWide ? <Table.Th>{t("audit.fields.organisation")}</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((e) => (
                  <AuditRow key={e.id} entry={e} networkWide={networkWide} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </ItemsView>
      {log.data ? <Pager total={log.data.total} limit={LIMIT} offset={offset} onChange={setOffset} /> : null}
    </ListPage>
  );
}

function AuditRow({ entry: e, networkWide }: { entry: AuditEntry; networkWide: boolean }) {
  const { t, i18n } = useTranslation();
  const fields = changedFields(t, i18n, e);
  const why = auditWhy(t, i18n, e);
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: "nowrap", verticalAlign: "top" }}>{formatDateTime(e.at)}</Table.Td>
      <Table.Td style={{ verticalAlign: "top" }}>
        <bdi>{e.actorName ?? t("audit.system")}</bdi>
        {e.actorOrganisationName ? (
          <Text size="xs" c="dimmed" dir="auto">
            {e.actorOrganisationName}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td style={{ verticalAlign: "top" }}>
        <Stack gap={2}>
          <Text size="sm" dir="auto">
            {auditSentence(t, i18n, e)}
          </Text>
          {fields.length > 0 ? (
            <Text size="xs" c="dimmed">
              {t("audit.changed", { fields: fields.join(", ") })}
            </Text>
          ) : null}
          {why ? (
            <Text size="xs" fw={600} dir="auto">
              {why}
            </Text>
          ) : null}
        </Stack>
      </Table.Td>
      {networkWide ? (
        <Table.Td style={{ verticalAlign: "top" }} dir="auto">
          {e.organisationName ?? "–"}
        </Table.Td>
      ) : null}
    </Table.Tr>
  );
}
