import { Button, Group, Table, Text, VisuallyHidden } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "#client/api/client.ts";
import { useApiQuery } from "#client/api/use-api.ts";
import { ListTable } from "#client/components/ListTable.tsx";
import { notifySuccess } from "#client/components/notify.ts";
import { Pager } from "#client/components/Pager.tsx";
import { Panel } from "#client/components/Panel.tsx";
import { ItemsView } from "#client/components/QueryView.tsx";
import { districtName } from "#client/features/organisations/OrganisationProfile.tsx";
import { attempt } from "#client/forms/actions.ts";
import { ConfirmModal } from "#client/forms/ConfirmModal.tsx";
import type { Location } from "#shared/contracts/offers.ts";
import { offerRoutes } from "#shared/contracts/routes/offers.ts";
import { LocationModal } from "./LocationModal.tsx";

const LIMIT = 25;

/** How a location reads in lists: its name, or its address when it has none. */
export function locationLabel(l: Pick<Location, "name" | "city">, unnamed: string): string {
  return l.name ?? l.city ?? unnamed;
}

/** The organisation's locations: list, add, edit and delete. */
export function LocationsPanel({ organisationId, manages }: { organisationId: string; manages: boolean }) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const [editing, setEditing] = useState<Location | "new" | null>(null);
  const [deleting, setDeleting] = useState<Location | null>(null);
  const list = useApiQuery(offerRoutes.locations, {
    params: { orgId: organisationId },
    query: { limit: LIMIT, offset },
  });
  const label = (l: Location) => locationLabel(l, t("offers.locations.unnamed"));

  const remove = (l: Location) =>
    attempt(
      async () => {
        await callApi(offerRoutes.deleteLocation, { params: { id: l.id } });
        notifySuccess(t("offers.locations.deleted"));
        list.reload();
      },
      () => setDeleting(null),
    );

  return (
    <Panel
      headingId="locations-heading"
      title={t("offers.locations.title")}
      action={manages ? <Button onClick={() => setEditing("new")}>{t("offers.locations.add")}</Button> : null}
    >
      <ItemsView query={list} empty={<Text py="md">{t("offers.locations.empty")}</Text>}>
        {(data) => (
          <>
            <ListTable
              headers={[
                t("offers.locations.fields.name"),
                t("offers.locations.fields.address"),
                t("offers.locations.fields.district"),
                t("offers.locations.fields.offerCount"),
                <VisuallyHidden key="actions">{t("common.actions")}</VisuallyHidden>,
              ]}
              count={data.items.length}
              empty={t("offers.locations.empty")}
              caption={t("offers.locations.caption", { n: data.total })}
              minWidth={700}
              busy={list.loading}
              highlightOnHover={false}
            >
              {data.items.map((l) => (
                <Table.Tr key={l.id}>
                  <Table.Td fw={600} dir="auto">
                    {label(l)}
                  </Table.Td>
                  <Table.Td>
                    {l.locationType === "virtual" ? (
                      <span dir="ltr">{l.url ?? "–"}</span>
                    ) : (
                      <bdi>
                        {[l.street, [l.postcode, l.city].filter(Boolean).join(" ")]
                          .filter(Boolean)
                          .join(", ") || "–"}
                      </bdi>
                    )}
                  </Table.Td>
                  <Table.Td>{districtName(l.districtAgs)}</Table.Td>
                  <Table.Td>{l.offerCount}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      {l.abilities.update ? (
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setEditing(l)}
                          aria-label={t("offers.locations.editNamed", { name: label(l) })}
                        >
                          {t("offers.locations.edit")}
                        </Button>
                      ) : null}
                      {l.abilities.delete ? (
                        <Button
                          size="xs"
                          variant="default"
                          color="red"
                          onClick={() => setDeleting(l)}
                          aria-label={t("offers.locations.deleteNamed", { name: label(l) })}
                        >
                          {t("offers.locations.delete")}
                        </Button>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
            <Pager total={data.total} limit={LIMIT} offset={offset} onChange={setOffset} />
          </>
        )}
      </ItemsView>
      <LocationModal
        organisationId={organisationId}
        location={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          notifySuccess(t("offers.locations.saved"));
          setEditing(null);
          list.reload();
        }}
      />
      <ConfirmModal
        item={deleting}
        onClose={() => setDeleting(null)}
        title={t("offers.locations.deleteTitle")}
        message={(l) => t("offers.locations.confirmDelete", { name: label(l) })}
        confirmLabel={t("offers.locations.delete")}
        onConfirm={remove}
      />
    </Panel>
  );
}
