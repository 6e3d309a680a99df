import { Fieldset, NativeSelect, NumberInput, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "#client/api/client.ts";
import { useApiQuery } from "#client/api/use-api.ts";
import { today } from "#client/components/dates.ts";
import { formatDay, orNull } from "#client/components/format.ts";
import { ListTable } from "#client/components/ListTable.tsx";
import { notifySuccess } from "#client/components/notify.ts";
import { ProblemAlert } from "#client/components/ProblemAlert.tsx";
import { QueryView } from "#client/components/QueryView.tsx";
import { FormActions } from "#client/forms/FormActions.tsx";
import { useForm } from "#client/forms/use-form.ts";
import { errorOf } from "#client/forms/use-submit.ts";
import { ACCESS_ROUTES, CONTACT_INITIATORS, CONTACT_MODES, COUNSELLING_TYPES } from "#shared/cases.ts";
import type { ContactCreate } from "#shared/contracts/cases.ts";
import type { ResponseOf } from "#shared/contracts/route.ts";
import { caseRoutes } from "#shared/contracts/routes/cases.ts";
import type { CasePanelProps } from "./panel.ts";

type Contact = ResponseOf<typeof caseRoutes.contacts>["items"][number];
type Values = {
  date: string;
  mode: string;
  durationMinutes: string | number;
  counsellingType: string;
  initiatedBy: string;
  accessRoute: string;
  summary: string;
};
const fresh = (): Values => ({
  date: today(),
  mode: "in_person",
  durationMinutes: 45,
  counsellingType: "",
  initiatedBy: "client",
  accessRoute: "",
  summary: "",
});

/** The counselling contacts of the case, newest first, and a form to document one. */
export function ContactsPanel({ caseRecord: c }: CasePanelProps) {
  const { t } = useTranslation();
  const contacts = useApiQuery(caseRoutes.contacts, { params: { caseId: c.id } });
  return (
    <Stack gap="lg">
      <section aria-labelledby="contacts-heading">
        <h2 id="contacts-heading" className="visually-hidden">
          {t("cases.tabs.contacts")}
        </h2>
        <QueryView query={contacts}>
          {(data) => <ContactsTable items={data.items} busy={contacts.loading} />}
        </QueryView>
      </section>
      {c.abilities.document ? <ContactForm caseId={c.id} onAdded={contacts.reload} /> : null}
    </Stack>
  );
}

function ContactsTable({ items, busy }: { items: Contact[]; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <ListTable
      columns={[
        {
          header: t("cases.contacts.date"),
          td: { style: { whiteSpace: "nowrap" } },
          cell: (i) => formatDay(i.date),
        },
        { header: t("cases.contacts.mode"), cell: (i) => t(`cases.contactModes.${i.mode}`) },
        {
          header: t("cases.contacts.duration"),
          cell: (i) => t("cases.contacts.minutes", { n: i.durationMinutes }),
        },
        {
          header: t("cases.contacts.counsellingType"),
          cell: (i) => t(`cases.counsellingTypes.${i.counsellingType}`),
        },
        { header: t("cases.contacts.initiatedBy"), cell: (i) => t(`cases.initiators.${i.initiatedBy}`) },
        {
          header: t("cases.contacts.accessRoute"),
          cell: (i) => (i.accessRoute ? t(`cases.accessRoutes.${i.accessRoute}`) : "–"),
        },
        { header: t("cases.contacts.counsellor"), cell: (i) => <bdi>{i.counsellor?.name ?? "–"}</bdi> },
        {
          header: t("cases.contacts.summary"),
          td: { dir: "auto", style: { whiteSpace: "pre-line" } },
          cell: (i) => i.summary ?? "–",
        },
      ]}
      rows={items}
      empty={t("cases.contacts.empty")}
      caption={t("cases.contacts.caption", { n: items.length })}
      minWidth={980}
      busy={busy}
      highlightOnHover={false}
    />
  );
}

function ContactForm({ caseId, onAdded }: { caseId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const { values, setValues, bind, error, busy, run, fields } = useForm<Values>(fresh);
  const choose = { value: "", label: t("common.choose"), disabled: true };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      const body = {
        ...values,
        durationMinutes: Number(values.durationMinutes) || values.durationMinutes,
        accessRoute: orNull(values.accessRoute),
        summary: orNull(values.summary),
      } as ContactCreate;
      await callApi(caseRoutes.createContact, { params: { caseId }, body });
      notifySuccess(t("cases.contacts.added"));
      setValues(fresh());
      onAdded();
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Fieldset legend={t("cases.contacts.add")}>
        <ProblemAlert error={error} />
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput type="date" required label={t("cases.contacts.date")} {...bind("date")} />
            <NativeSelect
              label={t("cases.contacts.mode")}
              required
              data={CONTACT_MODES.map((m) => ({ value: m, label: t(`cases.contactModes.${m}`) }))}
              {...bind("mode")}
            />
            <NumberInput
              label={t("cases.contacts.durationMinutes")}
              required
              min={1}
              max={600}
              allowDecimal={false}
              value={values.durationMinutes}
              onChange={(v) => setValues({ ...values, durationMinutes: v })}
              error={errorOf(fields, "durationMinutes")}
            />
            <NativeSelect
              label={t("cases.contacts.counsellingType")}
              required
              data={[
                choose,
                ...COUNSELLING_TYPES.map((v) => ({ value: v, label: t(`cases.counsellingTypes.${v}`) })),
              ]}
              {...bind("counsellingType")}
            />
            <NativeSelect
              label={t("cases.contacts.initiatedBy")}
              required
              data={CONTACT_INITIATORS.map((v) => ({ value: v, label: t(`cases.initiators.${v}`) }))}
              {...bind("initiatedBy")}
            />
            <NativeSelect
              label={t("cases.contacts.accessRoute")}
              data={[
                { value: "", label: t("clients.notStated") },
                ...ACCESS_ROUTES.map((v) => ({ value: v, label: t(`cases.accessRoutes.${v}`) })),
              ]}
              {...bind("accessRoute")}
            />
          </SimpleGrid>
          <Textarea
            label={t("cases.contacts.summary")}
            description={t("cases.contacts.summaryHint")}
            autosize
            minRows={3}
            maxRows={10}
            {...bind("summary")}
          />
          <FormActions busy={busy} submitLabel={t("cases.contacts.submit")} />
        </Stack>
      </Fieldset>
    </form>
  );
}
