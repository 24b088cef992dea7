import { doc, op, withId } from "@plenary/schema";
import { blockText, connectClient, editWithWindow } from "./client.ts";
import { within } from "./clock.ts";
import { startPlenary } from "./servers.ts";
import { withTempDir } from "./temp.ts";

/** Parameters of the durability-cost workload. */
export interface DurabilityOptions {
  /** Small updates (one character each) sent by one client. */
  updates: number;
  /** Updates sent ahead of the server's acknowledgements. */
  window: number;
}

/** Throughput of one client's updates with and without the synchronous update log. */
export interface DurabilityResult {
  logUpdates: boolean;
  updates: number;
  seconds: number;
  updatesPerSecond: number;
}

/**
 * One client sends `updates` one-character updates as fast as the server
 * acknowledges them (at most `window` outstanding), against Plenary with its
 * update log on (every acknowledged update is on disk) or off (the debounced
 * store only, as plain Hocuspocus persistence): the price of durability.
 */
export async function durability(logUpdates: boolean, options: DurabilityOptions): Promise<DurabilityResult> {
  const blockId = "bench-durable";
  const draft = { key: "durability", title: "Durability benchmark", doc: doc(withId(op("Decides that"), blockId)) };
  return withTempDir(async (dataDir) => {
    const server = await startPlenary(dataDir, [draft], { logUpdates });
    const client = connectClient(server.collabUrl, server.draftIds[draft.key]!, { token: server.editorToken });
    try {
      await client.synced;
      const text = blockText(client.ydoc, blockId);
      const started = performance.now();
      const sending = editWithWindow(client, options.updates, () => text.insert(text.length, "a"), options.window);
      await within(sending, 300_000, "the server to acknowledge every update");
      const seconds = (performance.now() - started) / 1000;
      return { logUpdates, updates: options.updates, seconds, updatesPerSecond: options.updates / seconds };
    } finally {
      client.destroy();
      await server.stop();
    }
  });
}
