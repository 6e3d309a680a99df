import { Anchor, Group, Stack, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "#client/api/client.ts";
import { useApiQuery } from "#client/api/use-api.ts";
import { formatDate } from "#client/components/format.ts";
import { Pager } from "#client/components/Pager.tsx";
import { QueryView } from "#client/components/QueryView.tsx";
import { currentLocale } from "#client/i18n.ts";
import { urlOf } from "#shared/contracts/route.ts";
import { trainingExchangeRoutes as routes } from "#shared/contracts/routes/trainings-exchange.ts";
import type { ExchangeMaterial } from "#shared/contracts/trainings-exchange.ts";
import { ConfirmDelete } from "./ConfirmDelete.tsx";
import { FileForm, LinkForm } from "./MaterialForms.tsx";

const LIMIT = 20;

/** The shared materials of a cohort: a table of files and links, and the forms to share more. */
export function Materials({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const list = useApiQuery(routes.materials, { params: { cohortId }, query: { limit: LIMIT, offset } });
  const changed = () => {
    setOffset(0);
    list.reload();
  };
  return (
    <Stack component="section" aria-labelledby="exchange-materials" gap="md">
      <Title order={2} size="h3" id="exchange-materials" tabIndex={-1}>
        {t("trainings.exchange.materials.heading")}
      </Title>
      <QueryView query={list}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed">{t("trainings.exchange.materials.empty")}</Text>
          ) : (
            <>
              <Table.ScrollContainer minWidth={560}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t("trainings.exchange.materials.title")}</Table.Th>
                      <Table.Th scope="col">{t("trainings.exchange.materials.kind")}</Table.Th>
                      <Table.Th scope="col">{t("trainings.exchange.materials.uploadedBy")}</Table.Th>
                      <Table.Th scope="col">{t("trainings.exchange.materials.date")}</Table.Th>
                      <Table.Th scope="col">{t("trainings.exchange.materials.actions")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((m) => (
                      <MaterialRow key={m.id} cohortId={cohortId} material={m} onChanged={list.reload} />
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Pager total={data.total} limit={LIMIT} offset={offset} onChange={setOffset} />
            </>
          )
        }
      </QueryView>
      <Group align="flex-start" grow wrap="wrap">
        <FileForm cohortId={cohortId} onShared={changed} />
        <LinkForm cohortId={cohortId} onShared={changed} />
      </Group>
    </Stack>
  );
}

function MaterialRow({
  cohortId,
  material: m,
  onChanged,
}: {
  cohortId: string;
  material: ExchangeMaterial;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const size =
    m.size === null
      ? ""
      : new Intl.NumberFormat(currentLocale()).format(Math.max(1, Math.round(m.size / 1024)));
  return (
    <Table.Tr>
      <Table.Td>
        {m.kind === "file" ? (
          <Anchor
            href={urlOf(routes.download, { params: { cohortId, materialId: m.id } })}
            download={m.fileName ?? true}
          >
            <bdi>{m.title}</bdi>
          </Anchor>
        ) : (
          <Anchor href={m.url ?? undefined} target="_blank" rel="noopener noreferrer nofollow ugc">
            <bdi>{m.title}</bdi>
            <VisuallyHidden> {t("trainings.exchange.opensNewTab")}</VisuallyHidden>
          </Anchor>
        )}
        {m.kind === "file" && m.fileName !== m.title ? (
          <Text size="xs" c="dimmed">
            <bdi>{m.fileName}</bdi>
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        {m.kind === "file"
          ? `${t("trainings.exchange.materials.file")}, ${t("trainings.exchange.materials.size", { size })}`
          : t("trainings.exchange.materials.link")}
      </Table.Td>
      <Table.Td>
        <bdi>{m.uploadedBy.name ?? t("trainings.exchange.unknownAuthor")}</bdi>
      </Table.Td>
      <Table.Td>
        <time dateTime={m.createdAt}>{formatDate(m.createdAt)}</time>
      </Table.Td>
      <Table.Td>
        {m.abilities.delete ? (
          <ConfirmDelete
            focusAfter="exchange-materials"
            label={t("trainings.exchange.materials.deleteLabel", { title: m.title })}
            question={t("trainings.exchange.materials.deleteConfirm", { title: m.title })}
            onDelete={async () => {
              await callApi(routes.deleteMaterial, { params: { cohortId, materialId: m.id } });
              onChanged();
            }}
          />
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}
