import { Button, type ButtonProps, Menu } from "@mantine/core";
import type { ReactNode } from "react";
import { ChevronIcon } from "./icons.tsx";

type Props = {
  icon: ReactNode;
  /** The button's accessible name: what the menu is for and what is chosen now. */
  label: string;
  /** What the button shows. */
  shown: ReactNode;
  /** A quiet button in the header bar unless told otherwise (the organisation switcher is framed). */
  button?: ButtonProps;
  /** The menu's entries. */
  children: ReactNode;
};

/** A menu of the header bar: a button with an icon and a chevron, the entries below it at the end side. */
export function HeaderMenu({
  icon,
  label,
  shown,
  button = { variant: "subtle", color: "dark", px: "xs" },
  children,
}: Props) {
  return (
    <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <Button {...button} leftSection={icon} rightSection={<ChevronIcon />} aria-label={label}>
          {shown}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>{children}</Menu.Dropdown>
    </Menu>
  );
}
