import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import "./styles.css";
import { DirectionProvider, MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { RouterProvider } from "react-router/dom";
import { i18n } from "./i18n.ts";
import { router } from "./router.tsx";
import { SessionProvider } from "./session/SessionProvider.tsx";
import { cssVariablesResolver, theme } from "./theme.ts";

const root = document.getElementById("root");
if (!root) throw new Error("#root missing in index.html");

// i18n has already set <html dir>; DirectionProvider follows later changes of that attribute.
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <DirectionProvider initialDirection={document.documentElement.dir === "rtl" ? "rtl" : "ltr"}>
        <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
          <Notifications position="top-center" />
          <SessionProvider>
            <RouterProvider router={router} />
          </SessionProvider>
        </MantineProvider>
      </DirectionProvider>
    </I18nextProvider>
  </StrictMode>,
);
