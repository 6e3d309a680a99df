import { Button, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

type Props = { total: number; limit: number; offset: number; onChange: (offset: number) => void };

/** Previous/next paging with the visible range, for lists that the server pages. */
export function Pager({ total, limit, offset, onChange }: Props) {
  const { t } = useTranslation();
  if (total === 0) return null;
  const from = offset + 1;
  const to = Math.min(offset + limit, total);
  return (
    <Group justify="space-between" mt="md" component="nav" aria-label={t("common.paging")}>
      <Text size="sm" aria-live="polite">
        {t("common.range", { from, to, total })}
      </Text>
      {total <= limit ? null : (
        <Group gap="xs">
          <Button
            variant="default"
            size="xs"
            disabled={offset === 0}
            onClick={() => onChange(Math.max(0, offset - limit))}
          >
            {t("common.previous")}
          </Button>
          <Button variant="default" size="xs" disabled={to >= total} onClick={() => onChange(offset + limit)}>
            {t("common.next")}
          </Button>
        </Group>
      )}
    </Group>
  );
}
