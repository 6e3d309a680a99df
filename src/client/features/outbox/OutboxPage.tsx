import { Anchor } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useApiQuery } from "#client/api/use-api.ts";
import { Guarded } from "#client/components/Forbidden.tsx";
import { formatDateTime } from "#client/components/format.ts";
import { ListTable } from "#client/components/ListTable.tsx";
import {
  FilterBar,
  ListPage,
  optionsOf,
  PagedList,
  SearchFilter,
  SelectFilter,
  useListFilters,
} from "#client/forms/list.tsx";
import { MAIL_TEMPLATES } from "#shared/contracts/outbox.ts";
import { outboxRoutes } from "#shared/contracts/routes/outbox.ts";
import type { OutboxStatus } from "#shared/domain.ts";
import { MailStatusBadge } from "./MailStatusBadge.tsx";

const LIMIT = 25;
const STATUSES = ["held", "pending", "sent", "failed"] as const;

/** The mail outbox: where invitations and reset links can be read while no SMTP server is set up. */
export function OutboxPage() {
  return <Guarded permission="outbox.read">{() => <Outbox />}</Guarded>;
}

function Outbox() {
  const { t } = useTranslation();
  const { filters, filter, offset, setOffset } = useListFilters<{ to: string; status: OutboxStatus | "" }>({
    to: "",
    status: "",
  });
  const [debouncedTo] = useDebouncedValue(filters.to, 300);
  const list = useApiQuery(outboxRoutes.list, {
    query: { status: filters.status, to: debouncedTo.trim(), limit: LIMIT, offset },
  });

  return (
    <ListPage title={t("outbox.title")} intro={t("outbox.intro")}>
      <FilterBar cols={{ base: 1, sm: 2 }} label={t("outbox.filters")}>
        <SearchFilter label={t("outbox.fields.to")} {...filter("to")} />
        <SelectFilter
          label={t("outbox.fields.status")}
          {...filter("status")}
          options={optionsOf(STATUSES, (s) => t(`outbox.status.${s}`))}
        />
      </FilterBar>
      <PagedList query={list} limit={LIMIT} offset={offset} onPage={setOffset}>
        {(data) => (
          <ListTable
            columns={[
              {
                header: t("outbox.fields.createdAt"),
                td: { style: { whiteSpace: "nowrap" } },
                cell: (m) => formatDateTime(m.createdAt),
              },
              { header: t("outbox.fields.to"), cell: (m) => m.toAddress },
              {
                header: t("outbox.fields.subject"),
                cell: (m) => (
                  <Anchor component={Link} to={`/outbox/${m.id}`}>
                    {m.subject}
                  </Anchor>
                ),
              },
              { header: t("outbox.fields.template"), cell: (m) => templateLabel(t, m.template) },
              { header: t("outbox.fields.status"), cell: (m) => <MailStatusBadge status={m.status} /> },
            ]}
            rows={data.items}
            empty={t("outbox.empty")}
            caption={t("outbox.caption", { n: data.total })}
            minWidth={760}
            busy={list.loading}
          />
        )}
      </PagedList>
    </ListPage>
  );
}

const TEMPLATES = new Set<string>(MAIL_TEMPLATES);

/** The kind of mail in words; templates added later on the server show their code. */
export function templateLabel(t: (key: string) => string, template: string): string {
  return TEMPLATES.has(template) ? t(`outbox.template.${template}`) : template;
}
