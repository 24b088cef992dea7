import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App.tsx";
import { setUpI18n } from "./i18n/i18n.ts";
import "./styles/base.css";
import "./styles/layout.css";
import "./styles/editor.css";

setUpI18n();

const root = document.getElementById("root");
if (!root) throw new Error("The page has no #root element");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
