import { Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type {
  CSV_TABLES,
  InterfaceTable as InterfaceData,
  NetworkGraph,
  ProcessFlow,
  ProcessTimes,
} from "../../../shared/contracts/analytics.ts";
import { hasNetworkScope } from "../../../shared/permissions.ts";
import { query } from "../../api/client.ts";
import { useApiQuery } from "../../api/use-api.ts";
import { Forbidden } from "../../components/Forbidden.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { QueryView } from "../../components/QueryView.tsx";
import { hasPermission, useRequiredSession } from "../../session/session-context.ts";
import { formatDay } from "../cases/labels.ts";
import { ANALYTICS_FILTER_KEYS, AnalyticsFilters, type AnalyticsFilterValues } from "./AnalyticsFilters.tsx";
import { DistrictSection } from "./DistrictSection.tsx";
import { FlowSection } from "./FlowSection.tsx";
import { InterfaceTable } from "./InterfaceTable.tsx";
import { NetworkSection } from "./NetworkSection.tsx";
import { TimesSection } from "./TimesSection.tsx";

/** Interface analytics: the coordination sees the network, others the interfaces of their organisation. */
export function AnalyticsPage() {
  const session = useRequiredSession();
  if (!hasPermission(session, "analytics.read")) return <Forbidden />;
  return <Analytics networkWide={hasNetworkScope(session.active.role)} />;
}

function Analytics({ networkWide }: { networkWide: boolean }) {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const filters = Object.fromEntries(
    ANALYTICS_FILTER_KEYS.map((k) => [k, search.get(k) ?? ""]),
  ) as AnalyticsFilterValues;
  const [selected, setSelected] = useState<string | null>(null);

  // From the address itself, not from the last render: React Router's `prev` is the search of the
  // render that bound the handler, so a second quick change would undo the first.
  const update = (next: Partial<AnalyticsFilterValues>) => {
    const params = new URLSearchParams(window.location.search);
    for (const [key, value] of Object.entries(next)) {
      if (value) params.set(key, value);
      else params.delete(key);
    }
    setSearch(params, { replace: true });
  };
  const qs = query(filters);
  const csv = (table: (typeof CSV_TABLES)[number]) => `/api/analytics/${table}.csv${qs}`;
  const interfaces = useApiQuery<InterfaceData>(`/api/analytics/interfaces${qs}`);
  const network = useApiQuery<NetworkGraph>(`/api/analytics/network${qs}`);
  const flow = useApiQuery<ProcessFlow>(`/api/analytics/flow${qs}`);
  const times = useApiQuery<ProcessTimes>(`/api/analytics/times${qs}`);
  const period = interfaces.data?.period;

  return (
    <>
      <PageTitle>{t("analytics.title")}</PageTitle>
      <Text mb="md" maw={820}>
        {networkWide ? t("analytics.introNetwork") : t("analytics.introOwn")}
      </Text>
      <AnalyticsFilters value={filters} onChange={update} />
      <Text size="sm" mb="md" aria-live="polite">
        {period ? t("analytics.period", { from: formatDay(period.from), to: formatDay(period.to) }) : null}
      </Text>
      <QueryView query={network}>
        {(data) => (
          <NetworkSection
            data={data}
            csv={{ nodes: csv("nodes"), edges: csv("edges") }}
            onSelect={setSelected}
          />
        )}
      </QueryView>
      <QueryView query={interfaces}>
        {(data) => (
          <InterfaceTable data={data} csv={csv("interfaces")} busy={interfaces.loading} selected={selected} />
        )}
      </QueryView>
      <QueryView query={flow}>
        {(data) => <FlowSection data={data} csv={{ flow: csv("flow"), variants: csv("variants") }} />}
      </QueryView>
      <QueryView query={times}>
        {(data) => (
          <>
            <TimesSection data={data} csv={csv("months")} />
            <DistrictSection data={data} csv={csv("districts")} />
          </>
        )}
      </QueryView>
    </>
  );
}
