import { Button } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useApiQuery } from "#client/api/use-api.ts";
import { Guarded } from "#client/components/Forbidden.tsx";
import { ListPage, PagedList } from "#client/forms/list.tsx";
import { hasPermission } from "#client/session/session-context.ts";
import { caseRoutes } from "#shared/contracts/routes/cases.ts";
import { CASE_FILTER_KEYS, CaseFilters, type CaseFilterValues } from "./CaseFilters.tsx";
import { CasesTable } from "./CasesTable.tsx";
import { useAssignees } from "./use-assignees.ts";

const LIMIT = 25;

/** The cases one may see, with filters kept in the address so that a view can be linked. */
export function CasesPage() {
  return (
    <Guarded permission="case.read">
      {(session) => <CaseListView creates={hasPermission(session, "case.create")} />}
    </Guarded>
  );
}

function CaseListView({ creates }: { creates: boolean }) {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const filters = Object.fromEntries(
    CASE_FILTER_KEYS.map((k) => [k, search.get(k) ?? ""]),
  ) as CaseFilterValues;
  const offset = Number(search.get("offset")) || 0;
  // The search box is typed into locally and reaches the address (and the server) after a pause.
  const [q, setQ] = useState(filters.q);
  const [debouncedQ] = useDebouncedValue(q, 300);
  const people = useAssignees();

  const update = (next: Partial<CaseFilterValues>, nextOffset = 0) => {
    // From the address itself: React Router's `prev` is the search of the render that bound the
    // handler, so the debounced search text could undo a filter chosen meanwhile.
    const params = new URLSearchParams(window.location.search);
    for (const [key, value] of Object.entries(next)) {
      if (value) params.set(key, value);
      else params.delete(key);
    }
    if (nextOffset) params.set("offset", String(nextOffset));
    else params.delete("offset");
    setSearch(params, { replace: true });
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a settled search word updates the address
  useEffect(() => {
    if (debouncedQ !== filters.q) update({ q: debouncedQ });
  }, [debouncedQ]);

  const cases = useApiQuery(caseRoutes.list, { query: { ...filters, limit: LIMIT, offset } });
  return (
    <ListPage
      title={t("cases.title")}
      action={
        creates ? (
          <Button component={Link} to="/cases/new">
            {t("cases.new")}
          </Button>
        ) : null
      }
      intro={creates ? t("cases.intro") : t("cases.introAssigned")}
    >
      <CaseFilters
        value={{ ...filters, q }}
        people={people}
        onChange={(v) => {
          setQ(v.q);
          const { q: _q, ...rest } = v;
          update(rest);
        }}
      />
      <PagedList query={cases} limit={LIMIT} offset={offset} onPage={(o) => update({}, o)}>
        {(data) => <CasesTable cases={data.items} total={data.total} busy={cases.loading} />}
      </PagedList>
    </ListPage>
  );
}
