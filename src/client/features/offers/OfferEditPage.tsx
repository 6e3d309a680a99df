import { Anchor, Paper } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { callApi } from "#client/api/client.ts";
import { useApiQuery } from "#client/api/use-api.ts";
import { Forbidden } from "#client/components/Forbidden.tsx";
import { Loading } from "#client/components/Loading.tsx";
import { notifySuccess } from "#client/components/notify.ts";
import { PageTitle } from "#client/components/PageTitle.tsx";
import { ProblemAlert } from "#client/components/ProblemAlert.tsx";
import { hasPermission, useRequiredSession } from "#client/session/session-context.ts";
import { offerRoutes } from "#shared/contracts/routes/offers.ts";
import { OfferForm } from "./OfferForm.tsx";

/**
 * A new offer (/offers/new, for the acting organisation or — for the coordination — the one named by
 * ?organisation=) or an existing one (/offers/:id/edit).
 */
export function OfferEditPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const session = useRequiredSession();
  const targetOrganisation = search.get("organisation") ?? session.active.organisationId;
  const existing = useApiQuery(offerRoutes.get, id ? { params: { id } } : null);
  if (!hasPermission(session, "offer.manage")) return <Forbidden />;

  const back = (
    <Anchor component={Link} to={id ? `/offers/${id}` : "/offers"} mb="sm" display="inline-block">
      {t("offers.backToList")}
    </Anchor>
  );
  if (id && existing.error) {
    return (
      <>
        <PageTitle>{t("offers.editTitle")}</PageTitle>
        <ProblemAlert error={existing.error} />
      </>
    );
  }
  if (id && !existing.data) return <Loading />;
  const offer = existing.data ?? null;
  if (offer && !offer.abilities.update) return <Forbidden />;

  return (
    <>
      {back}
      <PageTitle>{offer ? t("offers.editTitle") : t("offers.createTitle")}</PageTitle>
      <Paper withBorder p="lg" radius="md">
        <OfferForm
          offer={offer}
          organisationId={offer?.organisationId ?? targetOrganisation}
          submitLabel={t("common.save")}
          onCancel={() => navigate(offer ? `/offers/${offer.id}` : "/offers")}
          onSubmit={async (body) => {
            const saved = offer
              ? await callApi(offerRoutes.update, { params: { id: offer.id }, body })
              : await callApi(offerRoutes.create, { params: { orgId: targetOrganisation }, body });
            notifySuccess(offer ? t("offers.saved") : t("offers.created", { name: saved.name }));
            navigate(`/offers/${saved.id}`);
          }}
        />
      </Paper>
    </>
  );
}
