import { Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { AddButton, ItemCard, SpecialCheckbox } from "./fields.tsx";
import { fieldError, newId, type PartProps, removeAt, replaceAt } from "./model.ts";

/** Interests, in the client's words. */
export function InterestsSection({ value, onChange, errors }: PartProps<"interests">) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      {value.length === 0 ? <Text>{t("competenceProfile.interests.none")}</Text> : null}
      {value.map((it, i) => {
        const name = it.text || t("competenceProfile.interests.numbered", { n: i + 1 });
        return (
          <ItemCard key={it.id} title={name} onRemove={() => onChange(removeAt(value, i))}>
            <TextInput
              label={t("competenceProfile.interests.text")}
              required
              dir="auto"
              value={it.text}
              error={fieldError(errors, `interests.${i}.text`)}
              onChange={(e) => onChange(replaceAt(value, i, { ...it, text: e.currentTarget.value }))}
            />
            <Stack mt="sm">
              <SpecialCheckbox
                checked={it.special}
                onChange={(special) => onChange(replaceAt(value, i, { ...it, special }))}
              />
            </Stack>
          </ItemCard>
        );
      })}
      <AddButton
        label={t("competenceProfile.interests.add")}
        onClick={() => onChange([...value, { id: newId(), text: "", special: false }])}
      />
    </Stack>
  );
}
