import {
  Checkbox,
  Group,
  NativeSelect,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "#client/api/client.ts";
import { toLocalInput } from "#client/components/dates.ts";
import { orNull } from "#client/components/format.ts";
import { ProblemAlert } from "#client/components/ProblemAlert.tsx";
import { languageOptions } from "#client/features/offers/labels.ts";
import { FormActions } from "#client/forms/FormActions.tsx";
import { FormModal } from "#client/forms/FormModal.tsx";
import { errorOf, useSubmit } from "#client/forms/use-submit.ts";
import {
  CONSENT_FORMS,
  CONSENT_PURPOSES,
  type ConsentPurpose,
  DATA_CATEGORIES,
  LEGAL_BASES,
  PURPOSES_WITH_RECIPIENT,
} from "#shared/cases.ts";
import type { Consent, ConsentCreate } from "#shared/contracts/consents.ts";
import { consentRoutes } from "#shared/contracts/routes/consents.ts";
import { OrganisationSelect } from "./OrganisationSelect.tsx";

type Props = {
  clientId: string;
  /** The language the person is informed in unless the counsellor picks another. */
  defaultLanguage: string;
  opened: boolean;
  onClose: () => void;
  onSaved: (consent: Consent) => void;
};

/** Recording a consent in a dialog. */
export function ConsentFormModal({ opened, onClose, ...rest }: Props) {
  const { t } = useTranslation();
  return (
    <FormModal item={opened || null} onClose={onClose} size="lg" title={t("consents.form.title")}>
      {opened ? <ConsentForm onClose={onClose} {...rest} /> : null}
    </FormModal>
  );
}

type Values = {
  purpose: ConsentPurpose | "";
  recipientOrganisationId: string | null;
  legalBasis: string;
  dataCategories: string[];
  recipients: string;
  informedLanguage: string;
  form: string;
  fileNote: string;
  givenAt: string;
};

function ConsentForm({ clientId, defaultLanguage, onClose, onSaved }: Omit<Props, "opened">) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Values>(() => ({
    purpose: "",
    recipientOrganisationId: null,
    legalBasis: "art6_1a",
    dataCategories: [],
    recipients: "",
    informedLanguage: defaultLanguage,
    form: "signed",
    fileNote: "",
    givenAt: toLocalInput(new Date()),
  }));
  // Once the counsellor chose a legal basis, the form no longer proposes one.
  const [basisChosen, setBasisChosen] = useState(false);
  const { error, busy, run, fields } = useSubmit();
  const languages = useMemo(() => languageOptions(), []);
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const withRecipient = values.purpose !== "" && PURPOSES_WITH_RECIPIENT.includes(values.purpose);
  const oral = values.form === "oral";

  const chooseCategories = (categories: string[]) => {
    setValues((v) => ({
      ...v,
      dataCategories: categories,
      // Special categories need the explicit consent of Art. 9(2)(a); the form proposes it.
      legalBasis: basisChosen
        ? v.legalBasis
        : categories.includes("special_categories")
          ? "art9_2a"
          : "art6_1a",
    }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = {
      purpose: values.purpose || undefined,
      recipientOrganisationId: withRecipient ? values.recipientOrganisationId : null,
      legalBasis: values.legalBasis,
      dataCategories: values.dataCategories,
      recipients: orNull(values.recipients),
      informedLanguage: values.informedLanguage,
      form: values.form,
      fileNote: orNull(values.fileNote),
      givenAt: values.givenAt ? new Date(values.givenAt).toISOString() : undefined,
    } as ConsentCreate;
    await run(async () => {
      onSaved(await callApi(consentRoutes.give, { params: { clientId }, body }));
    });
  };

  const f = (k: string) => t(`consents.fields.${k}`);
  return (
    <form onSubmit={submit} noValidate>
      <ProblemAlert error={error} />
      <Stack>
        <NativeSelect
          label={f("purpose")}
          required
          data={[
            { value: "", label: t("common.choose") },
            ...CONSENT_PURPOSES.map((p) => ({ value: p, label: t(`consents.purposes.${p}`) })),
          ]}
          value={values.purpose}
          onChange={(e) => set("purpose")(e.currentTarget.value as Values["purpose"])}
          error={errorOf(fields, "purpose")}
        />
        {withRecipient ? (
          <OrganisationSelect
            label={f("recipientOrganisation")}
            description={t("consents.form.recipientHint")}
            required
            value={values.recipientOrganisationId}
            onChange={set("recipientOrganisationId")}
            error={errorOf(fields, "recipientOrganisationId")}
          />
        ) : null}
        <Checkbox.Group
          label={f("dataCategories")}
          required
          value={values.dataCategories}
          onChange={chooseCategories}
          error={errorOf(fields, "dataCategories")}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing={6}>
            {DATA_CATEGORIES.map((c) => (
              <Checkbox key={c} value={c} label={t(`consents.dataCategories.${c}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <NativeSelect
          label={f("legalBasis")}
          description={
            values.dataCategories.includes("special_categories") ? t("consents.form.art9Hint") : undefined
          }
          required
          data={LEGAL_BASES.map((b) => ({ value: b, label: t(`consents.legalBases.${b}`) }))}
          value={values.legalBasis}
          onChange={(e) => {
            setBasisChosen(true);
            set("legalBasis")(e.currentTarget.value);
          }}
          error={errorOf(fields, "legalBasis")}
        />
        <Textarea
          label={f("recipients")}
          description={t("consents.form.recipientsHint")}
          autosize
          minRows={2}
          maxRows={5}
          value={values.recipients}
          onChange={(e) => set("recipients")(e.currentTarget.value)}
          error={errorOf(fields, "recipients")}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={f("informedLanguage")}
            required
            searchable
            data={languages}
            value={values.informedLanguage}
            onChange={(v) => set("informedLanguage")(v ?? "")}
            error={errorOf(fields, "informedLanguage")}
            nothingFoundMessage={t("consents.form.noLanguage")}
          />
          <TextInput
            type="datetime-local"
            label={f("givenAt")}
            required
            value={values.givenAt}
            onChange={(e) => set("givenAt")(e.currentTarget.value)}
            error={errorOf(fields, "givenAt")}
          />
        </SimpleGrid>
        <Radio.Group
          label={f("form")}
          required
          value={values.form}
          onChange={set("form")}
          error={errorOf(fields, "form")}
        >
          <Group mt="xs">
            {CONSENT_FORMS.map((k) => (
              <Radio key={k} value={k} label={t(`consents.forms.${k}`)} />
            ))}
          </Group>
        </Radio.Group>
        <Textarea
          label={f("fileNote")}
          description={oral ? t("consents.form.fileNoteOralHint") : t("consents.form.fileNoteHint")}
          required={oral}
          autosize
          minRows={2}
          maxRows={6}
          value={values.fileNote}
          onChange={(e) => set("fileNote")(e.currentTarget.value)}
          error={errorOf(fields, "fileNote")}
        />
        <Text size="sm" c="dimmed">
          {t("consents.form.withdrawalHint")}
        </Text>
        <FormActions busy={busy} onCancel={onClose} submitLabel={t("consents.form.submit")} />
      </Stack>
    </form>
  );
}
