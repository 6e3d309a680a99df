import { Anchor } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useApiQuery } from "#client/api/use-api.ts";
import { Guarded } from "#client/components/Forbidden.tsx";
import { formatDateTime } from "#client/components/format.ts";
import { ListTable } from "#client/components/ListTable.tsx";
import { QueryView } from "#client/components/QueryView.tsx";
import { ListPage } from "#client/forms/list.tsx";
import { competenceRoutes } from "#shared/contracts/routes/competences.ts";

/** "Shared with me": competence profiles other organisations shared with the caller, while they hold. */
export function ReceivedSharesPage() {
  return <Guarded permission="competence_share.read">{() => <ReceivedList />}</Guarded>;
}

function ReceivedList() {
  const { t } = useTranslation();
  const received = useApiQuery(competenceRoutes.received);
  return (
    <ListPage title={t("competenceProfile.received.title")} intro={t("competenceProfile.received.intro")}>
      <QueryView query={received}>
        {(data) => (
          <ListTable
            minWidth={600}
            empty={t("competenceProfile.received.none")}
            rows={data.items}
            columns={[
              {
                header: t("competenceProfile.received.client"),
                rowHeader: true,
                cell: (s) => (
                  <Anchor component={Link} to={`/competences/shared/${s.id}`}>
                    <bdi>{s.clientName}</bdi>
                  </Anchor>
                ),
              },
              {
                header: t("competenceProfile.received.from"),
                cell: (s) => <bdi>{s.senderOrganisationName}</bdi>,
              },
              {
                header: t("competenceProfile.shares.sections"),
                cell: (s) => s.sections.map((x) => t(`competenceProfile.sections.${x}`)).join(", "),
              },
              { header: t("competenceProfile.shares.sharedAt"), cell: (s) => formatDateTime(s.sharedAt) },
            ]}
          />
        )}
      </QueryView>
    </ListPage>
  );
}
