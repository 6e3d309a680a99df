import { Code, Paper, Table, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AuditEntry } from "../../../shared/contracts/audit.ts";
import { query } from "../../api/client.ts";
import { useApiQuery } from "../../api/use-api.ts";
import { Forbidden } from "../../components/Forbidden.tsx";
import { formatDateTime } from "../../components/format.ts";
import { Loading } from "../../components/Loading.tsx";
import { Pager } from "../../components/Pager.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { hasPermission, useRequiredSession } from "../../session/session-context.ts";
import { AuditFilters, type AuditFilterValues, NO_AUDIT_FILTER } from "./AuditFilters.tsx";

const LIMIT = 50;

/** Start or end of a local calendar day as the API's ISO timestamp. */
function dayBoundary(day: string, end: boolean): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  return new Date(`${day}T${end ? "23:59:59.999" : "00:00:00"}`).toISOString();
}

/** Who did what and when: the audit log of one's organisation, or of the network for the coordinator. */
export function AuditPage() {
  const session = useRequiredSession();
  if (!hasPermission(session, "audit.read")) return <Forbidden />;
  return <AuditLog networkWide={session.active.role === "network_coordinator"} />;
}

function AuditLog({ networkWide }: { networkWide: boolean }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AuditFilterValues>(NO_AUDIT_FILTER);
  const [debounced] = useDebouncedValue(filters, 300);
  const [offset, setOffset] = useState(0);
  const path = `/api/audit${query({
    organisationId: debounced.organisationId,
    kind: debounced.kind,
    action: debounced.action.trim(),
    entity: debounced.entity.trim(),
    entityId: debounced.entityId.trim(),
    from: dayBoundary(debounced.from, false),
    to: dayBoundary(debounced.to, true),
    limit: LIMIT,
    offset,
  })}`;
  const log = useApiQuery<{ items: AuditEntry[]; total: number }>(path);

  return (
    <>
      <PageTitle>{t("audit.title")}</PageTitle>
      <Text c="dimmed" mb="lg">
        {networkWide ? t("audit.introNetwork") : t("audit.intro")}
      </Text>
      <Paper withBorder p="lg" radius="md">
        <AuditFilters
          value={filters}
          networkWide={networkWide}
          onChange={(v) => {
            setFilters(v);
            setOffset(0);
          }}
        />
        <ProblemAlert error={log.error} />
        {!log.data ? (
          log.error ? null : (
            <Loading />
          )
        ) : log.data.items.length === 0 ? (
          <Text py="md">{t("audit.empty")}</Text>
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table striped aria-busy={log.loading} fz="sm">
              <Table.Caption className="visually-hidden">
                {t("audit.caption", { n: log.data.total })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("audit.fields.at")}</Table.Th>
                  <Table.Th>{t("audit.fields.actor")}</Table.Th>
                  <Table.Th>{t("audit.fields.action")}</Table.Th>
                  <Table.Th>{t("audit.fields.entity")}</Table.Th>
                  <Table.Th>{t("audit.fields.entityId")}</Table.Th>
                  <Table.Th>{t("audit.fields.requestId")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {log.data.items.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(e.at)}</Table.Td>
                    <Table.Td>{e.actorName ?? t("audit.system")}</Table.Td>
                    <Table.Td>
                      <Code>{e.action}</Code>
                    </Table.Td>
                    <Table.Td>{e.entity}</Table.Td>
                    <Table.Td>
                      <Ident value={e.entityId} />
                    </Table.Td>
                    <Table.Td>
                      <Ident value={e.requestId} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {log.data ? (
          <Pager total={log.data.total} limit={LIMIT} offset={offset} onChange={setOffset} />
        ) : null}
      </Paper>
    </>
  );
}

/** An identifier in full, so it can be copied into a support request; ids read left to right. */
function Ident({ value }: { value: string | null }) {
  if (!value) return <>–</>;
  return (
    <Text span ff="monospace" size="xs" dir="ltr" style={{ wordBreak: "break-all" }}>
      {value}
    </Text>
  );
}
