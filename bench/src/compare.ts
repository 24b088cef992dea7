import { compareVersions, countByStatus } from "@plenary/diff";
import { blocksOfJSON, type DocJSON, doc, jsonToYDoc, numberBlocks, TEXT_FIELD } from "@plenary/schema";
import type * as Y from "yjs";
import { connectClient } from "./client.ts";
import { within } from "./clock.ts";
import { operativeParagraph, paragraphId, unDraft } from "./corpus.ts";
import { pick, type Random, seededRandom } from "./random.ts";
import { startPlenary } from "./servers.ts";
import { type Distribution, distribution } from "./stats.ts";
import { withTempDir } from "./temp.ts";

/** Parameters of the comparison workload. */
export interface CompareOptions {
  paragraphs: number;
  /** Timed comparisons, after a few untimed ones to warm the JIT up. */
  runs: number;
  seed: number;
}

/** What comparing two versions measured. */
export interface CompareResult {
  paragraphs: number;
  runs: number;
  /** `compareVersions` of @plenary/diff on the two versions' numbered blocks (alignment, then word diff). */
  compareMs: Distribution;
  /** The same, including turning each version's JSON into numbered blocks first. */
  fromJSONMs: Distribution;
  /** Rows of the comparison by status, as a check that it compared something. */
  statuses: Record<string, number>;
  /**
   * `GET /api/drafts/:id/compare` between two published revisions holding the two
   * versions, timed from request to parsed answer over loopback (the same runs).
   */
  serverMs: Distribution;
}

/**
 * Compares two versions of a `paragraphs`-paragraph draft (see {@link versionPair}):
 * `compareVersions` of @plenary/diff in this process (what the server computes),
 * and the server's comparison endpoint between two revisions holding them.
 * Budget: < 10 ms server-side.
 */
export async function compareTwoVersions(options: CompareOptions): Promise<CompareResult> {
  const { before, after } = versionPair(options.paragraphs, options.seed);
  const blocks = (json: DocJSON) => numberBlocks(blocksOfJSON(json));
  const oldBlocks = blocks(before);
  const newBlocks = blocks(after);
  for (let i = 0; i < 5; i++) compareVersions(oldBlocks, newBlocks);
  const compareTimes: number[] = [];
  const fromJSONTimes: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    let started = performance.now();
    compareVersions(oldBlocks, newBlocks);
    compareTimes.push(performance.now() - started);
    started = performance.now();
    compareVersions(blocks(before), blocks(after));
    fromJSONTimes.push(performance.now() - started);
  }
  return {
    paragraphs: options.paragraphs,
    runs: options.runs,
    compareMs: distribution(compareTimes),
    fromJSONMs: distribution(fromJSONTimes),
    statuses: countByStatus(compareVersions(oldBlocks, newBlocks)),
    serverMs: await compareOnServer(before, after, options.runs),
  };
}

// Publishes `before` and `after` as two revisions of one draft on the real server, then times its comparison.
async function compareOnServer(before: DocJSON, after: DocJSON, runs: number): Promise<Distribution> {
  return withTempDir(async (dataDir) => {
    const server = await startPlenary(dataDir, [{ key: "compare", title: "Comparison benchmark", doc: before }]);
    try {
      const draftId = server.draftIds.compare!;
      const publish = (name: string) =>
        server.api<{ id: string }>("POST", `/api/drafts/${draftId}/revisions`, { name });
      const from = await publish("Before");
      await replaceText(server.collabUrl, draftId, server.editorToken, after);
      const to = await publish("After");
      const path = `/api/drafts/${draftId}/compare?from=${from.id}&to=${to.id}`;
      for (let i = 0; i < 3; i++) await server.api("GET", path);
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        await server.api("GET", path);
        times.push(performance.now() - started);
      }
      return distribution(times);
    } finally {
      await server.stop();
    }
  });
}

// Replaces the whole live text by `json`, as a facilitator pasting a new version over it.
async function replaceText(collabUrl: string, draftId: string, token: string | null, json: DocJSON): Promise<void> {
  const client = connectClient(collabUrl, draftId, { token });
  try {
    await client.synced;
    const fragment = client.ydoc.getXmlFragment(TEXT_FIELD);
    const copies = jsonToYDoc(json)
      .getXmlFragment(TEXT_FIELD)
      .toArray()
      .map((node) => node.clone() as Y.XmlElement);
    client.ydoc.transact(() => {
      fragment.delete(0, fragment.length);
      fragment.insert(0, copies);
    });
    await within(client.acknowledged(0), 60_000, "the server to accept the new version");
  } finally {
    client.destroy();
  }
}

/**
 * Two versions of one invented draft, as a negotiation round produces them:
 * about 5% of paragraphs reworded, 1% deleted, 1% added, two moved and one split
 * (its second half under a new id), so alignment by id and by similarity are both exercised.
 */
export function versionPair(paragraphs: number, seed: number): { before: DocJSON; after: DocJSON } {
  const random = seededRandom(seed);
  const before = unDraft(random, paragraphs);
  const blocks = before.content.map((block) => structuredClone(block));
  const numbered = () => blocks.filter((block) => block.type === "paragraph" && block.attrs?.kind !== "plain");
  for (const block of numbered()) if (random() < 0.05) reword(random, block);
  for (const block of numbered()) if (random() < 0.01) blocks.splice(blocks.indexOf(block), 1);
  for (let n = 0; n < Math.max(1, Math.round(paragraphs / 100)); n++) {
    const at = 1 + Math.floor(random() * (blocks.length - 1));
    blocks.splice(at, 0, operativeParagraph(random, paragraphId(paragraphs + 1 + n)));
  }
  for (let n = 0; n < 2; n++) {
    const [moved] = blocks.splice(1 + Math.floor(random() * (blocks.length - 1)), 1);
    if (moved) blocks.splice(1 + Math.floor(random() * (blocks.length - 1)), 0, moved);
  }
  split(pick(random, numbered()), blocks, `${paragraphId(paragraphs + 100)}-split`);
  return { before, after: doc(...blocks) };
}

type Block = DocJSON["content"][number];

const REWORDINGS: [RegExp, string][] = [
  [/all Member States/, "Member States, as appropriate,"],
  [/to strengthen/, "to further strengthen"],
  [/within existing resources/, "subject to the availability of extrabudgetary resources"],
  [/Encourages/, "Strongly encourages"],
  [/Calls upon/, "Urges"],
  [/digital public infrastructure/, "safe, secure and trustworthy digital public infrastructure"],
];

function reword(random: Random, block: Block): void {
  const texts = (block.content ?? []).filter((node) => typeof node.text === "string");
  const node = texts[texts.length - 1];
  if (!node?.text) return;
  const [pattern, replacement] = pick(random, REWORDINGS);
  node.text = pattern.test(node.text)
    ? node.text.replace(pattern, replacement)
    : `${node.text} as a matter of priority`;
}

function split(block: Block | undefined, blocks: Block[], newId: string): void {
  const last = block?.content?.at(-1);
  if (!block || !last?.text) return;
  const cut = last.text.indexOf(" ", Math.floor(last.text.length / 2));
  if (cut < 0) return;
  const tail = last.text.slice(cut + 1);
  last.text = `${last.text.slice(0, cut)};`;
  const second: Block = {
    type: "paragraph",
    attrs: { ...block.attrs, id: newId },
    content: [{ type: "text", text: tail }],
  };
  blocks.splice(blocks.indexOf(block) + 1, 0, second);
}
