import { Anchor, Button, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "#client/components/format.ts";
import { ToneBadge } from "#client/components/ToneBadge.tsx";
import { languageName } from "#client/features/offers/labels.ts";
import type { Consent } from "#shared/contracts/consents.ts";
import { consentDocumentUrl } from "./labels.ts";

type Props = {
  items: Consent[];
  busy: boolean;
  onWithdraw: (consent: Consent) => void;
  onUpload: (consent: Consent) => void;
};

/** The consent register of one person: every consent given, active ones first as the server sorts. */
export function ConsentTable({ items, busy, onWithdraw, onUpload }: Props) {
  const { t } = useTranslation();
  const anyActions = items.some((c) => c.abilities.withdraw || c.abilities.uploadDocument);
  return (
    <Table.ScrollContainer
      minWidth={900}
      // Narrow screens scroll the table: a keyboard reaches the hidden columns by focusing the area.
      scrollAreaProps={{
        viewportProps: { tabIndex: 0, role: "group", "aria-label": t("consents.scrollArea") },
      }}
    >
      <Table striped aria-busy={busy} verticalSpacing="sm">
        <Table.Caption className="visually-hidden">
          {t("consents.caption", { n: items.length })}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("consents.columns.purpose")}</Table.Th>
            <Table.Th>{t("consents.columns.basis")}</Table.Th>
            <Table.Th>{t("consents.columns.information")}</Table.Th>
            <Table.Th>{t("consents.columns.dates")}</Table.Th>
            <Table.Th>{t("consents.fields.status")}</Table.Th>
            <Table.Th>{t("consents.fields.document")}</Table.Th>
            {anyActions ? (
              <Table.Th>
                <VisuallyHidden>{t("common.actions")}</VisuallyHidden>
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((c) => (
            <ConsentRow
              key={c.id}
              consent={c}
              withActions={anyActions}
              onWithdraw={onWithdraw}
              onUpload={onUpload}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** One consent; related values share a cell so that the register fits a screen without scrolling. */
function ConsentRow({
  consent: c,
  withActions,
  onWithdraw,
  onUpload,
}: { consent: Consent; withActions: boolean } & Pick<Props, "onWithdraw" | "onUpload">) {
  const { t } = useTranslation();
  const purpose = t(`consents.purposes.${c.purpose}`);
  return (
    <Table.Tr>
      <Table.Td>
        <Stack gap={2}>
          <Text fw={600} size="sm">
            {purpose}
          </Text>
          <Labelled label={t("consents.cell.recipient")} value={c.recipientOrganisation?.name} />
          <Labelled label={t("consents.cell.recipients")} value={c.recipients} />
        </Stack>
      </Table.Td>
      <Table.Td>
        <Stack gap={2}>
          <Text size="sm">{t(`consents.legalBases.${c.legalBasis}`)}</Text>
          <Text size="sm">
            {t("consents.cell.categories", {
              list: c.dataCategories.map((d) => t(`consents.dataCategories.${d}`)).join(", "),
            })}
          </Text>
        </Stack>
      </Table.Td>
      <Table.Td>
        <Stack gap={2}>
          <Text size="sm">
            {t("consents.cell.informedIn", { language: languageName(c.informedLanguage) })}
          </Text>
          <Text size="sm">{t(`consents.forms.${c.form}`)}</Text>
          <Labelled label={t("consents.cell.fileNote")} value={c.fileNote} />
        </Stack>
      </Table.Td>
      <Table.Td>
        <Stack gap={2}>
          <Text size="sm">
            {t("consents.cell.given", { at: formatDateTime(c.givenAt) })}
            {c.recordedBy ? <> {t("consents.by", { name: c.recordedBy.name })}</> : null}
          </Text>
          {c.withdrawnAt ? (
            <Text size="sm">
              {t("consents.cell.withdrawn", { at: formatDateTime(c.withdrawnAt) })}
              {c.withdrawnBy ? <> {t("consents.by", { name: c.withdrawnBy.name })}</> : null}
            </Text>
          ) : null}
        </Stack>
      </Table.Td>
      <Table.Td>
        <ToneBadge tone={c.active ? "green" : "gray"}>
          {c.active ? t("consents.status.active") : t("consents.status.withdrawn")}
        </ToneBadge>
      </Table.Td>
      <Table.Td>
        {c.document ? (
          <Anchor
            href={consentDocumentUrl(c)}
            download={c.document.fileName}
            size="sm"
            aria-label={t("consents.downloadDocument", { purpose, name: c.document.fileName })}
          >
            <bdi>{c.document.fileName}</bdi>
          </Anchor>
        ) : (
          <Text size="sm">{t("consents.noDocument")}</Text>
        )}
      </Table.Td>
      {withActions ? (
        <Table.Td>
          <Stack gap="xs" align="flex-start">
            {c.active && c.abilities.withdraw ? (
              <Button
                size="xs"
                variant="default"
                color="red"
                onClick={() => onWithdraw(c)}
                aria-label={t("consents.withdrawNamed", { purpose })}
              >
                {t("consents.withdraw.button")}
              </Button>
            ) : null}
            {c.abilities.uploadDocument ? (
              <Button
                size="xs"
                variant="default"
                onClick={() => onUpload(c)}
                aria-label={t("consents.uploadNamed", { purpose })}
              >
                {t("consents.upload.button")}
              </Button>
            ) : null}
          </Stack>
        </Table.Td>
      ) : null}
    </Table.Tr>
  );
}

/** A labelled value of a consent, when there is one; the value may be in any script. */
function Labelled({ label, value }: { label: string; value: string | null | undefined }) {
  if (!value) return null;
  return (
    <Text size="sm">
      {label} <bdi>{value}</bdi>
    </Text>
  );
}
