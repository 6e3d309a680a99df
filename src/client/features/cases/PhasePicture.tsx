import { Box, SimpleGrid, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { IQ_PHASES } from "#shared/directory.ts";

/**
 * The five phases of the IQ process chain side by side, the current one filled and named as
 * current in words (for screen readers and without colour).
 */
export function PhasePicture({ phase, labelledBy }: { phase: number; labelledBy: string }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid
      component="ol"
      cols={{ base: 1, sm: 5 }}
      spacing={6}
      m={0}
      p={0}
      style={{ listStyle: "none" }}
      aria-labelledby={labelledBy}
    >
      {IQ_PHASES.map((p) => {
        const current = p === phase;
        return (
          <Box
            component="li"
            key={p}
            aria-current={current ? "step" : undefined}
            p="xs"
            style={{
              borderRadius: "var(--mantine-radius-md)",
              border: `2px solid var(--mantine-color-petrol-${current ? 8 : 2})`,
              background: current ? "var(--mantine-color-petrol-8)" : "var(--mantine-color-white)",
              color: current ? "var(--mantine-color-white)" : "var(--mantine-color-black)",
            }}
          >
            <Text size="xs" fw={700}>
              {t("directory.phaseNumber", { n: p })}
              {current ? ` · ${t("cases.currentPhase")}` : ""}
            </Text>
            <Text size="xs">{t(`directory.phases.${p}`)}</Text>
          </Box>
        );
      })}
    </SimpleGrid>
  );
}
