import { Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Offer } from "../../../shared/contracts/offers.ts";
import { query } from "../../api/client.ts";
import { useApiQuery } from "../../api/use-api.ts";
import { Forbidden } from "../../components/Forbidden.tsx";
import { Loading } from "../../components/Loading.tsx";
import { Pager } from "../../components/Pager.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { hasPermission, useRequiredSession } from "../../session/session-context.ts";
import { LocationsPanel } from "./LocationsPanel.tsx";
import { NO_OFFER_FILTER, OfferFilters, type OfferFilterValues } from "./OfferFilters.tsx";
import { OffersTable } from "./OffersTable.tsx";

const LIMIT = 25;

/** The offers and locations of the organisation one acts for. */
export function OffersPage() {
  const { t } = useTranslation();
  const session = useRequiredSession();
  const [filters, setFilters] = useState<OfferFilterValues>(NO_OFFER_FILTER);
  const [q] = useDebouncedValue(filters.q, 300);
  const [offset, setOffset] = useState(0);
  const organisationId = session.active.organisationId;
  const offers = useApiQuery<{ items: Offer[]; total: number }>(
    hasPermission(session, "offer.read")
      ? `/api/organisations/${organisationId}/offers${query({ ...filters, q, limit: LIMIT, offset })}`
      : null,
  );
  if (!hasPermission(session, "offer.read")) return <Forbidden />;
  const manages = hasPermission(session, "offer.manage");

  return (
    <>
      <PageTitle>{t("offers.title")}</PageTitle>
      <Text c="dimmed" mb="lg">
        {t("offers.intro", { organisation: session.active.organisationName })}
      </Text>
      <Stack gap="lg">
        <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="offers-heading">
          <Group justify="space-between" mb="md">
            <Title order={2} size="h3" id="offers-heading">
              {t("offers.listTitle")}
            </Title>
            {manages ? (
              <Button component={Link} to="/offers/new">
                {t("offers.add")}
              </Button>
            ) : null}
          </Group>
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
        </Paper>
        <LocationsPanel organisationId={organisationId} manages={manages} />
      </Stack>
    </>
  );
}
