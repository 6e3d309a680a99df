import { Badge } from "@mantine/core";
import type { ReactNode } from "react";

export type Tone = "green" | "gray" | "yellow" | "red" | "blue";

// Mantine's light badges put shade 9 on shade 1 (green: 3.8:1); these darker texts keep 4.5:1 and more.
const TEXT: Record<Tone, string> = {
  green: "#1b5e20",
  gray: "#343a40",
  yellow: "#5c3c00",
  red: "#8f1d1d",
  blue: "#0b4f8a",
};

/** A small status label in a tone; the words carry the meaning, the tone only supports it. */
export function ToneBadge({ tone, children }: { tone: Tone; children: ReactNode }) {
  return (
    <Badge variant="light" color={tone} tt="none" style={{ color: TEXT[tone], minWidth: "max-content" }}>
      {children}
    </Badge>
  );
}
