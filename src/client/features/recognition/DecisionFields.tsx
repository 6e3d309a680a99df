import {
  Button,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useTranslation } from "react-i18next";
import { errorOf } from "#client/forms/use-submit.ts";
import type { Procedure, ProcedureUpdate } from "#shared/contracts/recognition.ts";
import {
  COMPENSATION_MEASURES,
  DECISIONS_WITH_DIFFERENCES,
  DIFFERENCE_KINDS,
  NON_REGULATED_DECISIONS,
  REGULATED_DECISIONS,
  type RecognitionDecision,
} from "#shared/recognition.ts";

type DifferenceValues = { id?: string; kind: string; description: string };
export type DecisionValues = {
  decision: string;
  decidedAt: string;
  compensationMeasure: string;
  differences: DifferenceValues[];
};

/** The form values of a procedure's decision; a new decision is dated today. */
export function decisionValues(p: Procedure, today: string): DecisionValues {
  return {
    decision: p.decision ?? "",
    decidedAt: p.decidedAt ?? today,
    compensationMeasure: p.compensationMeasure ?? "",
    differences: p.differences.map((d) => ({ ...d })),
  };
}

const hasDifferences = (decision: string) =>
  DECISIONS_WITH_DIFFERENCES.includes(decision as RecognitionDecision);

/** The part of a PATCH body for the decision: differences and measure only where the decision has them. */
export function decisionBody(v: DecisionValues): Partial<ProcedureUpdate> {
  return {
    decision: (v.decision || null) as ProcedureUpdate["decision"],
    decidedAt: v.decidedAt || null,
    compensationMeasure: (v.decision === "compensation_required" && v.compensationMeasure
      ? v.compensationMeasure
      : null) as ProcedureUpdate["compensationMeasure"],
    differences: (hasDifferences(v.decision) ? v.differences : []) as ProcedureUpdate["differences"],
  };
}

type Props = {
  regulated: boolean;
  value: DecisionValues;
  onChange: (v: DecisionValues) => void;
  /** The server's messages by field name. */
  fields: Record<string, string>;
};

/**
 * The authority's decision: which decisions there are depends on whether the profession is
 * regulated; a partial or negative one lists the substantial differences (§7(2) BQFG).
 */
export function DecisionFields({ regulated, value, onChange, fields }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<DecisionValues>) => onChange({ ...value, ...patch });
  const decisions = regulated ? REGULATED_DECISIONS : NON_REGULATED_DECISIONS;
  const updateDifference = (i: number, patch: Partial<DifferenceValues>) =>
    set({ differences: value.differences.map((d, j) => (j === i ? { ...d, ...patch } : d)) });
  const f = (k: string) => t(`recognition.procedure.fields.${k}`);

  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={f("decision")}
          required
          data={[
            { value: "", label: t("common.choose"), disabled: true },
            ...decisions.map((d) => ({ value: d, label: t(`recognition.decisions.${d}`) })),
          ]}
          value={value.decision}
          onChange={(e) => set({ decision: e.currentTarget.value })}
          error={errorOf(fields, "decision")}
        />
        <TextInput
          type="date"
          label={f("decidedAt")}
          required
          dir="ltr"
          value={value.decidedAt}
          onChange={(e) => set({ decidedAt: e.currentTarget.value })}
          error={errorOf(fields, "decidedAt")}
        />
        {value.decision === "compensation_required" ? (
          <NativeSelect
            label={f("compensationMeasure")}
            data={[
              { value: "", label: t("recognition.notGiven") },
              ...COMPENSATION_MEASURES.map((m) => ({
                value: m,
                label: t(`recognition.compensationMeasures.${m}`),
              })),
            ]}
            value={value.compensationMeasure}
            onChange={(e) => set({ compensationMeasure: e.currentTarget.value })}
            error={errorOf(fields, "compensationMeasure")}
          />
        ) : null}
      </SimpleGrid>
      {hasDifferences(value.decision) ? (
        <Fieldset legend={f("differences")}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {value.differences.length === 0
                ? t("recognition.differences.none")
                : t("recognition.differences.hint")}
            </Text>
            {value.differences.map((d, i) => {
              const n = i + 1;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: new rows have no id until saved
                <Fieldset key={i} legend={t("recognition.differences.entry", { n })} variant="filled">
                  <Stack gap="xs">
                    <NativeSelect
                      label={t("recognition.differences.kind")}
                      required
                      data={[
                        { value: "", label: t("common.choose"), disabled: true },
                        ...DIFFERENCE_KINDS.map((k) => ({
                          value: k,
                          label: t(`recognition.differenceKinds.${k}`),
                        })),
                      ]}
                      value={d.kind}
                      onChange={(e) => updateDifference(i, { kind: e.currentTarget.value })}
                      error={errorOf(fields, `differences.${i}.kind`)}
                    />
                    <Textarea
                      label={t("recognition.differences.description")}
                      required
                      autosize
                      minRows={2}
                      maxRows={6}
                      value={d.description}
                      onChange={(e) => updateDifference(i, { description: e.currentTarget.value })}
                      error={errorOf(fields, `differences.${i}.description`)}
                    />
                    <Group justify="flex-end">
                      <Button
                        variant="subtle"
                        color="red"
                        size="xs"
                        onClick={() => set({ differences: value.differences.filter((_, j) => j !== i) })}
                      >
                        {t("recognition.differences.remove", { n })}
                      </Button>
                    </Group>
                  </Stack>
                </Fieldset>
              );
            })}
            <Group>
              <Button
                variant="light"
                onClick={() => set({ differences: [...value.differences, { kind: "", description: "" }] })}
              >
                {t("recognition.differences.add")}
              </Button>
            </Group>
            {fields.differences ? (
              <Text size="sm" c="red.8" role="alert">
                {fields.differences}
              </Text>
            ) : null}
          </Stack>
        </Fieldset>
      ) : null}
    </Stack>
  );
}
