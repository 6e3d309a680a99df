import { Anchor, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { z } from "zod";
import { useApiQuery } from "#client/api/use-api.ts";
import { ItemsView } from "#client/components/QueryView.tsx";
import type { SuggestedOffer } from "#shared/contracts/recognition.ts";
import { recognitionRoutes } from "#shared/contracts/routes/recognition.ts";
import { NextStepModal } from "./NextStepModal.tsx";

type Offer = z.infer<typeof SuggestedOffer>;

type Props = {
  procedureId: string;
  caseId: string;
  /** Whether the user may add next steps to the case. */
  canTakeOver: boolean;
};

/**
 * Offers of the directory that can close each substantial difference of the decision. The parent
 * keys it by the procedure's version, so that it loads again when the differences change.
 */
export function Suggestions({ procedureId, caseId, canTakeOver }: Props) {
  const { t } = useTranslation();
  const suggestions = useApiQuery(recognitionRoutes.suggestions, { params: { procedureId } });
  const [taking, setTaking] = useState<Offer | null>(null);

  return (
    <section aria-labelledby={`suggestions-${procedureId}`}>
      <Title order={5} id={`suggestions-${procedureId}`} mb="xs">
        {t("recognition.suggestions.title")}
      </Title>
      <ItemsView
        query={suggestions}
        empty={<Text c="dimmed">{t("recognition.suggestions.noDifferences")}</Text>}
      >
        {(data) => (
          <Stack gap="md">
            {data.items.map((item) => (
              <div key={item.differenceId}>
                <Text fw={600} size="sm">
                  {t(`recognition.differenceKinds.${item.kind}`)}
                </Text>
                <Text size="sm" dir="auto" mb="xs" style={{ whiteSpace: "pre-line" }}>
                  {item.description}
                </Text>
                {item.offers.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t("recognition.suggestions.noOffers")}
                  </Text>
                ) : (
                  <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
                    {item.offers.map((offer) => (
                      <Paper component="li" key={offer.id} withBorder p="sm" radius="sm">
                        <Group justify="space-between" align="flex-start" gap="sm">
                          <div>
                            <Anchor component={Link} to={`/offers/${offer.id}`} fw={600} dir="auto">
                              {offer.name}
                            </Anchor>
                            <Text size="sm" dir="auto">
                              {offer.organisationName}
                            </Text>
                            <Text size="sm" c="dimmed">
                              {[
                                t(`directory.offerTypes.${offer.offerType}`),
                                offer.matchesOccupationField
                                  ? t("recognition.suggestions.fieldMatches")
                                  : t("recognition.suggestions.fieldOther"),
                                offer.matchesDistrict
                                  ? t("recognition.suggestions.districtMatches")
                                  : t("recognition.suggestions.districtOther"),
                              ].join(" · ")}
                            </Text>
                          </div>
                          {canTakeOver ? (
                            <Button
                              size="xs"
                              variant="light"
                              aria-label={t("recognition.suggestions.takeOverNamed", { name: offer.name })}
                              onClick={() => setTaking(offer)}
                            >
                              {t("recognition.suggestions.takeOver")}
                            </Button>
                          ) : null}
                        </Group>
                      </Paper>
                    ))}
                  </Stack>
                )}
              </div>
            ))}
          </Stack>
        )}
      </ItemsView>
      <NextStepModal
        caseId={caseId}
        procedureId={procedureId}
        offer={taking}
        onClose={() => setTaking(null)}
      />
    </section>
  );
}
