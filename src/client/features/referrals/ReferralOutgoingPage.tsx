import { Anchor, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useApiQuery } from "#client/api/use-api.ts";
import { Guarded } from "#client/components/Forbidden.tsx";
import { formatDateTime } from "#client/components/format.ts";
import { ListTable } from "#client/components/ListTable.tsx";
import { PageTitle } from "#client/components/PageTitle.tsx";
import { DueDate } from "#client/features/cases/CaseBadges.tsx";
import { FilterBar, optionsOf, PagedList, SelectFilter } from "#client/forms/list.tsx";
import {
  OUTGOING_SENDERS,
  OUTGOING_SORTS,
  OUTGOING_STATE_FILTERS,
  type OutgoingReferral,
} from "#shared/contracts/referrals.ts";
import type { QueryOf } from "#shared/contracts/route.ts";
import { referralRoutes } from "#shared/contracts/routes/referrals.ts";
import { outcomeText, ReferralStateBadge } from "./labels.tsx";
import { ReferralViews } from "./ReferralViews.tsx";

const LIMIT = 25;
const FILTER_KEYS = ["sender", "state", "overdue", "sort"] as const;
/** The filters as the address holds them: "" is a filter not set. */
type Filters = {
  [K in (typeof FILTER_KEYS)[number]]-?: NonNullable<QueryOf<typeof referralRoutes.outgoing>[K]> | "";
};
const DEFAULTS: Filters = { sender: "me", state: "", overdue: "", sort: "due" };
/** Translation keys of the sort orders ("-due" reads badly as a key). */
const SORT_KEYS: Record<(typeof OUTGOING_SORTS)[number], string> = {
  due: "due",
  "-due": "dueDesc",
  sent: "sent",
  "-sent": "sentDesc",
};

type List = { items: OutgoingReferral[]; total: number };

/** The referrals the organisation sent, across its cases: where each stands and whether it is late. */
export function ReferralOutgoingPage() {
  return (
    <Guarded permission="referral.send">
      {(session) => <Outgoing volunteer={session.active.role === "volunteer"} />}
    </Guarded>
  );
}

function Outgoing({ volunteer }: { volunteer: boolean }) {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, search.get(k) ?? DEFAULTS[k]])) as Filters;
  const offset = Number(search.get("offset")) || 0;
  const update = (next: Partial<Filters>, nextOffset = 0) => {
    const params = new URLSearchParams(window.location.search);
    for (const [key, value] of Object.entries(next)) {
      if (value && value !== DEFAULTS[key as keyof Filters]) params.set(key, value);
      else params.delete(key);
    }
    if (nextOffset) params.set("offset", String(nextOffset));
    else params.delete("offset");
    setSearch(params, { replace: true });
  };
  const list = useApiQuery(referralRoutes.outgoing, { query: { ...filters, limit: LIMIT, offset } });
  const counts = useApiQuery(referralRoutes.outgoingCounts, { query: { sender: filters.sender } });
  const bind = (key: keyof Filters) => ({
    value: filters[key],
    onChange: (v: string) => update({ [key]: v }),
  });

  return (
    <>
      <PageTitle>{t("referrals.outgoing.title")}</PageTitle>
      <ReferralViews current="outgoing" />
      <Text c="dimmed" mb="md">
        {t(volunteer ? "referrals.outgoing.introVolunteer" : "referrals.outgoing.intro")}
      </Text>
      <Paper withBorder radius="md" p="lg">
        <FilterBar cols={{ base: 1, sm: 2, lg: 4 }} label={t("referrals.outgoing.filters")}>
          <SelectFilter
            label={t("referrals.outgoing.sender")}
            {...bind("sender")}
            withAll={false}
            options={optionsOf(OUTGOING_SENDERS, (s) =>
              t(`referrals.outgoing.senders.${s === "organisation" && volunteer ? "myCases" : s}`),
            )}
          />
          <SelectFilter
            label={t("referrals.fields.state")}
            {...bind("state")}
            options={optionsOf(OUTGOING_STATE_FILTERS, (s) =>
              s === "open" || s === "closed"
                ? t(`referrals.outgoing.states.${s}`)
                : t(`referrals.states.${s}`),
            )}
          />
          <SelectFilter
            label={t("referrals.outgoing.overdue")}
            {...bind("overdue")}
            options={optionsOf(["true", "false"], (v) => t(`referrals.outgoing.overdueOptions.${v}`))}
          />
          <SelectFilter
            label={t("referrals.outgoing.sort")}
            {...bind("sort")}
            withAll={false}
            options={optionsOf(OUTGOING_SORTS, (s) => t(`referrals.outgoing.sorts.${SORT_KEYS[s]}`))}
          />
        </FilterBar>
        {counts.data ? (
          <Text size="sm" mb="sm" aria-live="polite">
            {t("referrals.outgoing.counts", counts.data)}
          </Text>
        ) : null}
        <PagedList query={list} limit={LIMIT} offset={offset} onPage={(o) => update(filters, o)}>
          {(data) => <OutgoingTable data={data} busy={list.loading} showSender={filters.sender !== "me"} />}
        </PagedList>
      </Paper>
    </>
  );
}

function OutgoingTable({ data, busy, showSender }: { data: List; busy: boolean; showSender: boolean }) {
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
        { header: t("referrals.fields.to"), cell: (r) => <bdi>{r.to.name}</bdi> },
        {
          header: t("referrals.fields.case"),
          cell: (r) => (
            <Anchor component={Link} to={`/cases/${r.caseId}?tab=referrals`} dir="ltr">
              {r.casePseudonym}
            </Anchor>
          ),
        },
        {
          header: t("referrals.fields.sentAt"),
          cell: (r) => (
            <Stack gap={2}>
              <span>{formatDateTime(r.sentAt)}</span>
              {showSender && r.sentBy ? (
                <Text size="xs">{t("referrals.outgoing.sentBy", { name: r.sentBy.name })}</Text>
              ) : null}
              {r.sharedItems.length === 0 ? <Text size="xs">{t("referrals.outgoing.noData")}</Text> : null}
            </Stack>
          ),
        },
        {
          header: t("referrals.fields.due"),
          cell: (r) =>
            r.due ? (
              <Stack gap={2}>
                <DueDate day={r.due} overdue={r.overdue} />
                <Text size="xs">
                  {t(r.state === "sent" ? "referrals.outgoing.dueAnswer" : "referrals.outgoing.dueComplete")}
                </Text>
              </Stack>
            ) : (
              "–"
            ),
        },
        {
          header: t("referrals.fields.state"),
          cell: (r) => (
            <Stack gap={2} align="flex-start">
              <ReferralStateBadge state={r.state} />
              {r.outcome || r.declineReason ? <Text size="xs">{outcomeText(t, r)}</Text> : null}
            </Stack>
          ),
        },
      ]}
      rows={data.items}
      empty={t("referrals.outgoing.empty")}
      caption={t("referrals.outgoing.caption", { n: data.total })}
      minWidth={900}
      busy={busy}
    />
  );
}
