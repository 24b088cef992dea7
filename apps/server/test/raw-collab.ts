import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import { collabUrl, waitFor } from "./harness.ts";

// Hocuspocus message types and the y-protocols sync steps, as the wire has them.
const SYNC = 0;
const AUTH = 2;
const CLOSE = 7;
const SYNC_STATUS = 8;
const STEP1 = 0;
const STEP2 = 1;
const UPDATE = 2;
const AUTH_TOKEN = 0;
const AUTH_DENIED = 1;
const AUTH_OK = 2;

/**
 * A client that speaks the Hocuspocus protocol on a plain WebSocket, one message at a time, as a
 * hostile participant could: nothing is resent, reconnected or dropped behind the test's back.
 * It keeps its own copy of the draft from what the server sends, and records every answer.
 */
export class RawCollab {
  readonly ydoc = new Y.Doc();
  /** Reasons of the server's "close" messages for the document. */
  readonly closes: string[] = [];
  /** Reasons the server gave for refusing authentication. */
  readonly denials: string[] = [];
  /** Scopes the server granted ("read-write" or "readonly"), one per authentication. */
  readonly grants: string[] = [];
  /** The server's acknowledgements of updates (true: applied). */
  readonly acknowledgements: boolean[] = [];
  /** Whether the socket itself is closed. */
  socketClosed = false;
  private readonly socket: WebSocket;
  private readonly draftId: string;

  private constructor(socket: WebSocket, draftId: string) {
    this.socket = socket;
    this.draftId = draftId;
    socket.binaryType = "arraybuffer";
    socket.addEventListener("message", (event) => this.receive(new Uint8Array(event.data as ArrayBuffer)));
    socket.addEventListener("close", () => {
      this.socketClosed = true;
    });
  }

  /** Opens a socket, authenticates with `token` and syncs; resolves once the server has answered. */
  static async open(baseUrl: string, draftId: string, token: string): Promise<RawCollab> {
    const socket = new WebSocket(collabUrl(baseUrl));
    await new Promise<void>((done, fail) => {
      socket.addEventListener("open", () => done(), { once: true });
      socket.addEventListener("error", () => fail(new Error("The WebSocket did not open")), { once: true });
    });
    const client = new RawCollab(socket, draftId);
    if ((await client.authenticate(token)) === "granted") await client.sync();
    return client;
  }

  /** Sends an authentication message; resolves once the server granted or refused it. */
  async authenticate(token: string): Promise<"granted" | "denied"> {
    const before = this.answers.length;
    this.send(AUTH, (encoder) => {
      encoding.writeVarUint(encoder, AUTH_TOKEN);
      encoding.writeVarString(encoder, token);
    });
    await waitFor(() => this.answers.length > before, "the server answers the authentication");
    return this.answers[before]!;
  }

  /** Asks for the draft (sync step 1) and resolves once this copy holds the server's state. */
  async sync(): Promise<void> {
    let synced = false;
    this.onStep2 = () => {
      synced = true;
    };
    this.send(SYNC, (encoder) => {
      encoding.writeVarUint(encoder, STEP1);
      encoding.writeVarUint8Array(encoder, Y.encodeStateVector(this.ydoc));
    });
    await waitFor(() => synced, "the server's sync step 2");
  }

  /** Changes this copy and sends the change as one update message; returns the update. */
  change(edit: (ydoc: Y.Doc) => void): Uint8Array {
    const before = Y.encodeStateVector(this.ydoc);
    this.ydoc.transact(() => edit(this.ydoc));
    const update = Y.encodeStateAsUpdate(this.ydoc, before);
    this.sendUpdate(update);
    return update;
  }

  /** Sends `update` as an update message. */
  sendUpdate(update: Uint8Array): void {
    this.send(SYNC, (encoder) => {
      encoding.writeVarUint(encoder, UPDATE);
      encoding.writeVarUint8Array(encoder, update);
    });
  }

  /** Closes the socket. */
  close(): void {
    this.socket.close();
  }

  private readonly answers: ("granted" | "denied")[] = [];
  private onStep2: () => void = () => {};

  private send(type: number, write: (encoder: encoding.Encoder) => void): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, this.draftId);
    encoding.writeVarUint(encoder, type);
    write(encoder);
    this.socket.send(encoding.toUint8Array(encoder));
  }

  private receive(bytes: Uint8Array): void {
    const decoder = decoding.createDecoder(bytes);
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type === AUTH) {
      const kind = decoding.readVarUint(decoder);
      if (kind === AUTH_OK) {
        this.answers.push("granted");
        this.grants.push(decoding.readVarString(decoder));
      } else if (kind === AUTH_DENIED) {
        this.answers.push("denied");
        this.denials.push(decoding.readVarString(decoder));
      }
    } else if (type === CLOSE) {
      this.closes.push(decoding.readVarString(decoder));
    } else if (type === SYNC_STATUS) {
      this.acknowledgements.push(decoding.readVarInt(decoder) === 1);
    } else if (type === SYNC) {
      const step = decoding.readVarUint(decoder);
      if (step === STEP2 || step === UPDATE) {
        Y.applyUpdate(this.ydoc, decoding.readVarUint8Array(decoder), "server");
        if (step === STEP2) this.onStep2();
      }
    }
  }
}
