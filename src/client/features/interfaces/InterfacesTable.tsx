import { Button, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ListTable } from "#client/components/ListTable.tsx";
import type { Interface } from "#shared/contracts/interfaces.ts";
import { InterfaceStatusBadge } from "./InterfaceStatusBadge.tsx";
import { answerTime, completeTime } from "./labels.ts";

type Props = {
  interfaces: Interface[];
  total: number;
  busy: boolean;
  /** Opens the edit dialog; only rows the caller may change get the button. */
  onEdit: (item: Interface) => void;
};

/** An organisation with the department, if the interface names one. */
function Side({ name, unit }: { name: string; unit: string }) {
  return (
    <Stack gap={0}>
      <Text size="sm" fw={600} dir="auto">
        {name}
      </Text>
      {unit ? (
        <Text size="xs" c="dimmed" dir="auto">
          {unit}
        </Text>
      ) : null}
    </Stack>
  );
}

/** One row per interface of the register: who hands over to whom, how, and in what time. */
export function InterfacesTable({ interfaces, total, busy, onEdit }: Props) {
  const { t } = useTranslation();
  const f = (k: string) => t(`interfaces.fields.${k}`);
  const anyEditable = interfaces.some((i) => i.abilities.update);
  return (
    <ListTable
      columns={[
        { header: f("from"), cell: (i) => <Side name={i.from.name} unit={i.fromUnit} /> },
        { header: f("to"), cell: (i) => <Side name={i.to.name} unit={i.toUnit} /> },
        { header: f("scope"), cell: (i) => t(`interfaces.scopes.${i.scope}`) },
        { header: f("channel"), cell: (i) => (i.channel ? t(`interfaces.channels.${i.channel}`) : "–") },
        {
          header: f("times"),
          cell: (i) => (
            <>
              <Text size="sm">{answerTime(t, i.answerWithinDays)}</Text>
              <Text size="sm">{completeTime(t, i.completeWithinDays)}</Text>
            </>
          ),
        },
        { header: f("status"), cell: (i) => <InterfaceStatusBadge status={i.status} /> },
        ...(anyEditable
          ? [
              {
                header: t("common.actions"),
                cell: (i: Interface) =>
                  i.abilities.update ? (
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => onEdit(i)}
                      aria-label={t("interfaces.editNamed", { from: i.from.name, to: i.to.name })}
                    >
                      {t("interfaces.edit")}
                    </Button>
                  ) : null,
              },
            ]
          : []),
      ]}
      rows={interfaces}
      empty={t("interfaces.empty")}
      caption={t("interfaces.caption", { n: total })}
      minWidth={900}
      busy={busy}
    />
  );
}
