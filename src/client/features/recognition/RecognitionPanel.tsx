import { Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApiQuery } from "#client/api/use-api.ts";
import { ItemsView } from "#client/components/QueryView.tsx";
import { countryName } from "#client/features/cases/labels.ts";
import type { CasePanelProps } from "#client/features/cases/panel.ts";
import type { Qualification } from "#shared/contracts/recognition.ts";
import { recognitionRoutes } from "#shared/contracts/routes/recognition.ts";
import { ProcedureCard } from "./ProcedureCard.tsx";
import { ProcedureCreateModal } from "./ProcedureCreateModal.tsx";
import { QualificationModal } from "./QualificationModal.tsx";

/** The facts of a qualification in one line: country, institution, year, levels, anabin status. */
function QualificationFacts({ q }: { q: Qualification }) {
  const { t } = useTranslation();
  const facts = [
    countryName(q.country),
    q.institution,
    q.year === null ? null : String(q.year),
    q.dqrLevel === null ? null : t("recognition.qualification.dqr", { n: q.dqrLevel }),
    q.iscedLevel === null ? null : t("recognition.qualification.isced", { n: q.iscedLevel }),
    t(`recognition.anabin.${q.anabinStatus}`),
  ].filter((f): f is string => !!f);
  return (
    <Text size="sm" c="dimmed" dir="auto">
      {facts.join(" · ")}
    </Text>
  );
}

/**
 * The recognition tab of a case: the client's foreign qualifications and, per qualification, the
 * recognition procedures with their journey, the moves, and offers that close the differences.
 */
export function RecognitionPanel({ caseRecord }: CasePanelProps) {
  const { t } = useTranslation();
  const qualifications = useApiQuery(recognitionRoutes.qualifications, {
    params: { clientId: caseRecord.client.id },
  });
  const [editing, setEditing] = useState<Qualification | "new" | null>(null);
  const [startingFor, setStartingFor] = useState<string | null>(null);
  const canManage = caseRecord.abilities.manageRecognition;
  const saved = () => {
    setEditing(null);
    setStartingFor(null);
    qualifications.reload();
  };

  return (
    <section aria-labelledby="recognition-heading">
      <Group justify="space-between" mb="md">
        <Title order={2} size="h3" id="recognition-heading">
          {t("recognition.title")}
        </Title>
        {canManage ? (
          <Button onClick={() => setEditing("new")}>{t("recognition.qualification.add")}</Button>
        ) : null}
      </Group>
      <ItemsView query={qualifications} empty={<Text c="dimmed">{t("recognition.qualification.none")}</Text>}>
        {(data) => (
          <Stack gap="lg">
            {data.items.map((q) => (
              <Paper
                key={q.id}
                withBorder
                p="lg"
                radius="md"
                component="section"
                aria-labelledby={`qualification-${q.id}`}
              >
                <Group justify="space-between" align="flex-start" mb="md">
                  <div>
                    <Title order={3} size="h4" id={`qualification-${q.id}`}>
                      {/* Isolated, not turned: an Arabic title keeps the page's alignment. */}
                      <bdi>{q.originalTitle}</bdi>
                    </Title>
                    {q.germanTitle ? (
                      <Text lang="de" fw={500}>
                        {q.germanTitle}
                      </Text>
                    ) : null}
                    <QualificationFacts q={q} />
                  </div>
                  <Group gap="xs">
                    {q.abilities.update ? (
                      <Button
                        variant="default"
                        size="xs"
                        aria-label={t("recognition.qualification.editNamed", { title: q.originalTitle })}
                        onClick={() => setEditing(q)}
                      >
                        {t("recognition.qualification.edit")}
                      </Button>
                    ) : null}
                    {canManage ? (
                      <Button size="xs" onClick={() => setStartingFor(q.id)}>
                        {t("recognition.procedure.start")}
                      </Button>
                    ) : null}
                  </Group>
                </Group>
                {q.procedures.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t("recognition.procedure.none")}
                  </Text>
                ) : (
                  <Stack gap="md">
                    {q.procedures.map((p) => (
                      <ProcedureCard
                        key={p.id}
                        procedure={p}
                        caseId={caseRecord.id}
                        canAddSteps={caseRecord.abilities.document}
                        reload={qualifications.reload}
                      />
                    ))}
                  </Stack>
                )}
              </Paper>
            ))}
          </Stack>
        )}
      </ItemsView>
      <QualificationModal
        clientId={caseRecord.client.id}
        qualification={editing}
        onClose={() => setEditing(null)}
        onSaved={saved}
      />
      <ProcedureCreateModal
        caseId={caseRecord.id}
        qualificationId={startingFor}
        onClose={() => setStartingFor(null)}
        onSaved={saved}
      />
    </section>
  );
}
