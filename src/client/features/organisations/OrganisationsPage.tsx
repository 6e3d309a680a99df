import { Anchor, Button } from "@mantine/core";
import { useDebouncedValue, useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { callApi } from "#client/api/client.ts";
import { useApiQuery } from "#client/api/use-api.ts";
import { Forbidden } from "#client/components/Forbidden.tsx";
import { ListTable } from "#client/components/ListTable.tsx";
import { notifySuccess } from "#client/components/notify.ts";
import { StatusBadge } from "#client/components/StatusBadge.tsx";
import { FormModal } from "#client/forms/FormModal.tsx";
import { ListPage, PagedList, useListFilters } from "#client/forms/list.tsx";
import { hasPermission, useRequiredSession } from "#client/session/session-context.ts";
import { organisationRoutes } from "#shared/contracts/routes/organisations.ts";
import {
  NO_ORGANISATION_FILTER,
  OrganisationFilters,
  type OrganisationFilterValues,
} from "./OrganisationFilters.tsx";
import { OrganisationForm } from "./OrganisationForm.tsx";
import { districtName } from "./OrganisationProfile.tsx";

const LIMIT = 25;

/** The network's directory of organisations, for the network coordinator. */
export function OrganisationsPage() {
  const session = useRequiredSession();
  if (!hasPermission(session, "organisation.list")) return <Forbidden />;
  return <OrganisationsDirectory canCreate={hasPermission(session, "organisation.create")} />;
}

function OrganisationsDirectory({ canCreate }: { canCreate: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { filters, setFilters, offset, setOffset } =
    useListFilters<OrganisationFilterValues>(NO_ORGANISATION_FILTER);
  const [q] = useDebouncedValue(filters.q, 300);
  const [creating, { open, close }] = useDisclosure(false);
  const list = useApiQuery(organisationRoutes.list, {
    query: { ...filters, q, limit: LIMIT, offset },
  });

  return (
    <ListPage
      title={t("organisations.title")}
      action={canCreate ? <Button onClick={open}>{t("organisations.create")}</Button> : null}
      after={
        <FormModal item={creating || null} onClose={close} title={t("organisations.createTitle")} size="lg">
          <OrganisationForm
            organisation={null}
            withStatus={false}
            submitLabel={t("organisations.createSubmit")}
            onCancel={close}
            onSubmit={async (body) => {
              const created = await callApi(organisationRoutes.create, { body });
              notifySuccess(t("organisations.created", { name: created.name }));
              close();
              navigate(`/organisations/${created.id}`);
            }}
          />
        </FormModal>
      }
    >
      <OrganisationFilters value={filters} onChange={setFilters} />
      <PagedList query={list} limit={LIMIT} offset={offset} onPage={setOffset}>
        {(data) => (
          <ListTable
            columns={[
              {
                header: t("organisation.fields.name"),
                cell: (o) => (
                  <Anchor component={Link} to={`/organisations/${o.id}`} fw={600}>
                    {o.name}
                  </Anchor>
                ),
              },
              { header: t("organisation.fields.type"), cell: (o) => t(`organisationTypes.${o.type}`) },
              { header: t("organisation.fields.district"), cell: (o) => districtName(o.districtAgs) },
              { header: t("organisation.fields.memberCount"), cell: (o) => o.memberCount },
              {
                header: t("organisation.fields.status"),
                cell: (o) => <StatusBadge kind="organisation" status={o.status} />,
              },
            ]}
            rows={data.items}
            empty={t("organisations.empty")}
            caption={t("organisations.caption", { n: data.total })}
            minWidth={720}
            busy={list.loading}
          />
        )}
      </PagedList>
    </ListPage>
  );
}
