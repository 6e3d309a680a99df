import { Alert, Button, CloseButton, Group, List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ApiError } from "#client/api/client.ts";

/** A field the person had changed but could not save, with the value they had entered. */
export type UnsavedItem = { label: string; value: string };

/** Whether a failed save was refused because someone else changed the record meanwhile (412). */
export function isStaleVersion(err: unknown): err is ApiError {
  return err instanceof ApiError && err.status === 412;
}

type Props = {
  /** The failed save; anything but a 412 shows nothing. */
  error: unknown;
  /** Loads the current record, so that the next save is based on it. */
  onReload: () => void;
  /** What the person had entered, shown so that it is not lost when the form reloads. */
  unsaved?: UnsavedItem[];
};

function UnsavedList({ items }: { items: UnsavedItem[] }) {
  return (
    <List size="sm" mt="xs" spacing={2}>
      {items.map((i) => (
        <List.Item key={i.label}>
          <Text span fw={600} size="sm">
            {i.label}:
          </Text>{" "}
          <Text span size="sm" dir="auto" style={{ whiteSpace: "pre-line" }}>
            {i.value}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

/**
 * Shown when a save answered 412: somebody else saved the record after it was loaded. Instead of
 * overwriting their change, the person reloads the record and applies their change again.
 */
export function StaleVersionAlert({ error, onReload, unsaved = [] }: Props) {
  const { t } = useTranslation();
  if (!isStaleVersion(error)) return null;
  return (
    <Alert color="red" variant="light" role="alert" title={t("cases.stale.title")} mb="md">
      <Text size="sm">{error.message}</Text>
      {unsaved.length > 0 ? (
        <>
          <Text size="sm" mt="sm">
            {t("cases.stale.unsaved")}
          </Text>
          <UnsavedList items={unsaved} />
        </>
      ) : null}
      <Group mt="sm">
        <Button size="xs" variant="default" onClick={onReload}>
          {t("cases.stale.reload")}
        </Button>
      </Group>
    </Alert>
  );
}

/** After a reload: what the person had entered before, to apply it again to the current record. */
export function DiscardedInput({ items, onDismiss }: { items: UnsavedItem[]; onDismiss: () => void }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <Alert color="blue" variant="light" title={t("cases.stale.discardedTitle")} mb="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Text size="sm">{t("cases.stale.discarded")}</Text>
          <UnsavedList items={items} />
        </div>
        <CloseButton aria-label={t("common.close")} onClick={onDismiss} />
      </Group>
    </Alert>
  );
}
