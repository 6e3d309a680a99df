import { Button, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Interface } from "../../../shared/contracts/interfaces.ts";
import { ListTable } from "../../components/ListTable.tsx";
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
      headers={[
        f("from"),
        f("to"),
        f("scope"),
        f("channel"),
        f("times"),
        f("status"),
        ...(anyEditable ? [t("common.actions")] : []),
      ]}
      count={interfaces.length}
      empty={t("interfaces.empty")}
      caption={t("interfaces.caption", { n: total })}
      minWidth={900}
      busy={busy}
    >
      {interfaces.map((i) => (
        <Table.Tr key={i.id}>
          <Table.Td>
            <Side name={i.from.name} unit={i.fromUnit} />
          </Table.Td>
          <Table.Td>
            <Side name={i.to.name} unit={i.toUnit} />
          </Table.Td>
          <Table.Td>{t(`interfaces.scopes.${i.scope}`)}</Table.Td>
          <Table.Td>{i.channel ? t(`interfaces.channels.${i.channel}`) : "–"}</Table.Td>
          <Table.Td>
            <Text size="sm">{answerTime(t, i.answerWithinDays)}</Text>
            <Text size="sm">{completeTime(t, i.completeWithinDays)}</Text>
          </Table.Td>
          <Table.Td>
            <InterfaceStatusBadge status={i.status} />
          </Table.Td>
          {anyEditable ? (
            <Table.Td>
              {i.abilities.update ? (
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => onEdit(i)}
                  aria-label={t("interfaces.editNamed", { from: i.from.name, to: i.to.name })}
                >
                  {t("interfaces.edit")}
                </Button>
              ) : null}
            </Table.Td>
          ) : null}
        </Table.Tr>
      ))}
    </ListTable>
  );
}
