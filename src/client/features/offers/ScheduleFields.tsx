import { Button, Checkbox, Fieldset, Group, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { WEEKDAYS } from "#shared/contracts/offers.ts";

export type ScheduleValues = { weekdays: string[]; opensAt: string; closesAt: string; description: string };
export const EMPTY_SCHEDULE: ScheduleValues = {
  weekdays: [],
  opensAt: "09:00",
  closesAt: "12:00",
  description: "",
};

type Props = {
  value: ScheduleValues[];
  onChange: (v: ScheduleValues[]) => void;
  /** The server's messages by field path below "schedules", e.g. "0.closesAt". */
  errors: Record<string, string>;
};

/** Opening hours as a list of entries: weekdays with the same hours, and an optional note. */
export function ScheduleFields({ value, onChange, errors }: Props) {
  const { t } = useTranslation();
  const update = (i: number, patch: Partial<ScheduleValues>) =>
    onChange(value.map((entry, j) => (j === i ? { ...entry, ...patch } : entry)));
  return (
    <Stack gap="sm">
      {value.length === 0 ? <Text c="dimmed">{t("offers.schedule.none")}</Text> : null}
      {value.map((entry, i) => {
        const n = i + 1;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: entries have no identity of their own
          <Fieldset key={i} legend={t("offers.schedule.entry", { n })} variant="filled">
            <Stack gap="xs">
              <Checkbox.Group
                label={t("offers.schedule.weekdays")}
                value={entry.weekdays}
                onChange={(weekdays) => update(i, { weekdays })}
                error={errors[`${i}.weekdays`]}
              >
                <Group gap="md" mt={4}>
                  {WEEKDAYS.map((d) => (
                    <Checkbox key={d} value={d} label={t(`directory.weekdays.${d}`)} />
                  ))}
                </Group>
              </Checkbox.Group>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <TextInput
                  type="time"
                  label={t("offers.schedule.opensAt")}
                  value={entry.opensAt}
                  onChange={(e) => update(i, { opensAt: e.currentTarget.value })}
                  error={errors[`${i}.opensAt`]}
                  dir="ltr"
                />
                <TextInput
                  type="time"
                  label={t("offers.schedule.closesAt")}
                  value={entry.closesAt}
                  onChange={(e) => update(i, { closesAt: e.currentTarget.value })}
                  error={errors[`${i}.closesAt`]}
                  dir="ltr"
                />
                <TextInput
                  label={t("offers.schedule.note")}
                  value={entry.description}
                  onChange={(e) => update(i, { description: e.currentTarget.value })}
                  error={errors[`${i}.description`]}
                />
              </SimpleGrid>
              <Group justify="flex-end">
                <Button
                  variant="subtle"
                  color="red"
                  size="xs"
                  onClick={() => onChange(value.filter((_, j) => j !== i))}
                >
                  {t("offers.schedule.remove", { n })}
                </Button>
              </Group>
            </Stack>
          </Fieldset>
        );
      })}
      <Group>
        <Button variant="light" onClick={() => onChange([...value, { ...EMPTY_SCHEDULE }])}>
          {t("offers.schedule.add")}
        </Button>
      </Group>
    </Stack>
  );
}
