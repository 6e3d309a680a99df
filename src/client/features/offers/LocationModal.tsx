import { NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { callApi } from "#client/api/client.ts";
import { orNull } from "#client/components/format.ts";
import { ProblemAlert } from "#client/components/ProblemAlert.tsx";
import { AddressFields } from "#client/forms/AddressFields.tsx";
import { FormActions } from "#client/forms/FormActions.tsx";
import { FormModal } from "#client/forms/FormModal.tsx";
import { useForm } from "#client/forms/use-form.ts";
import { LOCATION_TYPES, type Location, type LocationCreate } from "#shared/contracts/offers.ts";
import { offerRoutes } from "#shared/contracts/routes/offers.ts";
import { DISTRICTS } from "#shared/domain.ts";

type Props = {
  organisationId: string;
  /** "new" opens an empty form; null closes the dialog. */
  location: Location | "new" | null;
  onClose: () => void;
  onSaved: (location: Location) => void;
};

/** Adds or edits a location in a dialog. */
export function LocationModal({ organisationId, location, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  return (
    <FormModal
      item={location}
      onClose={onClose}
      size="lg"
      title={location === "new" ? t("offers.locations.addTitle") : t("offers.locations.editTitle")}
    >
      {location !== null ? (
        <LocationForm
          key={location === "new" ? "new" : location.id}
          organisationId={organisationId}
          location={location === "new" ? null : location}
          onClose={onClose}
          onSaved={onSaved}
        />
      ) : null}
    </FormModal>
  );
}

const KEYS = [
  "locationType",
  "name",
  "street",
  "postcode",
  "city",
  "districtAgs",
  "latitude",
  "longitude",
  "url",
  "description",
] as const;
type Values = Record<(typeof KEYS)[number], string>;

function LocationForm({
  organisationId,
  location,
  onClose,
  onSaved,
}: Omit<Props, "location"> & { location: Location | null }) {
  const { t } = useTranslation();
  const { values, bind, error, busy, run } = useForm<Values>(
    () =>
      Object.fromEntries(
        KEYS.map((k) => [
          k,
          location?.[k] === null || location?.[k] === undefined ? "" : String(location[k]),
        ]),
      ) as Values,
  );
  const number = (v: string) => (v.trim() === "" ? null : Number(v.replace(",", ".")));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body: z.input<typeof LocationCreate> = {
      locationType: (values.locationType || "physical") as Location["locationType"],
      name: orNull(values.name),
      street: orNull(values.street),
      postcode: orNull(values.postcode),
      city: orNull(values.city),
      districtAgs: orNull(values.districtAgs) as z.input<typeof LocationCreate>["districtAgs"],
      latitude: number(values.latitude),
      longitude: number(values.longitude),
      url: orNull(values.url),
      description: orNull(values.description),
    };
    await run(async () => {
      onSaved(
        location
          ? await callApi(offerRoutes.updateLocation, { params: { id: location.id }, body })
          : await callApi(offerRoutes.createLocation, { params: { orgId: organisationId }, body }),
      );
    });
  };

  const f = (k: string) => t(`offers.locations.fields.${k}`);
  return (
    <form onSubmit={submit} noValidate>
      <ProblemAlert error={error} />
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={f("locationType")}
            data={LOCATION_TYPES.map((v) => ({ value: v, label: t(`directory.locationTypes.${v}`) }))}
            {...bind("locationType")}
          />
          <TextInput label={f("name")} {...bind("name")} />
          <AddressFields label={f} bind={bind} />
          <NativeSelect
            label={f("district")}
            data={[
              { value: "", label: t("offers.notGiven") },
              ...DISTRICTS.map((d) => ({ value: d.ags, label: d.name })),
            ]}
            {...bind("districtAgs")}
          />
          <TextInput label={f("url")} type="url" placeholder="https://" dir="ltr" {...bind("url")} />
          <TextInput
            label={f("latitude")}
            description={t("offers.locations.coordinatesHint")}
            inputMode="decimal"
            dir="ltr"
            {...bind("latitude")}
          />
          <TextInput label={f("longitude")} inputMode="decimal" dir="ltr" {...bind("longitude")} />
        </SimpleGrid>
        <Textarea label={f("description")} autosize minRows={2} maxRows={6} {...bind("description")} />
        <FormActions busy={busy} onCancel={onClose} />
      </Stack>
    </form>
  );
}
