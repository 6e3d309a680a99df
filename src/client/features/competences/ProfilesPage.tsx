import { Anchor } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useApiQuery } from "#client/api/use-api.ts";
import { Guarded } from "#client/components/Forbidden.tsx";
import { formatDateTime } from "#client/components/format.ts";
import { ListTable } from "#client/components/ListTable.tsx";
import { Pager } from "#client/components/Pager.tsx";
import { QueryView } from "#client/components/QueryView.tsx";
import { ListPage } from "#client/forms/list.tsx";
import { competenceRoutes } from "#shared/contracts/routes/competences.ts";

const LIMIT = 25;

/** The competence profiles the caller may read (volunteers: of their assigned cases), latest first. */
export function CompetenceProfilesPage() {
  return <Guarded permission="competence.read">{() => <ProfileList />}</Guarded>;
}

function ProfileList() {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const list = useApiQuery(competenceRoutes.list, { query: { limit: LIMIT, offset } });
  return (
    <ListPage title={t("competenceProfile.list.title")} intro={t("competenceProfile.list.intro")}>
      <QueryView query={list}>
        {(data) => (
          <>
            <ListTable
              minWidth={600}
              empty={t("competenceProfile.list.none")}
              rows={data.items}
              columns={[
                {
                  header: t("competenceProfile.received.client"),
                  rowHeader: true,
                  cell: (p) => (
                    <Anchor component={Link} to={`/clients/${p.clientId}/competences`}>
                      <bdi>{p.clientName}</bdi>
                    </Anchor>
                  ),
                },
                {
                  header: t("competenceProfile.list.step"),
                  cell: (p) => t(`competenceProfile.steps.${p.step}`),
                },
                { header: t("competenceProfile.versions.version"), cell: (p) => p.version },
                { header: t("competenceProfile.list.updatedAt"), cell: (p) => formatDateTime(p.updatedAt) },
              ]}
            />
            <Pager total={data.total} limit={LIMIT} offset={offset} onChange={setOffset} />
          </>
        )}
      </QueryView>
    </ListPage>
  );
}
