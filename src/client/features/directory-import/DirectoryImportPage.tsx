import { Alert, Button, FileInput, Group, Paper, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "#client/api/client.ts";
import { Guarded } from "#client/components/Forbidden.tsx";
import { Loading } from "#client/components/Loading.tsx";
import { notifySuccess } from "#client/components/notify.ts";
import { PageTitle } from "#client/components/PageTitle.tsx";
import { ProblemAlert } from "#client/components/ProblemAlert.tsx";
import { type Tone, ToneBadge } from "#client/components/ToneBadge.tsx";
import { useSubmit } from "#client/forms/use-submit.ts";
import type { ImportReport } from "#shared/contracts/hsds.ts";
import { hsdsRoutes } from "#shared/contracts/routes/hsds.ts";

type Action = ImportReport["records"][number]["action"];
const ACTIONS: readonly Action[] = ["create", "update", "unchanged", "reject"];
const COLOR: Record<Action, Tone> = { create: "green", update: "blue", unchanged: "gray", reject: "red" };
/** A report of a whole network runs to thousands of rows; the page shows the first ones, rejected first. */
const SHOWN = 300;

/** The coordination's HSDS import: upload → dry-run report → import. */
export function DirectoryImportPage() {
  return <Guarded permission="directory.import">{() => <DirectoryImport />}</Guarded>;
}

function DirectoryImport() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [document, setDocument] = useState<unknown>(undefined);
  const [parseError, setParseError] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const submit = useSubmit();
  const { busy, error } = submit;

  const run = (doc: unknown, dryRun: boolean) =>
    submit.run(async () => {
      const result = await callApi(hsdsRoutes.import, {
        query: { dryRun: dryRun ? "true" : "false" },
        body: doc,
      });
      setReport(result);
      if (!dryRun && result.committed) {
        notifySuccess(
          t("directoryImport.done", { create: result.counts.create, update: result.counts.update }),
        );
      }
    });

  const choose = async (f: File | null) => {
    setFile(f);
    setReport(null);
    setParseError(null);
    setDocument(undefined);
    if (!f) return;
    let doc: unknown;
    try {
      doc = JSON.parse(await f.text());
    } catch (err) {
      setParseError(t("directoryImport.parseError", { message: (err as Error).message }));
      return;
    }
    setDocument(doc);
    await run(doc, true);
  };

  const changes = report ? report.counts.create + report.counts.update : 0;
  const rows = report
    ? [...report.records]
        .sort((a, b) => Number(b.action === "reject") - Number(a.action === "reject"))
        .slice(0, SHOWN)
    : [];

  return (
    <>
      <PageTitle>{t("directoryImport.title")}</PageTitle>
      <Text c="dimmed" mb="lg" maw="60rem">
        {t("directoryImport.intro")}
      </Text>
      <Paper withBorder p="lg" radius="md">
        <FileInput
          label={t("directoryImport.file")}
          description={t("directoryImport.fileHint")}
          accept="application/json,.json"
          value={file}
          onChange={(f) => void choose(f)}
          clearable
          clearButtonProps={{ "aria-label": t("directoryImport.clear") }}
          maw="32rem"
          mb="md"
        />
        {parseError ? (
          <Alert color="red" variant="light" role="alert" mb="md">
            {parseError}
          </Alert>
        ) : null}
        <ProblemAlert error={error} />
        {busy && !report ? <Loading /> : null}
        {report ? (
          <section aria-labelledby="import-report-title">
            <Title order={2} size="h4" id="import-report-title" mb="sm">
              {report.dryRun ? t("directoryImport.reportTitle") : t("directoryImport.resultTitle")}
            </Title>
            <Group gap="xs" mb="md" role="status">
              {ACTIONS.map((a) => (
                <ToneBadge key={a} tone={COLOR[a]}>
                  {report.counts[a]} {t(`directoryImport.counts.${a}`)}
                </ToneBadge>
              ))}
            </Group>
            {report.counts.reject > 0 ? (
              <Alert color="red" variant="light" mb="md">
                {t("directoryImport.rejectedHint")}
              </Alert>
            ) : report.dryRun && changes === 0 ? (
              <Alert color="gray" variant="light" mb="md">
                {t("directoryImport.nothingToDo")}
              </Alert>
            ) : null}
            {report.dryRun ? (
              <Button
                mb="md"
                loading={busy}
                disabled={report.counts.reject > 0 || changes === 0}
                onClick={() => void run(document, false)}
              >
                {t("directoryImport.import")}
              </Button>
            ) : null}
            <ReportTable rows={rows} total={report.records.length} />
          </section>
        ) : null}
      </Paper>
    </>
  );
}

function ReportTable({ rows, total }: { rows: ImportReport["records"]; total: number }) {
  const { t } = useTranslation();
  return (
    <>
      <Table.ScrollContainer minWidth={760}>
        <Table striped>
          <Table.Caption className="visually-hidden">
            {t("directoryImport.caption", { n: total })}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("directoryImport.fields.kind")}</Table.Th>
              <Table.Th>{t("directoryImport.fields.name")}</Table.Th>
              <Table.Th>{t("directoryImport.fields.action")}</Table.Th>
              <Table.Th>{t("directoryImport.fields.details")}</Table.Th>
              <Table.Th>{t("directoryImport.fields.id")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={`${r.kind}:${r.id ?? r.path}:${r.path}`}>
                <Table.Td>{t(`directoryImport.kinds.${r.kind}`)}</Table.Td>
                <Table.Td dir="auto">{r.name ?? "–"}</Table.Td>
                <Table.Td>
                  <ToneBadge tone={COLOR[r.action]}>{t(`directoryImport.actions.${r.action}`)}</ToneBadge>
                </Table.Td>
                <Table.Td>
                  {r.action === "reject" ? (
                    <ul style={{ margin: 0, paddingInlineStart: "1rem" }}>
                      {r.errors.map((e) => (
                        <li key={`${e.path}:${e.message}`}>
                          <code dir="ltr">{e.path || "/"}</code> {e.message}
                        </li>
                      ))}
                    </ul>
                  ) : r.action === "update" ? (
                    r.fields.join(", ")
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <code dir="ltr">{r.id ?? "–"}</code>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {total > rows.length ? (
        <Text c="dimmed" size="sm" mt="sm">
          {t("directoryImport.more", { n: total - rows.length })}
        </Text>
      ) : null}
    </>
  );
}
