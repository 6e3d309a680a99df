import { List, Stack, Table, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatDay } from "#client/components/format.ts";
import { countryName } from "#client/features/cases/labels.ts";
import { languageName } from "#client/features/offers/labels.ts";
import { ENTRECOMP, type ProfileSection } from "#shared/competences.ts";
import type { Profile, ProfileUpdate } from "#shared/contracts/competences.ts";
import { LinkedQualifications } from "./EducationSection.tsx";
import { entreCompBand } from "./EntrepreneurshipSection.tsx";
import { CEFR_FIELDS } from "./LanguagesSection.tsx";
import { codeLabel, type Labels } from "./model.ts";

type Content = ProfileUpdate;

const period = (from: string | null | undefined, to: string | null | undefined, open: string) =>
  from || to ? `${from ?? "…"} – ${to ?? open}` : "";

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`view-${id}`}>
      <Title order={3} size="h4" id={`view-${id}`} mb="xs">
        {title}
      </Title>
      {children}
    </section>
  );
}

function Empty() {
  const { t } = useTranslation();
  return (
    <Text size="sm" c="dimmed">
      {t("competenceProfile.view.empty")}
    </Text>
  );
}

type Props = {
  content: Content;
  sections: readonly ProfileSection[];
  labels: Labels;
  qualifications: Profile["qualifications"];
};

