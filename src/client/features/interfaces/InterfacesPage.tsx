import { Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Interface } from "../../../shared/contracts/interfaces.ts";
import { query } from "../../api/client.ts";
import { useApiQuery } from "../../api/use-api.ts";
import { Forbidden } from "../../components/Forbidden.tsx";
import { notifySuccess } from "../../components/notify.ts";
import { PageTitle } from "../../components/PageTitle.tsx";
import {
  FilterBar,
  optionsOf,
  PagedList,
  SearchFilter,
  SelectFilter,
  useListFilters,
} from "../../forms/list.tsx";
import { hasPermission, useRequiredSession } from "../../session/session-context.ts";
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
  const headingId = useId();
  const { filters, filter, offset, setOffset } = useListFilters({ q: "", status: "" });
  const [debouncedQ] = useDebouncedValue(filters.q, 300);
  const [editing, setEditing] = useState<Interface | "new" | null>(null);
  const list = useApiQuery<{ items: Interface[]; total: number }>(
    `/api/interfaces${query({ q: debouncedQ.trim(), status: filters.status, limit: LIMIT, offset })}`,
  );
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" mb="md">
        <Title order={2} size="h3" id={headingId}>
          {t("interfaces.listTitle")}
        </Title>
        {manages ? <Button onClick={() => setEditing("new")}>{t("interfaces.add")}</Button> : null}
      </Group>
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
    </Paper>
  );
}
