import { Anchor, Paper, Tabs, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useSearchParams } from "react-router";
import { useApiQuery } from "#client/api/use-api.ts";
import { Forbidden } from "#client/components/Forbidden.tsx";
import { formatDateTime } from "#client/components/format.ts";
import { ListTable } from "#client/components/ListTable.tsx";
import { PageTitle } from "#client/components/PageTitle.tsx";
import { PagedList } from "#client/forms/list.tsx";
import { hasPermission, useRequiredSession } from "#client/session/session-context.ts";
import { referralRoutes } from "#shared/contracts/routes/referrals.ts";
import { INBOX_BUCKETS, type InboxBucket } from "#shared/referrals.ts";
import { currentDue, ReferralDue, ReferralStateBadge } from "./labels.tsx";
import { ReferralViews } from "./ReferralViews.tsx";
import type { ReferralListData as ReferralList } from "./types.ts";

const LIMIT = 25;

/**
 * The receiving organisation's referrals, sorted into buckets by what needs doing. Someone who
 * sends but does not receive referrals (a volunteer) finds the outgoing list here instead.
 */
export function ReferralInboxPage() {
  const session = useRequiredSession();
  if (!hasPermission(session, "referral.respond")) {
    if (hasPermission(session, "referral.send")) return <Navigate to="/referrals/outgoing" replace />;
    return <Forbidden />;
  }
  return <Inbox />;
}

function Inbox() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const requested = search.get("bucket");
  const bucket: InboxBucket = (INBOX_BUCKETS as readonly string[]).includes(requested ?? "")
    ? (requested as InboxBucket)
    : "new";
  const offset = Number(search.get("offset")) || 0;
  const counts = useApiQuery(referralRoutes.inboxCounts);
  const list = useApiQuery(referralRoutes.inbox, { query: { bucket, limit: LIMIT, offset } });
  const update = (next: InboxBucket, nextOffset = 0) =>
    setSearch(
      () => {
        const params = new URLSearchParams({ bucket: next });
        if (nextOffset) params.set("offset", String(nextOffset));
        return params;
      },
      { replace: true },
    );

  return (
    <>
      <PageTitle>{t("referrals.inbox.title")}</PageTitle>
      <ReferralViews current="inbox" />
      <Text c="dimmed" mb="lg">
        {t("referrals.inbox.intro")}
      </Text>
      <Paper withBorder radius="md">
        <Tabs value={bucket} onChange={(v) => update((v as InboxBucket | null) ?? "new")} keepMounted={false}>
          <Tabs.List aria-label={t("referrals.inbox.buckets")}>
            {INBOX_BUCKETS.map((b) => (
              <Tabs.Tab key={b} value={b}>
                {t(`referrals.inbox.bucketNames.${b}`)}
                {counts.data ? ` (${counts.data[b]})` : ""}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {INBOX_BUCKETS.map((b) => (
            <Tabs.Panel key={b} value={b} p="lg">
              <PagedList query={list} limit={LIMIT} offset={offset} onPage={(o) => update(b, o)}>
                {(data) => <InboxTable data={data} busy={list.loading} bucket={b} />}
              </PagedList>
            </Tabs.Panel>
          ))}
        </Tabs>
      </Paper>
    </>
  );
}

function InboxTable({ data, busy, bucket }: { data: ReferralList; busy: boolean; bucket: InboxBucket }) {
  const { t } = useTranslation();
  return (
    <ListTable
      columns={[
        {
          header: t("referrals.fields.offer"),
          td: { fw: 600 },
          cell: (r) => (
            <Anchor component={Link} to={`/referrals/${r.id}`} dir="auto">
              {r.offer.name}
            </Anchor>
          ),
        },
        { header: t("referrals.fields.from"), cell: (r) => <bdi>{r.from.name}</bdi> },
        { header: t("referrals.fields.case"), cell: (r) => <span dir="ltr">{r.casePseudonym}</span> },
        { header: t("referrals.fields.received"), cell: (r) => formatDateTime(r.sentAt) },
        {
          header: t("referrals.fields.due"),
          cell: (r) => <ReferralDue referral={r} which={currentDue(r)} />,
        },
        { header: t("referrals.fields.state"), cell: (r) => <ReferralStateBadge state={r.state} /> },
      ]}
      rows={data.items}
      empty={t(`referrals.inbox.empty.${bucket}`)}
      caption={t("referrals.inbox.caption", { n: data.total })}
      minWidth={860}
      busy={busy}
    />
  );
}
