import { browserUnavailable, DRAFT_TEXT, launchChromium, openDraftPage } from "./browser.ts";
import { sleep, within } from "./clock.ts";
import { typingSource, unDraft } from "./corpus.ts";
import type { NotMeasured } from "./not-measured.ts";
import { seededRandom } from "./random.ts";
import { startPlenary } from "./servers.ts";
import { type Distribution, distribution } from "./stats.ts";
import { seedSuggestions } from "./suggesting.ts";
import { withTempDir } from "./temp.ts";

/** Parameters of the browser-typing workload. */
export interface BrowserTypingOptions {
  paragraphs: number;
  /** Pending suggestions made on the draft before typing starts. */
  suggestions: number;
  keystrokes: number;
  /** Pause between keystrokes, as a fast typist's. */
  keyDelayMs: number;
  seed: number;
}

/** What typing in the real web app measured. */
export interface BrowserTypingResult {
  paragraphs: number;
  /** Pending suggestions in the draft. */
  suggestions: number;
  keystrokes: number;
  /** From each keydown (its event time) to the next animation frame in the page: input to next paint. */
  keystrokeToFrameMs: Distribution;
  /** From navigation until the draft's text was in the page. */
  openMs: number;
}

/**
 * Opens a `paragraphs`-paragraph draft in the built web app (served by the real
 * server) in headless Chromium, types `keystrokes` characters at the end of a
 * paragraph in the middle of the text, and times each keystroke in the page.
 */
export async function browserTyping(options: BrowserTypingOptions): Promise<BrowserTypingResult | NotMeasured> {
  const unavailable = browserUnavailable();
  if (unavailable) return unavailable;
  const random = seededRandom(options.seed);
  const json = unDraft(random, options.paragraphs);
  const nextChar = typingSource(random);
  const typed = Array.from({ length: options.keystrokes }, nextChar).join("");
  return withTempDir(async (dataDir) => {
    const draft = { key: "typing", title: "Browser typing benchmark", doc: json };
    const server = await startPlenary(dataDir, [draft]);
    const browser = await launchChromium();
    try {
      await seedSuggestions(server, draft, options.suggestions, options.seed);
      const draftId = server.draftIds.typing!;
      const { page, ms: openMs } = await openDraftPage(browser, server.url, draftId, json.content.length, {
        account: server.facilitator,
      });
      await page.waitForSelector(`${DRAFT_TEXT}[contenteditable="true"]`, { timeout: 60_000 });
      const blocks = page.locator(`${DRAFT_TEXT} > *`);
      const target = blocks.nth(Math.floor((await blocks.count()) / 2));
      await target.scrollIntoViewIfNeeded();
      const box = await target.boundingBox();
      if (!box) throw new Error("The paragraph to type into is not visible");
      await target.click({ position: { x: box.width - 2, y: box.height - 8 } });
      await page.evaluate(() => {
        const samples: number[] = [];
        (window as unknown as { benchSamples: number[] }).benchSamples = samples;
        // The frame callback runs after the keystroke has been handled, just before the page is painted.
        const record = (event: KeyboardEvent) =>
          requestAnimationFrame(() => samples.push(performance.now() - event.timeStamp));
        document.addEventListener("keydown", record, { capture: true });
      });
      await within(page.keyboard.type(typed, { delay: options.keyDelayMs }), 300_000, "typing in the browser");
      await sleep(200);
      const samples = await page.evaluate(() => (window as unknown as { benchSamples: number[] }).benchSamples);
      const text = (await target.textContent()) ?? "";
      if (!text.includes(typed.trim())) throw new Error("The typed text did not appear in the paragraph");
      return {
        paragraphs: options.paragraphs,
        suggestions: options.suggestions,
        keystrokes: samples.length,
        keystrokeToFrameMs: distribution(samples),
        openMs,
      };
    } finally {
      await browser.close();
      await server.stop();
    }
  });
}
