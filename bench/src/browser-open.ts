import { browserUnavailable, launchChromium, openDraftPage } from "./browser.ts";
import { unDraft } from "./corpus.ts";
import { type NotMeasured, notMeasured } from "./not-measured.ts";
import { seededRandom } from "./random.ts";
import { startPlenary } from "./servers.ts";
import { type Distribution, distribution } from "./stats.ts";
import { seedSuggestions } from "./suggesting.ts";
import { withTempDir } from "./temp.ts";

/** Parameters of the first-render workload. */
export interface BrowserOpenOptions {
  paragraphs: number;
  /** Pending suggestions made on the draft before it is opened. */
  suggestions: number;
  /** Fresh browser contexts opened one after another. */
  opens: number;
  seed: number;
}

/** What opening a draft in the web app measured. */
export interface BrowserOpenResult {
  paragraphs: number;
  /** Pending suggestions in the draft. */
  suggestions: number;
  /** From navigation (empty cache) until every block of the text is in the page. */
  firstRenderMs: Distribution;
}

/**
 * A new viewer opens a `paragraphs`-paragraph draft in the built web app, in a
 * fresh browser context each time: time from navigation until the whole text is
 * rendered. The browser itself is started once, before the first open.
 */
export async function browserOpen(options: BrowserOpenOptions): Promise<BrowserOpenResult | NotMeasured> {
  if (options.opens < 1) return notMeasured("no opens requested (--browser-opens 0)");
  const unavailable = browserUnavailable();
  if (unavailable) return unavailable;
  const json = unDraft(seededRandom(options.seed), options.paragraphs);
  return withTempDir(async (dataDir) => {
    const draft = { key: "open", title: "First render benchmark", doc: json };
    const server = await startPlenary(dataDir, [draft]);
    const browser = await launchChromium();
    try {
      await seedSuggestions(server, draft, options.suggestions, options.seed);
      const times: number[] = [];
      for (let i = 0; i < options.opens; i++) {
        const opened = await openDraftPage(browser, server.url, server.draftIds.open!, json.content.length);
        times.push(opened.ms);
        await opened.close();
      }
      return { paragraphs: options.paragraphs, suggestions: options.suggestions, firstRenderMs: distribution(times) };
    } finally {
      await browser.close();
      await server.stop();
    }
  });
}
