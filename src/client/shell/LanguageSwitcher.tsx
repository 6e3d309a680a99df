import { Menu } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { notifyError } from "#client/components/notify.ts";
import { currentLocale, LOCALE_NAMES } from "#client/i18n.ts";
import { useSession } from "#client/session/session-context.ts";
import { LOCALES } from "#shared/domain.ts";
import { HeaderMenu } from "./HeaderMenu.tsx";
import { Blank, CheckIcon, GlobeIcon } from "./icons.tsx";

/** Switches the interface language; each language is named in its own script and tagged with `lang`. */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const { changeLanguage } = useSession();
  const locale = currentLocale();

  const choose = (next: (typeof LOCALES)[number]) => {
    changeLanguage(next).catch((err: unknown) => {
      notifyError(err);
    });
  };

  return (
    <HeaderMenu
      icon={<GlobeIcon />}
      label={`${t("language.label")}: ${LOCALE_NAMES[locale]}`}
      shown={<span lang={locale}>{LOCALE_NAMES[locale]}</span>}
    >
      <Menu.Label>{t("language.label")}</Menu.Label>
      {LOCALES.map((l, i) => (
        <Menu.Item
          key={l}
          data-autofocus={i === 0 || undefined}
          aria-current={l === locale ? "true" : undefined}
          leftSection={l === locale ? <CheckIcon /> : <Blank />}
          lang={l}
          fw={l === locale ? 700 : undefined}
          onClick={() => choose(l)}
        >
          {LOCALE_NAMES[l]}
        </Menu.Item>
      ))}
    </HeaderMenu>
  );
}
