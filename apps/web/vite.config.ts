import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The server that `pnpm dev` forwards the API and the collaboration socket to.
const SERVER = "http://127.0.0.1:4400";

export default defineConfig({
  plugins: [react()],
  resolve: {
    // Two copies of these break Yjs's and ProseMirror's instanceof checks silently.
    dedupe: ["yjs", "y-protocols", "@tiptap/core", "@tiptap/pm", "react", "react-dom"],
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    // The editor chunk (Tiptap, ProseMirror, Yjs) is large by nature and loaded only on a draft's page.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      treeshake: {
        // The shared packages are pure by design (docs: DESIGN.md); saying so lets the
        // bundle drop what the web app does not use, e.g. the server's zod request schemas.
        moduleSideEffects: [{ test: /\/packages\/(protocol|schema)\/src\//, sideEffects: false }],
      },
    },
  },
  server: {
    proxy: {
      "/api": SERVER,
      "/healthz": SERVER,
      "/collab": { target: SERVER, ws: true },
    },
  },
});
