import { Button, Checkbox, Group, Paper, Select, TextInput, Title } from "@mantine/core";
import { type ReactNode, useId, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { countryOptions } from "#client/features/cases/labels.ts";

/** A month of a biography (YYYY-MM): the browser's month picker, typed as text where it has none. */
export function MonthInput({
  label,
  value,
  onChange,
  error,
  required,
}: {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string;
  required?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <TextInput
      type="month"
      label={label}
      placeholder={t("competenceProfile.monthPlaceholder")}
      value={value ?? ""}
      required={required}
      error={error}
      dir="ltr"
      onChange={(e) => onChange(e.currentTarget.value === "" ? null : e.currentTarget.value)}
    />
  );
}

/** A country of the world, searchable by its name in the interface language. */
export function CountrySelect({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const options = useMemo(() => countryOptions(), []);
  return (
    <Select
      label={label}
      data={options}
      value={value}
      onChange={onChange}
      error={error}
      searchable
      clearable
      clearButtonProps={{ "aria-label": t("competenceProfile.clear", { field: label }) }}
    />
  );
}

/** The Art. 9 flag of an item: such items are withheld from volunteers and from most shares. */
export function SpecialCheckbox({ checked, onChange }: { checked: boolean; onChange: (v: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <Checkbox
      label={t("competenceProfile.special")}
      description={t("competenceProfile.specialHint")}
      checked={checked}
      onChange={(e) => onChange(e.currentTarget.checked)}
    />
  );
}

/**
 * Red words on Mantine's light red hover keep only 3.8:1; this darker red keeps 4.5:1 and more (as
 * ToneBadge does).
 */
export const REMOVE_STYLE = { color: "#8f1d1d" } as const;

/** One item of a list in the editor: a heading that names it, its fields, a remove button. */
export function ItemCard({
  title,
  onRemove,
  children,
}: {
  title: string;
  onRemove?: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={4} size="h5" id={id} dir="auto">
          {title}
        </Title>
        {onRemove ? (
          <Button variant="subtle" color="red" size="xs" onClick={onRemove} style={REMOVE_STYLE}>
            {t("competenceProfile.removeNamed", { name: title })}
          </Button>
        ) : null}
      </Group>
      {children}
    </Paper>
  );
}

/** "Add …" below a list. */
export function AddButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Group>
      <Button variant="light" onClick={onClick}>
        {label}
      </Button>
    </Group>
  );
}
