import { Group, NativeSelect, Radio, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApiQuery } from "#client/api/use-api.ts";
import { Pager } from "#client/components/Pager.tsx";
import { ItemsView } from "#client/components/QueryView.tsx";
import { phaseLabel } from "#client/features/cases/labels.ts";
import { languageName } from "#client/features/offers/labels.ts";
import { currentLocale } from "#client/i18n.ts";
import {
  FINDER_PAGE_SIZE,
  type FinderOfferSummary,
  type FinderSearchQuery,
} from "#shared/contracts/finder.ts";
import { finderRoutes } from "#shared/contracts/routes/finder.ts";
import { FINDER_LOCALES, IQ_PHASES, OFFER_TYPES } from "#shared/directory.ts";
import { DISTRICTS } from "#shared/domain.ts";

/** Languages offered as a filter: the ones counselling in the region is most often given in. */
const FILTER_LANGUAGES = ["de", "en", "ar", "uk", "ru", "fa", "tr", "ps", "ti", "ku", "fr", "es"];

/** The filters as chosen: "" is all. */
type Filters = {
  type: NonNullable<FinderSearchQuery["type"]> | "";
  phase: string;
  district: string;
  language: string;
};

type Props = { chosen: FinderOfferSummary | null; onChoose: (offer: FinderOfferSummary) => void };

/** Step 1: find the offer the way the public finder does — search words and a few filters. */
export function OfferSearchStep({ chosen, onChoose }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const [debouncedQ] = useDebouncedValue(q, 300);
  const [filters, setFilters] = useState<Filters>({ type: "", phase: "", district: "", language: "" });
  const [page, setPage] = useState(1);
  const locale = currentLocale();
  const lang = FINDER_LOCALES.find((l) => l === locale) ?? "de";
  const results = useApiQuery(finderRoutes.search, {
    query: { q: debouncedQ.trim(), ...filters, page, lang },
  });
  const all = { value: "", label: t("common.all") };
  const set = (key: keyof typeof filters) => (e: { currentTarget: { value: string } }) => {
    setFilters({ ...filters, [key]: e.currentTarget.value });
    setPage(1);
  };

  return (
    <Stack gap="md">
      <SimpleGrid
        cols={{ base: 1, sm: 2, md: 3 }}
        role="search"
        aria-label={t("referrals.wizard.searchLabel")}
      >
        <TextInput
          type="search"
          label={t("referrals.wizard.search")}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
          data-autofocus
        />
        <NativeSelect
          label={t("referrals.wizard.offerType")}
          value={filters.type}
          onChange={set("type")}
          data={[all, ...OFFER_TYPES.map((v) => ({ value: v, label: t(`directory.offerTypes.${v}`) }))]}
        />
        <NativeSelect
          label={t("referrals.wizard.phase")}
          value={filters.phase}
          onChange={set("phase")}
          data={[all, ...IQ_PHASES.map((p) => ({ value: String(p), label: phaseLabel(t, p) }))]}
        />
        <NativeSelect
          label={t("referrals.wizard.district")}
          value={filters.district}
          onChange={set("district")}
          data={[all, ...DISTRICTS.map((d) => ({ value: d.ags, label: d.name }))]}
        />
        <NativeSelect
          label={t("referrals.wizard.language")}
          value={filters.language}
          onChange={set("language")}
          data={[all, ...FILTER_LANGUAGES.map((l) => ({ value: l, label: languageName(l) }))]}
        />
      </SimpleGrid>
      <ItemsView query={results} empty={<Text py="md">{t("referrals.wizard.noOffers")}</Text>}>
        {(data) => (
          <>
            {data.match === "similar" ? <Text size="sm">{t("referrals.wizard.similar")}</Text> : null}
            <Radio.Group
              label={t("referrals.wizard.results", { n: data.total })}
              value={chosen?.id ?? null}
              onChange={(id) => {
                const offer = data.items.find((o) => o.id === id);
                if (offer) onChoose(offer);
              }}
              aria-busy={results.loading}
            >
              <Stack gap="xs" mt="xs">
                {data.items.map((o) => (
                  <Radio.Card key={o.id} value={o.id} p="sm" radius="md" withBorder>
                    <Group wrap="nowrap" align="flex-start">
                      <Radio.Indicator />
                      <div>
                        <Text fw={600} lang={o.nameLang} dir="auto">
                          {o.name}
                        </Text>
                        <Text size="sm">
                          <bdi>{o.organisation}</bdi>
                          {o.city ? (
                            <>
                              {" "}
                              · <bdi>{o.city}</bdi>
                            </>
                          ) : null}
                          {o.type ? <> · {o.type.label}</> : null}
                        </Text>
                        {o.languages.length > 0 ? (
                          <Text size="sm">
                            {t("referrals.wizard.languages", {
                              list: o.languages.map((l) => l.label).join(", "),
                            })}
                          </Text>
                        ) : null}
                      </div>
                    </Group>
                  </Radio.Card>
                ))}
              </Stack>
            </Radio.Group>
            <Pager
              total={data.total}
              limit={FINDER_PAGE_SIZE}
              offset={(page - 1) * FINDER_PAGE_SIZE}
              onChange={(offset) => setPage(offset / FINDER_PAGE_SIZE + 1)}
            />
          </>
        )}
      </ItemsView>
    </Stack>
  );
}
