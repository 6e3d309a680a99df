import { Button } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Offer } from "../../../shared/contracts/offers.ts";
import { query } from "../../api/client.ts";
import { useApiQuery } from "../../api/use-api.ts";
import { Loading } from "../../components/Loading.tsx";
import { Pager } from "../../components/Pager.tsx";
import { Panel } from "../../components/Panel.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { NO_OFFER_FILTER, OfferFilters, type OfferFilterValues } from "./OfferFilters.tsx";
import { OffersTable } from "./OffersTable.tsx";

const LIMIT = 25;

/** The offers of one organisation with filters: on the own offers page, and for the coordination on an organisation's page. */
export function OffersPanel({ organisationId, manages }: { organisationId: string; manages: boolean }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<OfferFilterValues>(NO_OFFER_FILTER);
  const [q] = useDebouncedValue(filters.q, 300);
  const [offset, setOffset] = useState(0);
  const offers = useApiQuery<{ items: Offer[]; total: number }>(
    `/api/organisations/${organisationId}/offers${query({ ...filters, q, limit: LIMIT, offset })}`,
  );
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
      <OfferFilters
        value={filters}
        onChange={(v) => {
          setFilters(v);
          setOffset(0);
        }}
      />
      <ProblemAlert error={offers.error} />
      {offers.data ? (
        <>
          <OffersTable offers={offers.data.items} total={offers.data.total} busy={offers.loading} />
          <Pager total={offers.data.total} limit={LIMIT} offset={offset} onChange={setOffset} />
        </>
      ) : offers.error ? null : (
        <Loading />
      )}
    </Panel>
  );
}
