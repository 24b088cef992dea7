import type { Hocuspocus } from "@hocuspocus/server";
import type * as Y from "yjs";

/**
 * Reads a draft's live Y.Doc: the one in memory when someone has the draft
 * open, else loaded for the read (through the same hooks as a connection)
 * and released afterwards.
 */
export async function readLive<T>(hocuspocus: Hocuspocus, draftId: string, read: (ydoc: Y.Doc) => T): Promise<T> {
  const open = hocuspocus.documents.get(draftId);
  if (open) return read(open);
  const connection = await hocuspocus.openDirectConnection(draftId, { server: true });
  try {
    return read(connection.document!);
  } finally {
    await connection.disconnect();
  }
}
