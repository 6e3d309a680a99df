import type { MouseEvent } from "react";
import { useTranslation } from "react-i18next";

export const MAIN_ID = "main-content";

/** The first stop of the Tab key: jumps over header and navigation to the page content. */
export function SkipLink() {
  const { t } = useTranslation();
  // Focus is moved by hand: a fragment navigation would go through the client router.
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    document.getElementById(MAIN_ID)?.focus();
  };
  return (
    <a className="skip-link" href={`#${MAIN_ID}`} onClick={onClick}>
      {t("shell.skipToContent")}
    </a>
  );
}
