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
import { type FormEvent, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { useApiQuery } from "#client/api/use-api.ts";
import { orNull } from "#client/components/format.ts";
import { ProblemAlert } from "#client/components/ProblemAlert.tsx";
import { FormActions } from "#client/forms/FormActions.tsx";
import { useForm } from "#client/forms/use-form.ts";
import { errorOf } from "#client/forms/use-submit.ts";
import type { Offer, OfferCreate } from "#shared/contracts/offers.ts";
import { offerRoutes } from "#shared/contracts/routes/offers.ts";
import {
  CEFR_LEVELS,
  FUNDING_ROUTES,
  IQ_PHASES,
  OFFER_STATUSES,
  OFFER_TYPES,
  TARGET_GROUPS,
} from "#shared/directory.ts";
import { DISTRICTS } from "#shared/domain.ts";
import { locationLabel } from "./LocationsPanel.tsx";
import { languageOptions } from "./labels.ts";
import { OccupationFieldsSelect } from "./OccupationFieldsSelect.tsx";
import { ScheduleFields, type ScheduleValues } from "./ScheduleFields.tsx";
import {
  TranslationFields,
  type TranslationValues,
  translationsBody,
  translationValues,
} from "./TranslationFields.tsx";

export type OfferBody = z.input<typeof OfferCreate>;

type Values = {
  name: string;
  description: string;
  status: string;
  offerType: string;
  phases: string[];
  targetGroups: string[];
  languages: string[];
  districts: string[];
  occupationFields: string[];
  minGermanLevel: string;
  fundingRoute: string;
  freeOfCharge: string;
  website: string;
  translations: TranslationValues;
  person: string;
  phone: string;
  email: string;
  schedules: ScheduleValues[];
  locationIds: string[];
};

function initialValues(o: Offer | null): Values {
  return {
    name: o?.name ?? "",
    description: o?.description ?? "",
    status: o?.status ?? "active",
    offerType: o?.offerType ?? "",
    phases: o?.phases.map(String) ?? [],
    targetGroups: o?.targetGroups ?? [],
    languages: o?.languages ?? ["de"],
    districts: o?.districts ?? [],
    occupationFields: o?.occupationFields ?? [],
    minGermanLevel: o?.minGermanLevel ?? "",
    fundingRoute: o?.fundingRoute ?? "",
    freeOfCharge: o?.freeOfCharge === null || o === null ? "" : o.freeOfCharge ? "yes" : "no",
    website: o?.website ?? "",
    translations: translationValues(o?.translations),
    person: o?.contact.person ?? "",
    phone: o?.contact.phone ?? "",
    email: o?.contact.email ?? "",
    schedules: o?.schedules.map((s) => ({ ...s, description: s.description ?? "" })) ?? [],
    locationIds: o?.locations.map((l) => l.id) ?? [],
  };
}

/** The request body. */
function toBody(v: Values): OfferBody {
  return {
    name: v.name.trim(),
    description: orNull(v.description),
    status: v.status as OfferBody["status"],
    offerType: v.offerType as OfferBody["offerType"],
    phases: v.phases.map(Number).sort((a, b) => a - b),
    targetGroups: v.targetGroups as OfferBody["targetGroups"],
    languages: v.languages as OfferBody["languages"],
    districts: v.districts as OfferBody["districts"],
    occupationFields: v.occupationFields as OfferBody["occupationFields"],
    minGermanLevel: (orNull(v.minGermanLevel) ?? null) as OfferBody["minGermanLevel"],
    fundingRoute: (orNull(v.fundingRoute) ?? null) as OfferBody["fundingRoute"],
    freeOfCharge: v.freeOfCharge === "" ? null : v.freeOfCharge === "yes",
    website: orNull(v.website),
    translations: translationsBody(v.translations),
    schedules: v.schedules.map((s) => ({
      ...s,
      description: orNull(s.description),
    })) as OfferBody["schedules"],
    contact: { person: orNull(v.person), phone: orNull(v.phone), email: orNull(v.email) },
    locationIds: v.locationIds,
  };
}

/** Errors below a prefix, keyed by the rest of their path ("schedules.0.closesAt" → "0.closesAt"). */
function errorsBelow(fields: Record<string, string>, prefix: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([k]) => k.startsWith(`${prefix}.`))
      .map(([k, v]) => [k.slice(prefix.length + 1), v]),
  );
}

type Props = {
  offer: Offer | null;
  organisationId: string;
  submitLabel: string;
  onSubmit: (body: OfferBody) => Promise<void>;
  onCancel: () => void;
};

