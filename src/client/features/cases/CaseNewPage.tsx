import { Anchor, Fieldset, NativeSelect, Paper, SimpleGrid, Stack } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { ApiError, callApi } from "#client/api/client.ts";
import { Guarded } from "#client/components/Forbidden.tsx";
import { orNull } from "#client/components/format.ts";
import { notifySuccess } from "#client/components/notify.ts";
import { PageTitle } from "#client/components/PageTitle.tsx";
import { ProblemAlert } from "#client/components/ProblemAlert.tsx";
import { FormActions } from "#client/forms/FormActions.tsx";
import { errorOf, useSubmit } from "#client/forms/use-submit.ts";
import type { DuplicateCandidates } from "#shared/contracts/clients.ts";
import { caseRoutes } from "#shared/contracts/routes/cases.ts";
import { clientRoutes } from "#shared/contracts/routes/clients.ts";
import { IQ_PHASES } from "#shared/directory.ts";
import { ClientForm } from "./ClientForm.tsx";
import { type ClientValues, clientBody, EMPTY_CLIENT } from "./client-values.ts";
import { DuplicateWarning } from "./DuplicateWarning.tsx";
import { GoalsField } from "./GoalsField.tsx";
import { phaseLabel } from "./labels.ts";
import { useAssignees } from "./use-assignees.ts";

type Candidates = DuplicateCandidates["candidates"];
const NOBODY = "none";

/** Errors below a prefix, keyed by the rest of their path ("client.name" → "name"). */
function errorsBelow(fields: Record<string, string>, prefix: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([k]) => k.startsWith(`${prefix}.`))
      .map(([k, v]) => [k.slice(prefix.length + 1), v]),
  );
}

async function checkDuplicates(client: ClientValues, signal?: AbortSignal): Promise<Candidates> {
  const body = { name: client.name.trim(), dateOfBirth: orNull(client.dateOfBirth) };
  const res = await callApi(clientRoutes.duplicateCheck, { body }, { signal });
  return res.candidates;
}

/** Opens a case for a new client: the client's record, then what the case starts with. */
export function CaseNewPage() {
  return <Guarded permission="case.create">{(session) => <NewCaseForm me={session.user} />}</Guarded>;
}

function NewCaseForm({ me }: { me: { id: string; name: string } }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const people = useAssignees();
  const [client, setClient] = useState<ClientValues>(EMPTY_CLIENT);
  const [phase, setPhase] = useState("1");
  const [goals, setGoals] = useState("");
  const [assignee, setAssignee] = useState(me.id);
  const [candidates, setCandidates] = useState<Candidates>([]);
  const [confirmed, setConfirmed] = useState(false);
  const { error, busy, run, fields } = useSubmit();

  // Checks as soon as name and date of birth are both there, so the warning comes before the work.
  const [person] = useDebouncedValue(JSON.stringify([client.name.trim(), client.dateOfBirth]), 500);
  useEffect(() => {
    const [name, dateOfBirth] = JSON.parse(person) as [string, string];
    if (!name || !/^\d{4}-\d{2}-\d{2}$/.test(dateOfBirth)) return;
    const controller = new AbortController();
    checkDuplicates({ ...EMPTY_CLIENT, name, dateOfBirth }, controller.signal)
      .then((found) => {
        setCandidates(found);
        setConfirmed(false);
      })
      .catch(() => undefined); // The check on submit and the server's own check still apply.
    return () => controller.abort();
  }, [person]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      try {
        if (!confirmed && client.name.trim()) {
          const found = await checkDuplicates(client);
          setCandidates(found);
          if (found.length > 0) return;
        }
        const created = await callApi(caseRoutes.create, {
          body: {
            client: { ...clientBody(client, true), confirmNotDuplicate: confirmed },
            phase: Number(phase),
            goals: orNull(goals),
            assigneeUserId: assignee === NOBODY ? null : assignee,
          },
        });
        notifySuccess(t("cases.created", { name: created.client.name }));
        navigate(`/cases/${created.id}`);
      } catch (err) {
        if (err instanceof ApiError && err.problem.code === "client.possible_duplicate") {
          setCandidates(await checkDuplicates(client).catch(() => []));
          setConfirmed(false);
        }
        throw err;
      }
    });
  };

  const options = people.some((p) => p.id === me.id) ? people : [{ ...me, role: "counsellor" }, ...people];
  return (
    <>
      <Anchor component={Link} to="/cases" mb="sm" display="inline-block">
        {t("cases.backToList")}
      </Anchor>
      <PageTitle>{t("cases.newTitle")}</PageTitle>
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={submit} noValidate>
          <ProblemAlert error={error?.problem.code === "client.possible_duplicate" ? null : error} />
          <Stack gap="lg">
            {/* Only counsellors open cases, and they may record special categories. */}
            <ClientForm
              value={client}
              onChange={setClient}
              errors={errorsBelow(fields, "client")}
              showSpecial
            />
            <Fieldset legend={t("cases.sections.case")}>
              <Stack>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <NativeSelect
                    label={t("cases.fields.phase")}
                    value={phase}
                    onChange={(e) => setPhase(e.currentTarget.value)}
                    error={errorOf(fields, "phase")}
                    data={IQ_PHASES.map((p) => ({ value: String(p), label: phaseLabel(t, p) }))}
                  />
                  <NativeSelect
                    label={t("cases.fields.assignee")}
                    value={assignee}
                    onChange={(e) => setAssignee(e.currentTarget.value)}
                    error={errorOf(fields, "assigneeUserId")}
                    data={[
                      ...options.map((p) => ({ value: p.id, label: p.name })),
                      { value: NOBODY, label: t("cases.unassigned") },
                    ]}
                  />
                </SimpleGrid>
                <GoalsField
                  value={goals}
                  onChange={(e) => setGoals(e.currentTarget.value)}
                  error={errorOf(fields, "goals")}
                />
              </Stack>
            </Fieldset>
            {/* Beside the button that it holds back. */}
            <DuplicateWarning candidates={candidates} confirmed={confirmed} onConfirm={setConfirmed} />
            <FormActions busy={busy} onCancel={() => navigate("/cases")} submitLabel={t("cases.create")} />
          </Stack>
        </form>
      </Paper>
    </>
  );
}
