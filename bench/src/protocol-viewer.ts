import { writeAuthentication } from "@hocuspocus/common";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { Awareness, encodeAwarenessUpdate } from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { within } from "./clock.ts";

// Hocuspocus message types (as in @hocuspocus/provider's MessageType).
const SYNC = 0;
const AWARENESS = 1;
const AUTH = 2;
const CLOSE = 7;
const PING = 9;
const PONG = 10;
const PERMISSION_DENIED = 1;

/** Options for {@link connectProtocolViewer}. */
export interface ProtocolViewerOptions {
  /** Presence shown to others, as a provider would publish it. */
  user: { name: string; color: string };
  /**
   * Called for each Yjs update the server relays (Hocuspocus may merge several into
   * one message), with each client id it holds items of and the clock just past them.
   */
  onUpdate(client: number, clockAfter: number): void;
  /** Reject `synced` after this many milliseconds; default 30 s. */
  syncTimeoutMs?: number;
}

/** A viewer speaking the Hocuspocus protocol itself. */
export interface ProtocolViewer {
  /** Resolves once the server has sent the draft (sync step 2). */
  synced: Promise<void>;
  destroy(): void;
}

/**
 * A viewer that, to the server, is indistinguishable from a provider that only
 * reads: it authenticates, syncs, publishes and renews its presence and answers
 * pings over its own WebSocket. It keeps no Y.Doc, so that hundreds of them can
 * share a thread of a small machine: it times the arrival of each update instead of applying it.
 */
export function connectProtocolViewer(
  collabUrl: string,
  draftId: string,
  options: ProtocolViewerOptions,
): ProtocolViewer {
  // An empty document only gives the viewer a client id for its presence and its empty side of the sync.
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  const socket = new WebSocket(collabUrl);
  socket.binaryType = "arraybuffer";
  let resolveSynced: () => void = () => {};
  let rejectSynced: (error: Error) => void = () => {};
  const synced = new Promise<void>((done, fail) => {
    resolveSynced = done;
    rejectSynced = fail;
  });

  const send = (write: (encoder: encoding.Encoder) => void) => {
    if (socket.readyState !== WebSocket.OPEN) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, draftId);
    write(encoder);
    socket.send(encoding.toUint8Array(encoder));
  };
  const sendPresence = (clients: number[]) =>
    send((encoder) => {
      encoding.writeVarUint(encoder, AWARENESS);
      encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, clients));
    });
  awareness.on("update", ({ added, updated }: { added: number[]; updated: number[] }, origin: unknown) => {
    if (origin === "local") sendPresence([...added, ...updated]);
  });

  socket.addEventListener("open", () => {
    send((encoder) => {
      encoding.writeVarUint(encoder, AUTH);
      writeAuthentication(encoder, "");
      encoding.writeVarString(encoder, "plenary-bench");
    });
    send((encoder) => {
      encoding.writeVarUint(encoder, SYNC);
      syncProtocol.writeSyncStep1(encoder, doc);
    });
    awareness.setLocalStateField("user", options.user);
  });
  socket.addEventListener("close", (event) =>
    rejectSynced(new Error(`Viewer connection closed: ${event.code} ${event.reason}`)),
  );
  socket.addEventListener("message", (event: MessageEvent<ArrayBuffer>) => {
    const data = new Uint8Array(event.data);
    if (data.length === 1 && data[0] === PING) {
      socket.send(Uint8Array.of(PONG));
      return;
    }
    const decoder = decoding.createDecoder(data);
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type === SYNC) receiveSync(decoder);
    else if (type === AUTH && decoding.readVarUint(decoder) === PERMISSION_DENIED) {
      rejectSynced(new Error(`Viewer refused: ${decoding.readVarString(decoder)}`));
    } else if (type === CLOSE) rejectSynced(new Error(`Viewer closed: ${decoding.readVarString(decoder)}`));
  });

  function receiveSync(decoder: decoding.Decoder): void {
    const step = decoding.readVarUint(decoder);
    if (step === syncProtocol.messageYjsSyncStep1) {
      const stateVector = decoding.readVarUint8Array(decoder);
      send((encoder) => {
        encoding.writeVarUint(encoder, SYNC);
        syncProtocol.writeSyncStep2(encoder, doc, stateVector);
      });
    } else if (step === syncProtocol.messageYjsSyncStep2) {
      resolveSynced();
    } else if (step === syncProtocol.messageYjsUpdate) {
      // Reads the items' ids without applying them: far cheaper than a Y.Doc, which is the point.
      const { to } = Y.parseUpdateMeta(decoding.readVarUint8Array(decoder));
      for (const [client, clockAfter] of to) options.onUpdate(client, clockAfter);
    }
  }

  return {
    synced: within(synced, options.syncTimeoutMs ?? 30_000, `a viewer to sync with ${collabUrl} (${draftId})`),
    destroy: () => {
      awareness.destroy();
      socket.close();
      doc.destroy();
    },
  };
}
