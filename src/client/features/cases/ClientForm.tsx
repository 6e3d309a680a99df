import {
  Checkbox,
  Fieldset,
  MultiSelect,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { languageOptions } from "#client/features/offers/labels.ts";
import { errorOf } from "#client/forms/use-submit.ts";
import { AGE_BANDS, ART9_FIELDS, GENDERS, RESIDENCE_STATUSES, SPECIAL_LEGAL_BASES } from "#shared/cases.ts";
import { DISTRICTS } from "#shared/domain.ts";
import type { ClientValues } from "./client-values.ts";
import { countryOptions } from "./labels.ts";

type Props = {
  value: ClientValues;
  onChange: (v: ClientValues) => void;
  /** The server's messages, keyed by the field's path below the client ("special.religion"). */
  errors: Record<string, string>;
  /** Whether the special categories (Art. 9 DSGVO) are shown and sent; only counsellors see them. */
  showSpecial: boolean;
};

/**
 * The fields of a client record, grouped; used inside the caller's form when a case is opened and
 * when the record is edited. Asks for no more than counselling needs, and keeps the special
 * categories in a section of their own with an explanation.
 */
export function ClientForm({ value, onChange, errors, showSpecial }: Props) {
  const { t } = useTranslation();
  const languages = useMemo(languageOptions, []);
  const countries = useMemo(countryOptions, []);
  const bind = (key: keyof ClientValues, errorKey: string = key) => ({
    value: value[key] as string,
    error: errorOf(errors, errorKey),
    onChange: (e: { currentTarget: { value: string } }) =>
      onChange({ ...value, [key]: e.currentTarget.value }),
  });
  const none = { value: "", label: t("clients.notStated") };
  const countryData = [none, ...countries];

  return (
    <Stack gap="lg">
      <Fieldset legend={t("clients.sections.person")}>
        <Stack>
          <TextInput label={t("clients.fields.name")} required autoComplete="off" {...bind("name")} />
          <Checkbox
            label={t("clients.fields.isPseudonym")}
            description={t("clients.hints.isPseudonym")}
            checked={value.isPseudonym}
            onChange={(e) => onChange({ ...value, isPseudonym: e.currentTarget.checked })}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput type="date" label={t("clients.fields.dateOfBirth")} {...bind("dateOfBirth")} />
            <NativeSelect
              label={t("clients.fields.ageBand")}
              description={t("clients.hints.ageBand")}
              data={[none, ...AGE_BANDS.map((a) => ({ value: a, label: t(`clients.ageBands.${a}`) }))]}
              {...bind("ageBand")}
            />
            <NativeSelect
              label={t("clients.fields.gender")}
              data={[none, ...GENDERS.map((g) => ({ value: g, label: t(`clients.genders.${g}`) }))]}
              {...bind("gender")}
            />
          </SimpleGrid>
        </Stack>
      </Fieldset>

      <Fieldset legend={t("clients.sections.contact")}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput type="email" dir="ltr" label={t("clients.fields.email")} {...bind("email")} />
          <TextInput type="tel" dir="ltr" label={t("clients.fields.phone")} {...bind("phone")} />
          <NativeSelect
            label={t("clients.fields.districtAgs")}
            data={[none, ...DISTRICTS.map((d) => ({ value: d.ags, label: d.name }))]}
            {...bind("districtAgs")}
          />
        </SimpleGrid>
        <MultiSelect
          mt="md"
          label={t("clients.fields.preferredLanguages")}
          description={t("clients.hints.preferredLanguages")}
          data={languages}
          value={value.preferredLanguages}
          onChange={(preferredLanguages) => onChange({ ...value, preferredLanguages })}
          error={errorOf(errors, "preferredLanguages")}
          searchable
          hidePickedOptions
          nothingFoundMessage={t("clients.noMatch")}
        />
      </Fieldset>

      <Fieldset legend={t("clients.sections.origin")}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t("clients.fields.countryOfOrigin")}
            data={countryData}
            {...bind("countryOfOrigin")}
          />
          <TextInput
            label={t("clients.fields.entryYear")}
            inputMode="numeric"
            maxLength={4}
            dir="ltr"
            {...bind("entryYear")}
          />
          <NativeSelect
            label={t("clients.fields.qualificationCountry")}
            description={t("clients.hints.qualificationCountry")}
            data={countryData}
            {...bind("qualificationCountry")}
          />
        </SimpleGrid>
      </Fieldset>

      {showSpecial ? (
        <Fieldset
          legend={t("clients.sections.special")}
          aria-describedby="client-special-hint"
          style={{ borderInlineStart: "4px solid var(--mantine-color-red-9)" }}
        >
          <Text size="sm" mb="md" id="client-special-hint">
            {t("clients.hints.special")}
          </Text>
          <Stack>
            <NativeSelect
              label={t("clients.fields.residenceStatus")}
              data={[
                none,
                ...RESIDENCE_STATUSES.map((s) => ({ value: s, label: t(`clients.residenceStatuses.${s}`) })),
              ]}
              {...bind("residenceStatus", "special.residenceStatus")}
            />
            <Art9Fields value={value} bind={bind} />
          </Stack>
        </Fieldset>
      ) : null}
    </Stack>
  );
}

type Bind = (
  key: keyof ClientValues,
  errorKey?: string,
) => {
  value: string;
  error: string | undefined;
  onChange: (e: { currentTarget: { value: string } }) => void;
};

/**
 * Health, religion and ethnic origin (Art. 9 DSGVO) are asked for only behind a purpose: the
 * counsellor first says why they are needed and on which legal basis, then the fields appear. Fields
 * that already hold a value stay visible, so that they can be removed.
 */
function Art9Fields({ value, bind }: { value: ClientValues; bind: Bind }) {
  const { t } = useTranslation();
  const stated = value.specialPurpose.trim() !== "" && value.specialLegalBasis !== "";
  const held = ART9_FIELDS.some((f) => value[f].trim() !== "");
  return (
    <Fieldset
      legend={t("specialData.art9Legend")}
      variant="unstyled"
      styles={{ legend: { fontWeight: 700 } }}
    >
      <Stack>
        <Text size="sm">{t("specialData.purposeIntro")}</Text>
        <Textarea
          label={t("clients.fields.specialPurpose")}
          description={t("specialData.purposeHint")}
          autosize
          minRows={2}
          maxRows={6}
          {...bind("specialPurpose", "special.purpose")}
        />
        <NativeSelect
          label={t("clients.fields.specialLegalBasis")}
          data={[
            { value: "", label: t("clients.notStated") },
            ...SPECIAL_LEGAL_BASES.map((b) => ({ value: b, label: t(`specialData.legalBases.${b}`) })),
          ]}
          {...bind("specialLegalBasis", "special.legalBasis")}
        />
        {value.specialLegalBasis === "art9_2a" ? <Text size="sm">{t("specialData.consentHint")}</Text> : null}
        {stated || held ? (
          <>
            <Textarea
              label={t("clients.fields.healthNote")}
              description={t("clients.hints.healthNote")}
              autosize
              minRows={2}
              maxRows={8}
              {...bind("healthNote", "special.healthNote")}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t("clients.fields.religion")} {...bind("religion", "special.religion")} />
              <TextInput
                label={t("clients.fields.ethnicOrigin")}
                {...bind("ethnicOrigin", "special.ethnicOrigin")}
              />
            </SimpleGrid>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t("specialData.fieldsHidden")}
          </Text>
        )}
      </Stack>
    </Fieldset>
  );
}
