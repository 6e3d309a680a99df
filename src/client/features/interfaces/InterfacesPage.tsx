import { Button, Stack, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApiQuery } from "#client/api/use-api.ts";
import { Forbidden } from "#client/components/Forbidden.tsx";
import { notifySuccess } from "#client/components/notify.ts";
import { PageTitle } from "#client/components/PageTitle.tsx";
import { Panel } from "#client/components/Panel.tsx";
import {
  FilterBar,
  optionsOf,
  PagedList,
  SearchFilter,
  SelectFilter,
  useListFilters,
} from "#client/forms/list.tsx";
import { hasPermission, useRequiredSession } from "#client/session/session-context.ts";
import type { Interface } from "#shared/contracts/interfaces.ts";
import { interfaceRoutes } from "#shared/contracts/routes/interfaces.ts";
import type { InterfaceStatus } from "#shared/referrals.ts";
import { InterfaceModal } from "./InterfaceModal.tsx";
import { InterfacesTable } from "./InterfacesTable.tsx";
import { ReferralSettingsPanel } from "./ReferralSettingsPanel.tsx";

const LIMIT = 25;

/** The network's interface register and the default times for referrals without an interface. */
export function InterfacesPage() {
  const { t } = useTranslation();
  const session = useRequiredSession();
  if (!hasPermission(session, "interface.read")) return <Forbidden />;
  return (
    <>
      <PageTitle>{t("interfaces.title")}</PageTitle>
      <Text c="dimmed" mb="lg">
        {t("interfaces.intro")}
      </Text>
      <Stack gap="lg">
        <Register manages={hasPermission(session, "interface.manage")} />
        <ReferralSettingsPanel manages={hasPermission(session, "referral_settings.manage")} />
      </Stack>
    </>
  );
}

function Register({ manages }: { manages: boolean }) {
  const { t } = useTranslation();
  const { filters, filter, offset, setOffset } = useListFilters<{ q: string; status: InterfaceStatus | "" }>({
    q: "",
    status: "",
  });
  const [debouncedQ] = useDebouncedValue(filters.q, 300);
  const [editing, setEditing] = useState<Interface | "new" | null>(null);
  const list = useApiQuery(interfaceRoutes.list, {
    query: { q: debouncedQ.trim(), status: filters.status, limit: LIMIT, offset },
  });
  return (
    <Panel
      title={t("interfaces.listTitle")}
      action={manages ? <Button onClick={() => setEditing("new")}>{t("interfaces.add")}</Button> : null}
    >
      <FilterBar cols={{ base: 1, sm: 2 }} label={t("interfaces.filters")}>
        <SearchFilter label={t("interfaces.search")} {...filter("q")} />
        <SelectFilter
          label={t("interfaces.fields.status")}
          {...filter("status")}
          options={optionsOf(["active", "inactive"], (s) => t(`interfaces.statuses.${s}`))}
        />
      </FilterBar>
      <PagedList query={list} limit={LIMIT} offset={offset} onPage={setOffset}>
        {(data) => (
          <InterfacesTable
            interfaces={data.items}
            total={data.total}
            busy={list.loading}
            onEdit={setEditing}
          />
        )}
      </PagedList>
      <InterfaceModal
        item={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          notifySuccess(editing === "new" ? t("interfaces.created") : t("interfaces.saved"));
          setEditing(null);
          list.reload();
        }}
      />
    </Panel>
  );
}
