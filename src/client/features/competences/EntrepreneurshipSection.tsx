import {
  Button,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useTranslation } from "react-i18next";
import { BUSINESS_STAGES, ENTRECOMP, ENTRECOMP_LEVELS } from "#shared/competences.ts";
import type { ProfileContent } from "#shared/contracts/competences.ts";
import { REMOVE_STYLE } from "./fields.tsx";
import { fieldError, type PartProps, textOrNull } from "./model.ts";

type Entre = ProfileContent["entrepreneurship"];
type Idea = NonNullable<Entre["businessIdea"]>;
type EntreCompEntry = Entre["entreComp"][number];

/** EntreComp's progression band of a level: foundation, intermediate, advanced, expert. */
export const entreCompBand = (level: number) =>
  level <= 2 ? "foundation" : level <= 4 ? "intermediate" : level <= 6 ? "advanced" : "expert";

/** Entrepreneurial integration: the business idea and the 15 EntreComp competences with their level. */
export function EntrepreneurshipSection({ value, onChange, errors }: PartProps<"entrepreneurship">) {
  const { t } = useTranslation();
  const idea = value.businessIdea;
  const setIdea = (patch: Partial<Idea>) =>
    idea && onChange({ ...value, businessIdea: { ...idea, ...patch } });
  const err = (f: string) => fieldError(errors, `entrepreneurship.${f}`);
  const setLevel = (key: EntreCompEntry["competence"], level: number | null) => {
    const others = value.entreComp.filter((e) => e.competence !== key);
    const existing = value.entreComp.find((e) => e.competence === key);
    const next =
      level === null ? others : [...others, { competence: key, level, note: existing?.note ?? null }];
    // Kept in the framework's order, so that a version's comparison shows no reordering.
    const order = ENTRECOMP.map((c) => c.key);
    onChange({
      ...value,
      entreComp: next.sort((a, b) => order.indexOf(a.competence) - order.indexOf(b.competence)),
    });
  };
  return (
    <Stack gap="lg">
      <section aria-labelledby="business-idea-heading">
        <Group justify="space-between" mb="xs">
          <Title order={3} size="h5" id="business-idea-heading">
            {t("competenceProfile.entrepreneurship.idea")}
          </Title>
          {idea ? (
            <Button
              variant="subtle"
              color="red"
              size="xs"
              style={REMOVE_STYLE}
              onClick={() => onChange({ ...value, businessIdea: null })}
            >
              {t("competenceProfile.entrepreneurship.removeIdea")}
            </Button>
          ) : (
            <Button
              variant="light"
              size="xs"
              onClick={() =>
                onChange({
                  ...value,
                  businessIdea: { field: "", stage: "idea", description: null, needs: null },
                })
              }
            >
              {t("competenceProfile.entrepreneurship.addIdea")}
            </Button>
          )}
        </Group>
        {idea ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t("competenceProfile.entrepreneurship.field")}
              required
              dir="auto"
              value={idea.field}
              error={err("businessIdea.field")}
              onChange={(e) => setIdea({ field: e.currentTarget.value })}
            />
            <NativeSelect
              label={t("competenceProfile.entrepreneurship.stage")}
              value={idea.stage}
              data={BUSINESS_STAGES.map((s) => ({ value: s, label: t(`competenceProfile.stages.${s}`) }))}
              onChange={(e) => setIdea({ stage: e.currentTarget.value as Idea["stage"] })}
            />
            <Textarea
              label={t("competenceProfile.entrepreneurship.description")}
              autosize
              minRows={2}
              dir="auto"
              value={idea.description ?? ""}
              error={err("businessIdea.description")}
              onChange={(e) => setIdea({ description: textOrNull(e.currentTarget.value) })}
            />
            <Textarea
              label={t("competenceProfile.entrepreneurship.needs")}
              autosize
              minRows={2}
              dir="auto"
              value={idea.needs ?? ""}
              error={err("businessIdea.needs")}
              onChange={(e) => setIdea({ needs: textOrNull(e.currentTarget.value) })}
            />
          </SimpleGrid>
        ) : (
          <Text size="sm" c="dimmed">
            {t("competenceProfile.entrepreneurship.noIdea")}
          </Text>
        )}
      </section>
      <section aria-labelledby="entrecomp-heading">
        <Title order={3} size="h5" id="entrecomp-heading" mb={4}>
          {t("competenceProfile.entrepreneurship.entreComp")}
        </Title>
        <Text size="xs" c="dimmed" mb="xs">
          {t("competenceProfile.entrepreneurship.source")}
        </Text>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("competenceProfile.entrepreneurship.competence")}</Table.Th>
              <Table.Th>{t("competenceProfile.entrepreneurship.level")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ENTRECOMP.map((c) => {
              const entry = value.entreComp.find((e) => e.competence === c.key);
              const name = `${c.number} ${t(`competenceProfile.entreComp.${c.key}`)}`;
              return (
                <Table.Tr key={c.key}>
                  <Table.Th scope="row" fw={400}>
                    {name}
                  </Table.Th>
                  <Table.Td>
                    <NativeSelect
                      aria-label={t("competenceProfile.entrepreneurship.levelOf", { name })}
                      value={entry ? String(entry.level) : ""}
                      data={[
                        { value: "", label: "–" },
                        ...ENTRECOMP_LEVELS.map((l) => ({
                          value: String(l),
                          label: `${l} · ${t(`competenceProfile.entreBands.${entreCompBand(l)}`)}`,
                        })),
                      ]}
                      onChange={(e) =>
                        setLevel(c.key, e.currentTarget.value === "" ? null : Number(e.currentTarget.value))
                      }
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </section>
    </Stack>
  );
}
