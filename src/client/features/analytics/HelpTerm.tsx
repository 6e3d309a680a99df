import { ActionIcon, Popover, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

/** The words the page explains: each has `analytics.help.<term>` (the explanation). */
export type Term =
  | "betweenness"
  | "degree"
  | "weightedDegree"
  | "community"
  | "isolated"
  | "median"
  | "p90"
  | "calendarDays"
  | "workingDays"
  | "pastAgreed"
  | "rates"
  | "bottleneck"
  | "sankey"
  | "processMap"
  | "directlyFollows"
  | "variant";

type Props = {
  /** What the explanation is about; the label shown stays the caller's. */
  term: Term;
  /** The label the term has where it stands ("Vermittlerrolle (Betweenness)"). */
  children: string;
};

/**
 * A term with a small "?" beside it that opens a short explanation in everyday words — for the
 * figures a coordinator reads but need not know the theory of (betweenness, median, p90, Sankey…).
 * The button is named after the term, so a screen reader announces "What does … mean?".
 */
export function HelpTerm({ term, children }: Props) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <span className="help-term">
      {children}
      <Popover
        opened={opened}
        onChange={setOpened}
        onDismiss={() => setOpened(false)}
        position="bottom"
        width={320}
        withArrow
        shadow="md"
        returnFocus
        withinPortal
      >
        <Popover.Target>
          <ActionIcon
            onClick={() => setOpened((o) => !o)}
            // Escape closes the explanation while the focus stays on its button.
            onKeyDown={(e) => {
              if (e.key === "Escape" && opened) {
                e.stopPropagation();
                setOpened(false);
              }
            }}
            variant="subtle"
            color="petrol"
            size="sm"
            radius="xl"
            className="help-term-button"
            aria-label={t("analytics.help.button", { term: children })}
          >
            <QuestionIcon />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown>
          <Text size="sm" fw={600} mb={4}>
            {children}
          </Text>
          <Text size="sm">{t(`analytics.help.${term}`)}</Text>
        </Popover.Dropdown>
      </Popover>
    </span>
  );
}

function QuestionIcon() {
  return (
    <svg
      width={16}
      height={16}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="12" cy="12" r="9" />
      <path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6V14M12 17.5h0" />
    </svg>
  );
}
