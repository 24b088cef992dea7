import { HocuspocusProvider } from "@hocuspocus/provider";
import { TEXT_FIELD } from "@plenary/schema";
import * as Y from "yjs";
import { within } from "./clock.ts";

/** A real Yjs client connected through @hocuspocus/provider, as the web app connects. */
export interface BenchClient {
  ydoc: Y.Doc;
  provider: HocuspocusProvider;
  /** Resolves once the first sync with the server is complete. */
  synced: Promise<void>;
  /** Bytes of WebSocket messages received so far. */
  bytesReceived(): number;
  /** Resolves once at most `outstanding` local changes await the server's acknowledgement. */
  acknowledged(outstanding?: number): Promise<void>;
  destroy(): void;
}

/** Options for {@link connectClient}. */
export interface ClientOptions {
  /** Presence shown to others (Yjs awareness "user" field); default a generic name. */
  user?: { name: string; color: string };
  /** Session token for the server (a facilitator's collab token to edit); none connects as the public. */
  token?: string | null;
  /** Reject `synced` after this many milliseconds; default 30 s. */
  syncTimeoutMs?: number;
}

/** Connects a provider to document `draftId` at the Yjs WebSocket endpoint `collabUrl`. */
export function connectClient(collabUrl: string, draftId: string, options: ClientOptions = {}): BenchClient {
  const ydoc = new Y.Doc();
  let bytes = 0;
  let resolveSynced: () => void = () => {};
  const synced = new Promise<void>((done) => {
    resolveSynced = done;
  });
  const provider = new HocuspocusProvider({
    url: collabUrl,
    name: draftId,
    document: ydoc,
    token: options.token ?? null,
    onSynced: () => resolveSynced(),
  });
  // Not the `onMessage` option: the provider hands that one to its socket too, which calls it with a bare event.
  provider.on("message", ({ event }: { event: MessageEvent<ArrayBuffer> }) => {
    bytes += event.data.byteLength;
  });
  provider.setAwarenessField("user", options.user ?? { name: "Bench participant", color: "#1f6feb" });
  return {
    ydoc,
    provider,
    synced: within(synced, options.syncTimeoutMs ?? 30_000, `a client to sync with ${collabUrl} (${draftId})`),
    bytesReceived: () => bytes,
    acknowledged: (outstanding = 0) => acknowledged(provider, outstanding),
    destroy: () => {
      provider.destroy();
      ydoc.destroy();
    },
  };
}

/**
 * Makes `count` edits with `edit(i)`, each its own Yjs transaction and so its own
 * update, keeping at most `window` of them unacknowledged; resolves once the
 * server has acknowledged all of them.
 */
export async function editWithWindow(
  client: BenchClient,
  count: number,
  edit: (i: number) => void,
  window: number,
): Promise<void> {
  for (let i = 0; i < count; i++) {
    edit(i);
    if (client.provider.unsyncedChanges > window) await client.acknowledged(Math.floor(window / 2));
  }
  await client.acknowledged(0);
}

function acknowledged(provider: HocuspocusProvider, outstanding: number): Promise<void> {
  if (provider.unsyncedChanges <= outstanding) return Promise.resolve();
  return new Promise((done) => {
    const check = () => {
      if (provider.unsyncedChanges > outstanding) return;
      provider.off("unsyncedChanges", check);
      done();
    };
    provider.on("unsyncedChanges", check);
  });
}

/** The top-level Y.XmlElement of the block with the given id. */
export function blockElement(ydoc: Y.Doc, blockId: string): Y.XmlElement {
  for (const child of ydoc.getXmlFragment(TEXT_FIELD).toArray()) {
    if (child instanceof Y.XmlElement && child.getAttribute("id") === blockId) return child;
  }
  throw new RangeError(`No block with id ${blockId}`);
}

/** The Y.XmlText of the block with the given id (the paragraph's inline content). */
export function blockText(ydoc: Y.Doc, blockId: string): Y.XmlText {
  const text = blockElement(ydoc, blockId)
    .toArray()
    .find((node) => node instanceof Y.XmlText);
  if (text instanceof Y.XmlText) return text;
  throw new RangeError(`Block ${blockId} has no text`);
}

/** The block's Y.XmlText, created (as an editor does on the first keystroke into an empty paragraph) if missing. */
export function ensureBlockText(ydoc: Y.Doc, blockId: string): Y.XmlText {
  const element = blockElement(ydoc, blockId);
  const existing = element.toArray().find((node) => node instanceof Y.XmlText);
  if (existing instanceof Y.XmlText) return existing;
  const text = new Y.XmlText();
  element.insert(0, [text]);
  return text;
}

/** A one-paragraph draft whose paragraph holds an empty text, ready for a trace to be typed into. */
export function emptyParagraphDoc(blockId: string): Y.Doc {
  const ydoc = new Y.Doc();
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.setAttribute("id", blockId);
  paragraph.setAttribute("kind", "op");
  paragraph.insert(0, [new Y.XmlText("")]);
  ydoc.getXmlFragment(TEXT_FIELD).insert(0, [paragraph]);
  return ydoc;
}
