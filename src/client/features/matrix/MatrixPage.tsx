import { Button, Group, Paper, SegmentedControl, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApiQuery } from "#client/api/use-api.ts";
import { Guarded } from "#client/components/Forbidden.tsx";
import { Loading } from "#client/components/Loading.tsx";
import { PageTitle } from "#client/components/PageTitle.tsx";
import { ProblemAlert } from "#client/components/ProblemAlert.tsx";
import type { MatrixDimension } from "#shared/contracts/matrix.ts";
import { pathOf } from "#shared/contracts/route.ts";
import { matrixRoutes } from "#shared/contracts/routes/matrix.ts";
import { type Cell, CellOffersModal } from "./CellOffersModal.tsx";
import { MatrixTable } from "./MatrixTable.tsx";

/** The network coordinator's phase × district (or type × district) matrix with its gaps. */
export function MatrixPage() {
  return <Guarded permission="directory.analyse">{() => <DirectoryMatrix />}</Guarded>;
}

function DirectoryMatrix() {
  const { t } = useTranslation();
  const [by, setBy] = useState<MatrixDimension>("phase");
  const [cell, setCell] = useState<Cell | null>(null);
  const matrix = useApiQuery(matrixRoutes.get, { query: { by } });
  const current = matrix.data?.by === by ? matrix.data : undefined;

  return (
    <>
      <PageTitle>{t("matrix.title")}</PageTitle>
      <Text mb="md" maw={820}>
        {t("matrix.intro")}
      </Text>
      <Paper withBorder p="lg" radius="md">
        <Group justify="space-between" align="flex-end" mb="md">
          <div>
            <Text component="span" id="matrix-by" fw={600} size="sm" display="block" mb={4}>
              {t("matrix.by")}
            </Text>
            <SegmentedControl
              aria-labelledby="matrix-by"
              value={by}
              onChange={(v) => setBy(v as MatrixDimension)}
              data={[
                { value: "phase", label: t("matrix.byPhase") },
                { value: "type", label: t("matrix.byType") },
              ]}
            />
          </div>
          <Button component="a" variant="default" href={pathOf(matrixRoutes.csv, { query: { by } })} download>
            {t("matrix.download")}
          </Button>
        </Group>
        <ProblemAlert error={matrix.error} />
        {current ? (
          <>
            <Text size="sm" mb="xs" aria-live="polite">
              {t("matrix.summary", { total: current.total, gaps: current.gaps })}
            </Text>
            <MatrixTable matrix={current} onOpen={setCell} />
            <Text size="sm" mt="sm" id="matrix-legend">
              <span className="matrix-gap-marker" aria-hidden="true">
                ⚠
              </span>{" "}
              {t("matrix.legend")}
            </Text>
          </>
        ) : matrix.error ? null : (
          <Loading />
        )}
      </Paper>
      {current && cell ? <CellOffersModal by={by} cell={cell} onClose={() => setCell(null)} /> : null}
    </>
  );
}
