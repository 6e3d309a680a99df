import { Checkbox, Fieldset, Group, Paper, Stack, Text, Textarea } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "#client/api/client.ts";
import { useApiQuery } from "#client/api/use-api.ts";
import { formatDateTime } from "#client/components/format.ts";
import { notifySuccess } from "#client/components/notify.ts";
import { ProblemAlert } from "#client/components/ProblemAlert.tsx";
import { ItemsView } from "#client/components/QueryView.tsx";
import { ToneBadge } from "#client/components/ToneBadge.tsx";
import { FormActions } from "#client/forms/FormActions.tsx";
import { errorOf, useSubmit } from "#client/forms/use-submit.ts";
import type { ResponseOf } from "#shared/contracts/route.ts";
import { caseRoutes } from "#shared/contracts/routes/cases.ts";
import type { CasePanelProps } from "./panel.ts";

type Note = ResponseOf<typeof caseRoutes.notes>["items"][number];

/** The notes of the case, newest first; notes with special-category data are marked as such. */
export function NotesPanel({ caseRecord: c, reload }: CasePanelProps) {
  const { t } = useTranslation();
  const notes = useApiQuery(caseRoutes.notes, { params: { caseId: c.id } });
  return (
    <Stack gap="lg">
      <section aria-labelledby="notes-heading">
        <h2 id="notes-heading" className="visually-hidden">
          {t("cases.tabs.notes")}
        </h2>
        <ItemsView query={notes} empty={<Text py="md">{t("cases.notes.empty")}</Text>}>
          {(data) => (
            <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: "none" }}>
              {data.items.map((n) => (
                <NoteItem key={n.id} note={n} />
              ))}
            </Stack>
          )}
        </ItemsView>
      </section>
      {c.abilities.document ? (
        <NoteForm
          caseId={c.id}
          mayMarkSpecial={c.abilities.readSpecial}
          // Without a consent or a stated basis a special note makes the case's warning appear.
          basisMissing={
            c.specialData !== null && !c.specialData.documentationConsent && !c.specialData.purposeRecorded
          }
          onAdded={() => {
            notes.reload();
            reload();
          }}
        />
      ) : null}
    </Stack>
  );
}

function NoteItem({ note: n }: { note: Note }) {
  const { t } = useTranslation();
  return (
    <Paper
      component="li"
      withBorder
      p="md"
      radius="md"
      style={n.special ? { borderInlineStart: "4px solid var(--mantine-color-red-9)" } : undefined}
    >
      <Group justify="space-between" mb="xs" gap="xs">
        <Text size="sm" c="dimmed">
          <bdi>{n.author?.name ?? "–"}</bdi> · {formatDateTime(n.createdAt)}
        </Text>
        {n.special ? <ToneBadge tone="red">{t("cases.notes.specialBadge")}</ToneBadge> : null}
      </Group>
      <Text dir="auto" style={{ whiteSpace: "pre-line" }}>
        {n.body}
      </Text>
    </Paper>
  );
}

function NoteForm({
  caseId,
  mayMarkSpecial,
  basisMissing,
  onAdded,
}: {
  caseId: string;
  mayMarkSpecial: boolean;
  basisMissing: boolean;
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  const [body, setBody] = useState("");
  const [special, setSpecial] = useState(false);
  const { error, busy, run, fields } = useSubmit();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      await callApi(caseRoutes.createNote, { params: { caseId }, body: { body: body.trim(), special } });
      notifySuccess(t("cases.notes.added"));
      setBody("");
      setSpecial(false);
      onAdded();
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Fieldset legend={t("cases.notes.add")}>
        <ProblemAlert error={error} />
        <Stack>
          <Textarea
            label={t("cases.notes.body")}
            required
            autosize
            minRows={3}
            maxRows={12}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={errorOf(fields, "body")}
          />
          {mayMarkSpecial ? (
            <Checkbox
              label={t("cases.notes.special")}
              description={t("cases.notes.specialHint")}
              checked={special}
              onChange={(e) => setSpecial(e.currentTarget.checked)}
            />
          ) : null}
          {special && basisMissing ? (
            <Text size="sm" fw={600} c="red.9">
              {t("specialData.noteWithoutBasis")}
            </Text>
          ) : null}
          <FormActions busy={busy} submitLabel={t("cases.notes.submit")} />
        </Stack>
      </Fieldset>
    </form>
  );
}