/** A profile read only, section by section: what volunteers see, and what a recipient of a share sees. */
export function SectionsView({ content: c, sections, labels, qualifications }: Props) {
  const { t } = useTranslation();
  const open = t("competenceProfile.ongoing");
  const has = (s: ProfileSection) => sections.includes(s);
  const competences = c.competences ?? [];
  const skills = competences.filter((x) => x.escoUri || x.context === "formal");
  const informal = competences.filter((x) => !x.escoUri && x.context !== "formal");
  const competenceList = (list: typeof competences) =>
    list.length === 0 ? (
      <Empty />
    ) : (
      <List spacing="xs">
        {list.map((x) => (
          <List.Item key={x.id}>
            <bdi>{x.title}</bdi>
            {x.escoUri ? (
              <Text size="xs" c="dimmed">
                ESCO: {codeLabel(labels, x.escoUri) ?? x.escoUri}
              </Text>
            ) : null}
            <Text size="xs" c="dimmed">
              {[
                x.context ? t(`competenceProfile.contexts.${x.context}`) : null,
                x.clientRating
                  ? `${t("competenceProfile.competences.clientRating")}: ${x.clientRating}`
                  : null,
                x.counsellorRating
                  ? `${t("competenceProfile.competences.counsellorRating")}: ${x.counsellorRating}`
                  : null,
                ...(x.evidence ?? []).map((e) => t(`competenceProfile.evidenceKinds.${e.kind}`)),
              ]
                .filter(Boolean)
                .join(" · ")}
            </Text>
          </List.Item>
        ))}
      </List>
    );
  return (
    <Stack gap="lg">
      {has("biography") ? (
        <Section id="biography" title={t("competenceProfile.sections.biography")}>
          {(c.phases ?? []).length === 0 ? (
            <Empty />
          ) : (
            <List spacing="sm">
              {(c.phases ?? []).map((p) => (
                <List.Item key={p.id}>
                  <Text fw={600} dir="auto">
                    {t(`competenceProfile.phaseKinds.${p.kind}`)}: {p.title}
                  </Text>
                  <Text size="sm" c="dimmed">
                    <span dir="ltr">{period(p.from, p.to, open)}</span>
                    {p.country ? ` · ${countryName(p.country)}` : ""}
                    {p.place ? ` · ${p.place}` : ""}
                  </Text>
                  {(p.activities ?? []).length > 0 ? (
                    <List size="sm" withPadding>
                      {(p.activities ?? []).map((a) => (
                        <List.Item key={a.id}>
                          <span dir="auto">{a.description}</span>
                        </List.Item>
                      ))}
                    </List>
                  ) : null}
                </List.Item>
              ))}
            </List>
          )}
        </Section>
      ) : null}
      {has("skills") ? (
        <Section id="skills" title={t("competenceProfile.sections.skills")}>
          {competenceList(skills)}
        </Section>
      ) : null}
      {has("informal") ? (
        <Section id="informal" title={t("competenceProfile.sections.informal")}>
          {competenceList(informal)}
        </Section>
      ) : null}
      {has("education") ? (
        <Section id="education" title={t("competenceProfile.sections.education")}>
          <Stack gap="sm">
            {(c.education ?? []).length === 0 ? <Empty /> : null}
            <List spacing="xs">
              {(c.education ?? []).map((e) => (
                <List.Item key={e.id}>
                  <bdi>{e.title}</bdi> – {t(`competenceProfile.educationKinds.${e.kind}`)}
                  <Text size="xs" c="dimmed">
                    {[
                      e.institution,
                      e.country ? countryName(e.country) : null,
                      period(e.from, e.to, open) || null,
                      e.eqfLevel ? `EQF ${e.eqfLevel}` : null,
                      e.iscedLevel != null ? `ISCED ${e.iscedLevel}` : null,
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </Text>
                </List.Item>
              ))}
            </List>
            <LinkedQualifications items={qualifications} />
          </Stack>
        </Section>
      ) : null}
      {has("work") ? (
        <Section id="work" title={t("competenceProfile.sections.work")}>
          {(c.work ?? []).length === 0 ? (
            <Empty />
          ) : (
            <List spacing="xs">
              {(c.work ?? []).map((w) => (
                <List.Item key={w.id}>
                  <bdi>{w.title}</bdi>
                  {w.employer ? (
                    <>
                      {" "}
                      – <bdi>{w.employer}</bdi>
                    </>
                  ) : null}
                  <Text size="xs" c="dimmed">
                    {[
                      w.escoOccupationUri
                        ? `ESCO: ${codeLabel(labels, w.escoOccupationUri) ?? w.escoOccupationUri}`
                        : null,
                      w.kldbCode ? `KldB 2010: ${w.kldbCode} ${labels[w.kldbCode]?.de ?? ""}` : null,
                      period(w.from, w.to, open) || null,
                      w.country ? countryName(w.country) : null,
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </Text>
                  {w.tasks ? (
                    <Text size="sm" dir="auto">
                      {w.tasks}
                    </Text>
                  ) : null}
                </List.Item>
              ))}
            </List>
          )}
        </Section>
      ) : null}
      {has("languages") ? (
        <Section id="languages" title={t("competenceProfile.sections.languages")}>
          <Text size="sm" mb="xs">
            {t("competenceProfile.languages.motherTongues")}:{" "}
            {(c.languages?.motherTongues ?? []).map(languageName).join(", ") || "–"}
          </Text>
          {(c.languages?.other ?? []).length > 0 ? (
            <Table.ScrollContainer minWidth={600}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("competenceProfile.languages.language")}</Table.Th>
                    {CEFR_FIELDS.map((f) => (
                      <Table.Th key={f}>{t(`competenceProfile.cefrSkills.${f}`)}</Table.Th>
                    ))}
                    <Table.Th>{t("competenceProfile.languages.certificatesShort")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {(c.languages?.other ?? []).map((l) => (
                    <Table.Tr key={l.language}>
                      <Table.Th scope="row">{languageName(l.language)}</Table.Th>
                      {CEFR_FIELDS.map((f) => (
                        <Table.Td key={f}>{l[f] ?? "–"}</Table.Td>
                      ))}
                      <Table.Td>
                        {(l.certificates ?? [])
                          .map((x) =>
                            [
                              t(`competenceProfile.certificates.${x.kind}`),
                              x.name,
                              x.level,
                              x.date ? formatDay(x.date) : null,
                            ]
                              .filter(Boolean)
                              .join(" "),
                          )
                          .join("; ") || "–"}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : null}
        </Section>
      ) : null}
      {has("interests") ? (
        <Section id="interests" title={t("competenceProfile.sections.interests")}>
          {(c.interests ?? []).length === 0 ? (
            <Empty />
          ) : (
            <List>
              {(c.interests ?? []).map((i) => (
                <List.Item key={i.id}>
                  <span dir="auto">{i.text}</span>
                </List.Item>
              ))}
            </List>
          )}
        </Section>
      ) : null}
      {has("goals") ? (
        <Section id="goals" title={t("competenceProfile.sections.goals")}>
          {(c.goals ?? []).length === 0 ? (
            <Empty />
          ) : (
            <List>
              {(c.goals ?? []).map((g) => (
                <List.Item key={g.id}>
                  <span dir="auto">{g.text}</span>
                  {g.selfEmployment ? ` (${t("competenceProfile.goals.selfEmployment")})` : ""}
                </List.Item>
              ))}
            </List>
          )}
        </Section>
      ) : null}
      {has("entrepreneurship") ? (
        <Section id="entrepreneurship" title={t("competenceProfile.sections.entrepreneurship")}>
          {c.entrepreneurship?.businessIdea ? (
            <Text size="sm" mb="xs" dir="auto">
              {c.entrepreneurship.businessIdea.field} –{" "}
              {t(`competenceProfile.stages.${c.entrepreneurship.businessIdea.stage}`)}
              {c.entrepreneurship.businessIdea.description
                ? `: ${c.entrepreneurship.businessIdea.description}`
                : ""}
            </Text>
          ) : null}
          {(c.entrepreneurship?.entreComp ?? []).length === 0 && !c.entrepreneurship?.businessIdea ? (
            <Empty />
          ) : null}
          <List size="sm">
            {(c.entrepreneurship?.entreComp ?? []).map((e) => {
              const def = ENTRECOMP.find((x) => x.key === e.competence);
              return (
                <List.Item key={e.competence}>
                  {def?.number} {t(`competenceProfile.entreComp.${e.competence}`)}: {e.level} (
                  {t(`competenceProfile.entreBands.${entreCompBand(e.level)}`)})
                </List.Item>
              );
            })}
          </List>
        </Section>
      ) : null}
    </Stack>
  );
}
