import { Tabs, Text } from "@mantine/core";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useApiQuery } from "#client/api/use-api.ts";
import { Forbidden } from "#client/components/Forbidden.tsx";
import { formatDay } from "#client/components/format.ts";
import { Loading } from "#client/components/Loading.tsx";
import { PageTitle } from "#client/components/PageTitle.tsx";
import { QueryView } from "#client/components/QueryView.tsx";
import { hasPermission, useRequiredSession } from "#client/session/session-context.ts";
import type { CSV_TABLES } from "#shared/contracts/analytics.ts";
import { pathOf } from "#shared/contracts/route.ts";
import { analyticsCsvRoutes, analyticsRoutes } from "#shared/contracts/routes/analytics.ts";
import { hasNetworkScope } from "#shared/permissions.ts";
import { ANALYTICS_FILTER_KEYS, AnalyticsFilters, type AnalyticsFilterValues } from "./AnalyticsFilters.tsx";
import { DistrictSection } from "./DistrictSection.tsx";
import { InterfaceTable } from "./InterfaceTable.tsx";
import { NetworkSection } from "./NetworkSection.tsx";
import { LateInterfaces } from "./OverviewSection.tsx";
import { TimesSection } from "./TimesSection.tsx";

// The process map's layout (dagre) loads with the process view, not with the page.
const FlowSection = lazy(() => import("./FlowSection.tsx").then((m) => ({ default: m.FlowSection })));

/**
 * The views of the page, each a tab with its address (`?view=network`). The overview comes first:
 * it answers in words which interfaces are late, by how much and where to act; the others hold the
 * details.
 */
export const ANALYTICS_VIEWS = ["overview", "interfaces", "network", "flow", "times"] as const;
export type AnalyticsView = (typeof ANALYTICS_VIEWS)[number];

/** Interface analytics: the coordination sees the network, others the interfaces of their organisation. */
export function AnalyticsPage() {
  const session = useRequiredSession();
  if (!hasPermission(session, "analytics.read")) return <Forbidden />;
  return <Analytics networkWide={hasNetworkScope(session.active.role)} />;
}

type Csv = (table: (typeof CSV_TABLES)[number]) => string;

function Analytics({ networkWide }: { networkWide: boolean }) {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const filters = Object.fromEntries(
    ANALYTICS_FILTER_KEYS.map((k) => [k, search.get(k) ?? ""]),
  ) as AnalyticsFilterValues;
  const requested = search.get("view");
  const view: AnalyticsView = (ANALYTICS_VIEWS as readonly string[]).includes(requested ?? "")
    ? (requested as AnalyticsView)
    : "overview";
  const selected = search.get("pair");

  // From the address itself, not from the last render: React Router's `prev` is the search of the
  // render that bound the handler, so a second quick change would undo the first. A filter replaces
  // the entry; a change of view adds one, so that Back returns to the view before.
  const update = (next: Partial<Record<string, string>>, push = false) => {
    const params = new URLSearchParams(window.location.search);
    for (const [key, value] of Object.entries(next)) {
      if (value) params.set(key, value);
      else params.delete(key);
    }
    setSearch(params, { replace: !push });
  };
  const show = (next: AnalyticsView, pair?: string) =>
    update({ view: next === "overview" ? "" : next, pair: pair ?? "" }, true);

  const csv: Csv = (table) => pathOf(analyticsCsvRoutes[table], { query: filters });
  // The interface table feeds the overview, its own view and the period shown; the other views
  // load when opened (the flow is the heaviest figure of all).
  const interfaces = useApiQuery(analyticsRoutes.interfaces, { query: filters });
  const period = interfaces.data?.period;

  return (
    <>
      <PageTitle>{t("analytics.title")}</PageTitle>
      <Text mb="md" maw={820}>
        {networkWide ? t("analytics.introNetwork") : t("analytics.introOwn")}
      </Text>
      <AnalyticsFilters value={filters} onChange={(change) => update(change)} />
      <Text size="sm" mb="md" aria-live="polite">
        {period ? t("analytics.period", { from: formatDay(period.from), to: formatDay(period.to) }) : null}
      </Text>
      <Tabs
        value={view}
        onChange={(v) => show((v as AnalyticsView | null) ?? "overview")}
        keepMounted={false}
        variant="outline"
      >
        <Tabs.List aria-label={t("analytics.views.label")} mb="lg">
          {ANALYTICS_VIEWS.map((v) => (
            <Tabs.Tab key={v} value={v}>
              {t(`analytics.views.${v}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview">
          <QueryView query={interfaces}>
            {(data) => (
              <LateInterfaces
                data={data}
                onShow={(pair) => show("interfaces", pair)}
                networkWide={networkWide}
              />
            )}
          </QueryView>
        </Tabs.Panel>
        <Tabs.Panel value="interfaces">
          <QueryView query={interfaces}>
            {(data) => (
              <InterfaceTable
                data={data}
                csv={csv("interfaces")}
                busy={interfaces.loading}
                selected={selected}
              />
            )}
          </QueryView>
        </Tabs.Panel>
        <Tabs.Panel value="network">
          <NetworkView filters={filters} csv={csv} onSelect={(pair) => show("interfaces", pair)} />
        </Tabs.Panel>
        <Tabs.Panel value="flow">
          <FlowView filters={filters} csv={csv} />
        </Tabs.Panel>
        <Tabs.Panel value="times">
          <TimesView filters={filters} csv={csv} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

type ViewProps = { filters: AnalyticsFilterValues; csv: Csv };

function NetworkView({ filters, csv, onSelect }: ViewProps & { onSelect: (pair: string) => void }) {
  const network = useApiQuery(analyticsRoutes.network, { query: filters });
  return (
    <QueryView query={network}>
      {(data) => (
        <NetworkSection data={data} csv={{ nodes: csv("nodes"), edges: csv("edges") }} onSelect={onSelect} />
      )}
    </QueryView>
  );
}

function FlowView({ filters, csv }: ViewProps) {
  const flow = useApiQuery(analyticsRoutes.flow, { query: filters });
  return (
    <QueryView query={flow}>
      {(data) => (
        <Suspense fallback={<Loading />}>
          <FlowSection data={data} csv={{ flow: csv("flow"), variants: csv("variants") }} />
        </Suspense>
      )}
    </QueryView>
  );
}

function TimesView({ filters, csv }: ViewProps) {
  const times = useApiQuery(analyticsRoutes.times, { query: filters });
  return (
    <QueryView query={times}>
      {(data) => (
        <>
          <TimesSection data={data} csv={csv("months")} />
          <DistrictSection data={data} csv={csv("districts")} />
        </>
      )}
    </QueryView>
  );
}
