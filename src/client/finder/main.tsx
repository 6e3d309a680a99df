import "./finder.css";
import "./finder-results.css";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { applyLocale, initialLocale, loadTranslator } from "./i18n.ts";

const root = document.getElementById("finder");
if (!root) throw new Error("#finder missing in finder.html");

const lang = initialLocale();
applyLocale(lang);
// The first catalogue is loaded before the first render, so no German flashes before Arabic.
const t = await loadTranslator(lang);
createRoot(root).render(<App initialLang={lang} initialT={t} />);
