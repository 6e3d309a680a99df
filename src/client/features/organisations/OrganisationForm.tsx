import { Button, Group, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { orNull } from "#client/components/format.ts";
import { ProblemAlert } from "#client/components/ProblemAlert.tsx";
import { AddressFields } from "#client/forms/AddressFields.tsx";
import { useForm } from "#client/forms/use-form.ts";
import type {
  Organisation,
  OrganisationCreate,
  OrganisationUpdate,
} from "#shared/contracts/organisations.ts";
import { DISTRICTS, ORGANISATION_TYPES } from "#shared/domain.ts";

/** What the form sends: a whole profile (creating needs name and type), the status only where it may change. */
export type OrganisationBody = z.infer<typeof OrganisationCreate> & z.infer<typeof OrganisationUpdate>;

type Values = Record<
  | "name"
  | "type"
  | "districtAgs"
  | "street"
  | "postcode"
  | "city"
  | "email"
  | "phone"
  | "website"
  | "description"
  | "status",
  string
>;

function initialValues(o: Organisation | null): Values {
  return {
    name: o?.name ?? "",
    type: o?.type ?? "",
    districtAgs: o?.districtAgs ?? "",
    street: o?.street ?? "",
    postcode: o?.postcode ?? "",
    city: o?.city ?? "",
    email: o?.email ?? "",
    phone: o?.phone ?? "",
    website: o?.website ?? "",
    description: o?.description ?? "",
    status: o?.status ?? "active",
  };
}

type Props = {
  organisation: Organisation | null;
  /** Only the network coordinator may change the status; the server says so in abilities. */
  withStatus: boolean;
  submitLabel: string;
  onSubmit: (body: OrganisationBody) => Promise<void>;
  onCancel?: () => void;
};

/** Create and edit form of an organisation's profile; shows the server's messages per field. */
export function OrganisationForm({ organisation, withStatus, submitLabel, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const { values, bind, error, busy, run } = useForm<Values>(() => initialValues(organisation));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body: OrganisationBody = {
      name: values.name.trim(),
      type: values.type as OrganisationBody["type"],
      districtAgs: values.districtAgs as OrganisationBody["districtAgs"],
      street: orNull(values.street),
      postcode: orNull(values.postcode),
      city: orNull(values.city),
      email: orNull(values.email),
      phone: orNull(values.phone),
      website: orNull(values.website),
      description: orNull(values.description),
      ...(withStatus ? { status: values.status as "active" | "inactive" } : {}),
    };
    await run(async () => {
      await onSubmit(body);
    });
  };

  const choose = { value: "", label: t("common.choose"), disabled: true };
  return (
    <form onSubmit={submit} noValidate>
      <ProblemAlert error={error} />
      <Stack>
        <TextInput
          label={t("organisation.fields.name")}
          required
          autoComplete="organization"
          {...bind("name")}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t("organisation.fields.type")}
            required
            data={[
              choose,
              ...ORGANISATION_TYPES.map((v) => ({ value: v, label: t(`organisationTypes.${v}`) })),
            ]}
            {...bind("type")}
          />
          <NativeSelect
            label={t("organisation.fields.district")}
            required
            data={[choose, ...DISTRICTS.map((d) => ({ value: d.ags, label: d.name }))]}
            {...bind("districtAgs")}
          />
          <AddressFields label={(k) => t(`organisation.fields.${k}`)} bind={bind} />
          <TextInput
            label={t("organisation.fields.email")}
            type="email"
            autoComplete="email"
            dir="ltr"
            {...bind("email")}
          />
          <TextInput
            label={t("organisation.fields.phone")}
            type="tel"
            autoComplete="tel"
            dir="ltr"
            {...bind("phone")}
          />
          <TextInput
            label={t("organisation.fields.website")}
            type="url"
            autoComplete="url"
            placeholder="https://"
            dir="ltr"
            {...bind("website")}
          />
          {withStatus ? (
            <NativeSelect
              label={t("organisation.fields.status")}
              data={["active", "inactive"].map((s) => ({ value: s, label: t(`organisation.status.${s}`) }))}
              {...bind("status")}
            />
          ) : null}
        </SimpleGrid>
        <Textarea
          label={t("organisation.fields.description")}
          autosize
          minRows={3}
          maxRows={10}
          {...bind("description")}
        />
        <Group justify="flex-end">
          {onCancel ? (
            <Button variant="default" onClick={onCancel}>
              {t("common.cancel")}
            </Button>
          ) : null}
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
