import { type CSSVariablesResolver, createTheme, type MantineColorsTuple } from "@mantine/core";

// A deep petrol blue, the colour of nautical charts ("Lotse" is a harbour pilot). The filled shade
// keeps white text above 4.5:1 (WCAG 2.1 AA 1.4.3).
const petrol: MantineColorsTuple = [
  "#e8f3f7",
  "#d3e6ee",
  "#a7cddc",
  "#78b2c9",
  "#5299b6",
  "#3a89aa",
  "#2b7fa3",
  "#0f6a8c",
  "#0b5a78",
  "#044a64",
];

export const theme = createTheme({
  primaryColor: "petrol",
  primaryShade: { light: 7, dark: 5 },
  colors: { petrol },
  fontFamily:
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', 'Helvetica Neue', Arial, sans-serif",
  headings: { fontWeight: "650" },
  defaultRadius: "md",
  focusRing: "auto",
  // People who ask their system for less motion get modals and menus without animation.
  respectReducedMotion: true,
  cursorType: "pointer",
});

// Mantine's default dimmed grey (gray.6) is 3.3:1 on white and its error red (red.6) 3.3:1;
// gray.7 and red.9 pass AA for small text.
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": t.colors.gray[7] ?? "#495057",
    "--mantine-color-placeholder": t.colors.gray[6] ?? "#868e96",
    "--mantine-color-error": t.colors.red[9] ?? "#c92a2a",
  },
  dark: {},
});
