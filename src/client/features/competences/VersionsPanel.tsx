import { Button, Group, List, NativeSelect, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApiQuery } from "#client/api/use-api.ts";
import { formatDateTime } from "#client/components/format.ts";
import { ItemsView, QueryView } from "#client/components/QueryView.tsx";
import type { Profile } from "#shared/contracts/competences.ts";
import { competenceRoutes } from "#shared/contracts/routes/competences.ts";

type Pair = { from: number; to: number };

function Comparison({ profile, pair }: { profile: Profile; pair: Pair }) {
  const { t } = useTranslation();
  const diff = useApiQuery(competenceRoutes.compare, { params: { profileId: profile.id }, query: pair });
  return (
    <QueryView query={diff}>
      {(d) => (
        <section aria-labelledby="comparison-heading">
          <Title order={3} size="h5" id="comparison-heading" mb="xs">
            {t("competenceProfile.versions.comparison", { from: d.from.version, to: d.to.version })}
          </Title>
          {d.sections.length === 0 ? <Text>{t("competenceProfile.versions.noChange")}</Text> : null}
          <Stack gap="sm">
            {d.sections.map((s) => (
              <div key={s.section}>
                <Text fw={600}>{t(`competenceProfile.sections.${s.section}`)}</Text>
                <List size="sm">
                  {s.added.map((a) => (
                    <List.Item key={`+${a}`}>
                      {t("competenceProfile.versions.added")}: <bdi>{a}</bdi>
                    </List.Item>
                  ))}
                  {s.removed.map((r) => (
                    <List.Item key={`-${r}`}>
                      {t("competenceProfile.versions.removed")}: <bdi>{r}</bdi>
                    </List.Item>
                  ))}
                  {s.changed.map((c) => (
                    <List.Item key={`~${c.item}`}>
                      {t("competenceProfile.versions.changed")}: <bdi>{c.item}</bdi> ({c.fields.join(", ")})
                    </List.Item>
                  ))}
                </List>
              </div>
            ))}
          </Stack>
        </section>
      )}
    </QueryView>
  );
}

/** The sittings of a profile (who, when, which sections) and the comparison of two of them. */
export function VersionsPanel({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const versions = useApiQuery(competenceRoutes.versions, { params: { profileId: profile.id } });
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [pair, setPair] = useState<Pair | null>(null);
  return (
    <section aria-labelledby="versions-heading">
      <Title order={2} size="h4" id="versions-heading" mb="sm">
        {t("competenceProfile.versions.title")}
      </Title>
      <ItemsView query={versions} empty={<Text>{t("competenceProfile.versions.none")}</Text>}>
        {(data) => {
          const options = data.items.map((v) => ({
            value: String(v.version),
            label: `${v.version} · ${formatDateTime(v.at)}`,
          }));
          const first = options[options.length - 1]?.value ?? "";
          const last = options[0]?.value ?? "";
          return (
            <Stack gap="lg">
              <Table.ScrollContainer minWidth={600}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t("competenceProfile.versions.version")}</Table.Th>
                      <Table.Th>{t("competenceProfile.versions.when")}</Table.Th>
                      <Table.Th>{t("competenceProfile.versions.who")}</Table.Th>
                      <Table.Th>{t("competenceProfile.versions.sections")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((v) => (
                      <Table.Tr key={v.version}>
                        <Table.Td>{v.version}</Table.Td>
                        <Table.Td>
                          {formatDateTime(v.startedAt)} – {formatDateTime(v.at)}
                        </Table.Td>
                        <Table.Td>
                          <bdi>{v.byName ?? "–"}</bdi>
                        </Table.Td>
                        <Table.Td>
                          {v.sections.map((s) => t(`competenceProfile.sections.${s}`)).join(", ") || "–"}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {data.items.length > 1 ? (
                <form
                  aria-label={t("competenceProfile.versions.compare")}
                  onSubmit={(e) => {
                    e.preventDefault();
                    setPair({ from: Number(from || first), to: Number(to || last) });
                  }}
                >
                  <Group align="flex-end" gap="sm" wrap="wrap">
                    <NativeSelect
                      label={t("competenceProfile.versions.from")}
                      data={options}
                      value={from || first}
                      onChange={(e) => setFrom(e.currentTarget.value)}
                    />
                    <NativeSelect
                      label={t("competenceProfile.versions.to")}
                      data={options}
                      value={to || last}
                      onChange={(e) => setTo(e.currentTarget.value)}
                    />
                    <Button type="submit" variant="light">
                      {t("competenceProfile.versions.compare")}
                    </Button>
                  </Group>
                </form>
              ) : null}
              {pair ? <Comparison key={`${pair.from}-${pair.to}`} profile={profile} pair={pair} /> : null}
            </Stack>
          );
        }}
      </ItemsView>
    </section>
  );
}
