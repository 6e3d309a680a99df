import { Anchor, Checkbox, Fieldset, SimpleGrid, Stack, Table, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { callApi } from "#client/api/client.ts";
import { useApiQuery } from "#client/api/use-api.ts";
import { formatDateTime, orNull } from "#client/components/format.ts";
import { ListTable } from "#client/components/ListTable.tsx";
import { notifySuccess } from "#client/components/notify.ts";
import { ProblemAlert } from "#client/components/ProblemAlert.tsx";
import { QueryView } from "#client/components/QueryView.tsx";
import { RemoteSelect } from "#client/components/RemoteSelect.tsx";
import { attempt } from "#client/forms/actions.ts";
import { FormActions } from "#client/forms/FormActions.tsx";
import { errorOf, useSubmit } from "#client/forms/use-submit.ts";
import type { NextStep } from "#shared/contracts/cases.ts";
import type { FinderOfferSummary } from "#shared/contracts/finder.ts";
import { caseRoutes } from "#shared/contracts/routes/cases.ts";
import { finderRoutes } from "#shared/contracts/routes/finder.ts";
import { DueDate } from "./CaseBadges.tsx";
import type { CasePanelProps } from "./panel.ts";

/** Open steps first, the earliest due on top; steps without a date after dated ones. */
function byUrgency(a: NextStep, b: NextStep): number {
  if (!a.doneAt !== !b.doneAt) return a.doneAt ? 1 : -1;
  return (a.dueDate ?? "9999").localeCompare(b.dueDate ?? "9999");
}

/** What comes next in the case, with due dates; a step can lead to an offer of the directory. */
export function NextStepsPanel({ caseRecord: c }: CasePanelProps) {
  const { t } = useTranslation();
  const steps = useApiQuery(caseRoutes.nextSteps, { params: { caseId: c.id } });
  const toggle = (step: NextStep, done: boolean) =>
    attempt(async () => {
      await callApi(caseRoutes.updateNextStep, { params: { caseId: c.id, itemId: step.id }, body: { done } });
      steps.reload();
    });
  return (
    <Stack gap="lg">
      <section aria-labelledby="steps-heading">
        <h2 id="steps-heading" className="visually-hidden">
          {t("cases.tabs.steps")}
        </h2>
        <QueryView query={steps}>
          {(data) => (
            <ListTable
              headers={[
                t("cases.steps.done"),
                t("cases.steps.title"),
                t("cases.steps.dueDate"),
                t("cases.steps.offer"),
              ]}
              count={data.items.length}
              empty={t("cases.steps.empty")}
              caption={t("cases.steps.caption", { n: data.items.length })}
              minWidth={640}
              busy={steps.loading}
              highlightOnHover={false}
            >
              {[...data.items].sort(byUrgency).map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Checkbox
                      aria-label={t("cases.steps.doneLabel", { title: s.title })}
                      checked={s.doneAt !== null}
                      disabled={!c.abilities.document}
                      onChange={(e) => toggle(s, e.currentTarget.checked)}
                    />
                  </Table.Td>
                  <Table.Td dir="auto" td={s.doneAt ? "line-through" : undefined}>
                    {s.title}
                  </Table.Td>
                  <Table.Td>
                    {s.doneAt ? (
                      t("cases.steps.doneAt", { at: formatDateTime(s.doneAt) })
                    ) : (
                      <DueDate day={s.dueDate} />
                    )}
                  </Table.Td>
                  <Table.Td>
                    {s.offer ? (
                      <Anchor component={Link} to={`/offers/${s.offer.id}`} dir="auto">
                        {s.offer.name}
                      </Anchor>
                    ) : (
                      "–"
                    )}
                    {s.offer ? <bdi> ({s.offer.organisationName})</bdi> : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
          )}
        </QueryView>
      </section>
      {c.abilities.document ? <StepForm caseId={c.id} onAdded={steps.reload} /> : null}
    </Stack>
  );
}

function StepForm({ caseId, onAdded }: { caseId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState("");
  const [dueDate, setDueDate] = useState("");
  const [offer, setOffer] = useState<FinderOfferSummary | null>(null);
  const { error, busy, run, fields } = useSubmit();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      await callApi(caseRoutes.createNextStep, {
        params: { caseId },
        body: { title: title.trim(), dueDate: orNull(dueDate), offerId: offer?.id ?? null },
      });
      notifySuccess(t("cases.steps.added"));
      setTitle("");
      setDueDate("");
      setOffer(null);
      onAdded();
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Fieldset legend={t("cases.steps.add")}>
        <ProblemAlert error={error} />
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t("cases.steps.title")}
              required
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={errorOf(fields, "title")}
            />
            <TextInput
              type="date"
              label={t("cases.steps.dueDate")}
              value={dueDate}
              onChange={(e) => setDueDate(e.currentTarget.value)}
              error={errorOf(fields, "dueDate")}
            />
          </SimpleGrid>
          <RemoteSelect
            label={t("cases.steps.offer")}
            description={t("cases.steps.offerHint")}
            error={errorOf(fields, "offerId")}
            route={finderRoutes.search}
            input={(typed) => (typed.length < 2 ? null : { query: { q: typed } })}
            toOption={(o) => ({ value: o.id, label: `${o.name} – ${o.organisation}` })}
            selected={offer ? { value: offer.id, label: `${offer.name} – ${offer.organisation}` } : null}
            onChange={setOffer}
          />
          <FormActions busy={busy} submitLabel={t("cases.steps.submit")} />
        </Stack>
      </Fieldset>
    </form>
  );
}
