import { Anchor, NativeSelect, Paper, SimpleGrid, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { z } from "zod";
import { MAIL_TEMPLATES, type OutboxMail } from "../../../shared/contracts/outbox.ts";
import { query } from "../../api/client.ts";
import { useApiQuery } from "../../api/use-api.ts";
import { Forbidden } from "../../components/Forbidden.tsx";
import { formatDateTime } from "../../components/format.ts";
import { ListTable } from "../../components/ListTable.tsx";
import { Pager } from "../../components/Pager.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { QueryView } from "../../components/QueryView.tsx";
import { hasPermission, useRequiredSession } from "../../session/session-context.ts";
import { MailStatusBadge } from "./MailStatusBadge.tsx";

export type Mail = z.infer<typeof OutboxMail>;
const LIMIT = 25;
const STATUSES = ["held", "pending", "sent", "failed"] as const;

/** The mail outbox: where invitations and reset links can be read while no SMTP server is set up. */
export function OutboxPage() {
  const session = useRequiredSession();
  if (!hasPermission(session, "outbox.read")) return <Forbidden />;
  return <Outbox />;
}

function Outbox() {
  const { t } = useTranslation();
  const [status, setStatus] = useState("");
  const [to, setTo] = useState("");
  const [debouncedTo] = useDebouncedValue(to, 300);
  const [offset, setOffset] = useState(0);
  const list = useApiQuery<{ items: Mail[]; total: number }>(
    `/api/outbox${query({ status, to: debouncedTo.trim(), limit: LIMIT, offset })}`,
  );

  return (
    <>
      <PageTitle>{t("outbox.title")}</PageTitle>
      <Text c="dimmed" mb="lg">
        {t("outbox.intro")}
      </Text>
      <Paper withBorder p="lg" radius="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} mb="md" role="search" aria-label={t("outbox.filters")}>
          <TextInput
            type="search"
            label={t("outbox.fields.to")}
            value={to}
            onChange={(e) => {
              setTo(e.currentTarget.value);
              setOffset(0);
            }}
          />
          <NativeSelect
            label={t("outbox.fields.status")}
            value={status}
            onChange={(e) => {
              setStatus(e.currentTarget.value);
              setOffset(0);
            }}
            data={[
              { value: "", label: t("common.all") },
              ...STATUSES.map((s) => ({ value: s, label: t(`outbox.status.${s}`) })),
            ]}
          />
        </SimpleGrid>
        <QueryView query={list}>
          {(data) => (
            <ListTable
              headers={[
                t("outbox.fields.createdAt"),
                t("outbox.fields.to"),
                t("outbox.fields.subject"),
                t("outbox.fields.template"),
                t("outbox.fields.status"),
              ]}
              count={data.items.length}
              empty={t("outbox.empty")}
              caption={t("outbox.caption", { n: data.total })}
              minWidth={760}
              busy={list.loading}
            >
              {data.items.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(m.createdAt)}</Table.Td>
                  <Table.Td>{m.toAddress}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/outbox/${m.id}`}>
                      {m.subject}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{templateLabel(t, m.template)}</Table.Td>
                  <Table.Td>
                    <MailStatusBadge status={m.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
          )}
        </QueryView>
        {list.data ? (
          <Pager total={list.data.total} limit={LIMIT} offset={offset} onChange={setOffset} />
        ) : null}
      </Paper>
    </>
  );
}

const TEMPLATES = new Set<string>(MAIL_TEMPLATES);

/** The kind of mail in words; templates added later on the server show their code. */
export function templateLabel(t: (key: string) => string, template: string): string {
  return TEMPLATES.has(template) ? t(`outbox.template.${template}`) : template;
}
