import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Interface } from "../../../shared/contracts/interfaces.ts";
import { query } from "../../api/client.ts";
import { useApiQuery } from "../../api/use-api.ts";
import { Forbidden } from "../../components/Forbidden.tsx";
import { notifySuccess } from "../../components/notify.ts";
import { Pager } from "../../components/Pager.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { QueryView } from "../../components/QueryView.tsx";
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
  const [q, setQ] = useState("");
  const [debouncedQ] = useDebouncedValue(q, 300);
  const [status, setStatus] = useState("");
  const [offset, setOffset] = useState(0);
  const [editing, setEditing] = useState<Interface | "new" | null>(null);
  const list = useApiQuery<{ items: Interface[]; total: number }>(
    `/api/interfaces${query({ q: debouncedQ.trim(), status, limit: LIMIT, offset })}`,
  );
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" mb="md">
        <Title order={2} size="h3" id={headingId}>
          {t("interfaces.listTitle")}
        </Title>
        {manages ? <Button onClick={() => setEditing("new")}>{t("interfaces.add")}</Button> : null}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} mb="md" role="search" aria-label={t("interfaces.filters")}>
        <TextInput
          type="search"
          label={t("interfaces.search")}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setOffset(0);
          }}
        />
        <NativeSelect
          label={t("interfaces.fields.status")}
          value={status}
          onChange={(e) => {
            setStatus(e.currentTarget.value);
            setOffset(0);
          }}
          data={[
            { value: "", label: t("common.all") },
            ...(["active", "inactive"] as const).map((s) => ({
              value: s,
              label: t(`interfaces.statuses.${s}`),
            })),
          ]}
        />
      </SimpleGrid>
      <QueryView query={list}>
        {(data) => (
          <>
            <InterfacesTable
              interfaces={data.items}
              total={data.total}
              busy={list.loading}
              onEdit={setEditing}
            />
            <Pager total={data.total} limit={LIMIT} offset={offset} onChange={setOffset} />
          </>
        )}
      </QueryView>
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
