import { validateWithoutEval } from "@plenary/protocol";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App.tsx";
import { setUpI18n } from "./i18n/i18n.ts";
import { useSessionStore } from "./session/sessionStore.ts";
import "./styles/base.css";
import "./styles/layout.css";
import "./styles/prosemirror.css";
import "./styles/editor.css";
import "./styles/pages.css";

// The page's CSP forbids eval: the request schemas must not even try it.
validateWithoutEval();

// Who is signed in decides what the editor may do; ask once before the first render,
// while this language's strings arrive.
await Promise.all([setUpI18n(), useSessionStore.getState().load()]);

const root = document.getElementById("root");
if (!root) throw new Error("The page has no #root element");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
