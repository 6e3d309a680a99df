import { Anchor, Button, DataList, Group, Paper, Stack, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { callApi } from "#client/api/client.ts";
import { useApiQuery } from "#client/api/use-api.ts";
import { DataRow } from "#client/components/DataRow.tsx";
import { formatDateTime } from "#client/components/format.ts";
import { notifySuccess } from "#client/components/notify.ts";
import { PageTitle } from "#client/components/PageTitle.tsx";
import { districtName } from "#client/features/organisations/OrganisationProfile.tsx";
import { attempt } from "#client/forms/actions.ts";
import { ConfirmModal } from "#client/forms/ConfirmModal.tsx";
import { RecordPending } from "#client/forms/RecordPending.tsx";
import { offerRoutes } from "#shared/contracts/routes/offers.ts";
import { languageName } from "./labels.ts";
import { OfferHistory } from "./OfferHistory.tsx";
import { OfferStatusBadge } from "./OfferStatusBadge.tsx";
import { TranslationList } from "./TranslationList.tsx";

/** One offer with all its attributes and its change history. */
export function OfferDetailPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const offer = useApiQuery(offerRoutes.get, { params: { id } });
  const [confirming, setConfirming] = useState(false);

  const back = (
    <Anchor component={Link} to="/offers" mb="sm" display="inline-block">
      {t("offers.backToList")}
    </Anchor>
  );
  if (offer.error || !offer.data)
    return <RecordPending query={offer} title={t("offers.title")} back={back} />;
  const o = offer.data;
  const list = (items: string[]) => (items.length > 0 ? items.join(", ") : "–");
  const remove = async () => {
    const deleted = await attempt(async () => {
      await callApi(offerRoutes.delete, { params: { id: o.id } });
      notifySuccess(t("offers.delete.done"));
      navigate("/offers");
    });
    if (!deleted) setConfirming(false);
  };

  return (
    <>
      {back}
      <PageTitle dir="auto">{o.name}</PageTitle>
      <Stack gap="lg">
        <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="offer-heading">
          <Group justify="space-between" mb="md">
            <Title order={2} size="h3" id="offer-heading">
              {t("offers.sections.basics")}
            </Title>
            <Group gap="xs">
              {o.abilities.update ? (
                <Button component={Link} to={`/offers/${o.id}/edit`} variant="light">
                  {t("offers.edit")}
                </Button>
              ) : null}
              {o.abilities.delete ? (
                <Button variant="default" color="red" onClick={() => setConfirming(true)}>
                  {t("offers.delete.button")}
                </Button>
              ) : null}
            </Group>
          </Group>
          <DataList withDivider labelWidth="220px">
            <DataRow label={t("offers.fields.status")}>
              <OfferStatusBadge status={o.status} />
            </DataRow>
            <DataRow label={t("offers.fields.offerType")}>
              {o.offerType ? t(`directory.offerTypes.${o.offerType}`) : "–"}
            </DataRow>
            <DataRow label={t("offers.fields.phases")}>
              {list(
                o.phases.map((p) => `${t("directory.phaseNumber", { n: p })}: ${t(`directory.phases.${p}`)}`),
              )}
            </DataRow>
            <DataRow label={t("offers.fields.description")}>
              {o.description ? <div dir="auto">{o.description}</div> : "–"}
            </DataRow>
            <DataRow label={t("offerTranslations.detail")}>
              <TranslationList translations={o.translations} />
            </DataRow>
            <DataRow label={t("offers.fields.languages")}>{list(o.languages.map(languageName))}</DataRow>
            <DataRow label={t("offers.fields.targetGroups")}>
              {list(o.targetGroups.map((g) => t(`directory.targetGroups.${g}`)))}
            </DataRow>
            <DataRow label={t("offers.fields.districts")}>{list(o.districts.map(districtName))}</DataRow>
            <DataRow label={t("offers.fields.minGermanLevel")}>
              {o.minGermanLevel ? t(`directory.cefr.${o.minGermanLevel}`) : t("offers.noLevel")}
            </DataRow>
            <DataRow label={t("offers.fields.fundingRoute")}>
              {o.fundingRoute ? t(`directory.fundingRoutes.${o.fundingRoute}`) : t("offers.notGiven")}
            </DataRow>
            <DataRow label={t("offers.fields.freeOfCharge")}>
              {t(
                `directory.freeOfCharge.${o.freeOfCharge === null ? "unknown" : o.freeOfCharge ? "yes" : "no"}`,
              )}
            </DataRow>
            <DataRow label={t("offers.fields.schedules")}>
              {o.schedules.length === 0
                ? t("offers.schedule.none")
                : o.schedules
                    .map(
                      (s) =>
                        `${s.weekdays.map((d) => t(`directory.weekdaysShort.${d}`)).join(", ")}: ${t("offers.schedule.hours", { from: s.opensAt, to: s.closesAt })}${s.description ? ` (${s.description})` : ""}`,
                    )
                    .join("\n")}
            </DataRow>
            <DataRow label={t("offers.fields.contactPerson")}>{o.contact.person ?? "–"}</DataRow>
            <DataRow label={t("offers.fields.contactPhone")}>
              {o.contact.phone ? <span dir="ltr">{o.contact.phone}</span> : "–"}
            </DataRow>
            <DataRow label={t("offers.fields.contactEmail")}>
              {o.contact.email ? (
                <Anchor href={`mailto:${o.contact.email}`} dir="ltr">
                  {o.contact.email}
                </Anchor>
              ) : (
                "–"
              )}
            </DataRow>
            <DataRow label={t("offers.fields.website")}>
              {o.website ? (
                <Anchor href={o.website} target="_blank" rel="noopener noreferrer" dir="ltr">
                  {o.website}
                </Anchor>
              ) : (
                "–"
              )}
            </DataRow>
            <DataRow label={t("offers.fields.locations")}>
              {list(o.locations.map((l) => [l.name, l.city].filter(Boolean).join(", ")))}
            </DataRow>
            <DataRow label={t("offers.fields.updatedAt")}>{formatDateTime(o.updatedAt)}</DataRow>
          </DataList>
        </Paper>
        {o.abilities.history ? (
          <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="history-heading">
            <Title order={2} size="h3" id="history-heading" mb="md">
              {t("offers.sections.history")}
            </Title>
            {/* Keyed by the last change, so that the history reloads after a save. */}
            <OfferHistory key={o.updatedAt} offerId={o.id} />
          </Paper>
        ) : null}
      </Stack>
      <ConfirmModal
        item={confirming ? o : null}
        onClose={() => setConfirming(false)}
        title={t("offers.delete.title")}
        message={(offer) => t("offers.delete.confirm", { name: offer.name })}
        confirmLabel={t("offers.delete.button")}
        onConfirm={remove}
      />
    </>
  );
}