/** Create and edit form of an offer with all of Lotse's attributes; shows the server's messages per field. */
export function OfferForm({ offer, organisationId, submitLabel, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const { values, setValues, bind, error, busy, run, fields } = useForm<Values>(() => initialValues(offer));
  const places = useApiQuery(offerRoutes.locations, {
    params: { orgId: organisationId },
    query: { limit: 200 },
  });
  const languages = useMemo(languageOptions, []);
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      await onSubmit(toBody(values));
    });
  };

  const choose = { value: "", label: t("common.choose"), disabled: true };
  return (
    <form onSubmit={submit} noValidate>
      <ProblemAlert error={error} />
      <Stack gap="lg">
        <Fieldset legend={t("offers.sections.basics")}>
          <Stack>
            <TextInput label={t("offers.fields.name")} required {...bind("name")} />
            <Textarea
              label={t("offers.fields.description")}
              autosize
              minRows={3}
              maxRows={10}
              {...bind("description")}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect
                label={t("offers.fields.offerType")}
                required
                data={[
                  choose,
                  ...OFFER_TYPES.map((v) => ({ value: v, label: t(`directory.offerTypes.${v}`) })),
                ]}
                {...bind("offerType")}
              />
              <NativeSelect
                label={t("offers.fields.status")}
                description={t("offers.hints.status")}
                data={OFFER_STATUSES.map((s) => ({ value: s, label: t(`directory.statuses.${s}`) }))}
                {...bind("status")}
              />
              <TextInput
                label={t("offers.fields.website")}
                type="url"
                placeholder="https://"
                dir="ltr"
                {...bind("website")}
              />
            </SimpleGrid>
          </Stack>
        </Fieldset>

        <Fieldset legend={t("offers.sections.classification")}>
          <Stack>
            <Checkbox.Group
              label={t("offers.fields.phases")}
              description={t("offers.hints.phases")}
              required
              value={values.phases}
              onChange={set("phases")}
              error={errorOf(fields, "phases")}
            >
              <Stack gap={6} mt="xs">
                {IQ_PHASES.map((p) => (
                  <Checkbox
                    key={p}
                    value={String(p)}
                    label={`${t("directory.phaseNumber", { n: p })}: ${t(`directory.phases.${p}`)}`}
                  />
                ))}
              </Stack>
            </Checkbox.Group>
            <MultiSelect
              label={t("offers.fields.languages")}
              description={t("offers.hints.languages")}
              data={languages}
              value={values.languages}
              onChange={set("languages")}
              error={errorOf(fields, "languages")}
              searchable
              hidePickedOptions
              nothingFoundMessage={t("offers.none")}
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NativeSelect
                label={t("offers.fields.minGermanLevel")}
                data={[
                  { value: "", label: t("offers.noLevel") },
                  ...CEFR_LEVELS.map((l) => ({ value: l, label: t(`directory.cefr.${l}`) })),
                ]}
                {...bind("minGermanLevel")}
              />
              <NativeSelect
                label={t("offers.fields.fundingRoute")}
                data={[
                  { value: "", label: t("offers.notGiven") },
                  ...FUNDING_ROUTES.map((f) => ({ value: f, label: t(`directory.fundingRoutes.${f}`) })),
                ]}
                {...bind("fundingRoute")}
              />
              <NativeSelect
                label={t("offers.fields.freeOfCharge")}
                data={(["unknown", "yes", "no"] as const).map((k) => ({
                  value: k === "unknown" ? "" : k,
                  label: t(`directory.freeOfCharge.${k}`),
                }))}
                {...bind("freeOfCharge")}
              />
            </SimpleGrid>
            <Checkbox.Group
              label={t("offers.fields.targetGroups")}
              value={values.targetGroups}
              onChange={set("targetGroups")}
              error={errorOf(fields, "targetGroups")}
            >
              <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing={6}>
                {TARGET_GROUPS.map((g) => (
                  <Checkbox key={g} value={g} label={t(`directory.targetGroups.${g}`)} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            <Checkbox.Group
              label={t("offers.fields.districts")}
              description={t("offers.hints.districts")}
              value={values.districts}
              onChange={set("districts")}
              error={errorOf(fields, "districts")}
            >
              <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs" spacing={6}>
                {DISTRICTS.map((d) => (
                  <Checkbox key={d.ags} value={d.ags} label={d.name} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            <OccupationFieldsSelect
              value={values.occupationFields}
              onChange={set("occupationFields")}
              error={errorOf(fields, "occupationFields")}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t("offerTranslations.section")}>
          <TranslationFields
            value={values.translations}
            onChange={set("translations")}
            errors={errorsBelow(fields, "translations")}
          />
        </Fieldset>

        <Fieldset legend={t("offers.sections.schedule")}>
          <ScheduleFields
            value={values.schedules}
            onChange={set("schedules")}
            errors={errorsBelow(fields, "schedules")}
          />
        </Fieldset>

        <Fieldset legend={t("offers.sections.contact")}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t("offers.fields.contactPerson")}
              {...bind("person")}
              error={errorOf(fields, "contact.person")}
            />
            <TextInput
              label={t("offers.fields.contactPhone")}
              type="tel"
              dir="ltr"
              {...bind("phone")}
              error={errorOf(fields, "contact.phone")}
            />
            <TextInput
              label={t("offers.fields.contactEmail")}
              type="email"
              dir="ltr"
              {...bind("email")}
              error={errorOf(fields, "contact.email")}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t("offers.sections.locations")}>
          {places.data && places.data.items.length === 0 ? (
            <Text c="dimmed">{t("offers.noLocations")}</Text>
          ) : (
            <Checkbox.Group
              label={t("offers.fields.locations")}
              value={values.locationIds}
              onChange={set("locationIds")}
              error={errorOf(fields, "locationIds")}
            >
              <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing={6}>
                {(places.data?.items ?? []).map((l) => (
                  <Checkbox
                    key={l.id}
                    value={l.id}
                    label={[locationLabel(l, t("offers.locations.unnamed")), l.street, l.city]
                      .filter(Boolean)
                      .join(", ")}
                  />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          )}
        </Fieldset>

        <FormActions busy={busy} onCancel={onCancel} submitLabel={submitLabel} />
      </Stack>
    </form>
  );
}
