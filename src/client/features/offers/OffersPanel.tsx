import { Button } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useApiQuery } from "#client/api/use-api.ts";
import { Panel } from "#client/components/Panel.tsx";
import { PagedList, useListFilters } from "#client/forms/list.tsx";
import { offerRoutes } from "#shared/contracts/routes/offers.ts";
import { NO_OFFER_FILTER, OfferFilters, type OfferFilterValues } from "./OfferFilters.tsx";
import { OffersTable } from "./OffersTable.tsx";

const LIMIT = 25;

/** The offers of one organisation with filters: on the own offers page, and for the coordination on an organisation's page. */
export function OffersPanel({ organisationId, manages }: { organisationId: string; manages: boolean }) {
  const { t } = useTranslation();
  const { filters, setFilters, offset, setOffset } = useListFilters<OfferFilterValues>(NO_OFFER_FILTER);
  const [q] = useDebouncedValue(filters.q, 300);
  const offers = useApiQuery(offerRoutes.list, {
    params: { orgId: organisationId },
    query: { ...filters, q, limit: LIMIT, offset },
  });
  return (
    <Panel
      title={t("offers.listTitle")}
      action={
        manages ? (
          <Button component={Link} to={`/offers/new?organisation=${organisationId}`}>
            {t("offers.add")}
          </Button>
        ) : null
      }
    >
      <OfferFilters value={filters} onChange={setFilters} />
      <PagedList query={offers} limit={LIMIT} offset={offset} onPage={setOffset}>
        {(data) => <OffersTable offers={data.items} total={data.total} busy={offers.loading} />}
      </PagedList>
    </Panel>
  );
}
