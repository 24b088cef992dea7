import { connect, type Socket } from "node:net";

/** An HTTP answer as read off the socket. */
export interface RawAnswer {
  status: number;
  headers: Map<string, string>;
  body: string;
}

/**
 * A plain TCP client for requests no well-behaved HTTP client would send: malformed targets and
 * headers, bodies that lie about their length. Reads answers one by one as the server writes them.
 */
export class RawHttp {
  readonly socket: Socket;
  private buffer = Buffer.alloc(0);
  private waiting: (() => void) | undefined;
  /** Set when the connection ended; "reset" when the server cut it. */
  ended: "closed" | "reset" | undefined;

  private constructor(socket: Socket) {
    this.socket = socket;
    socket.on("data", (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.waiting?.();
    });
    socket.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "ECONNRESET" || error.code === "EPIPE") this.ended = "reset";
      this.waiting?.();
    });
    socket.on("close", () => {
      this.ended ??= "closed";
      this.waiting?.();
    });
  }

  static open(port: number): Promise<RawHttp> {
    return new Promise((done, fail) => {
      const socket = connect(port, "127.0.0.1", () => done(new RawHttp(socket)));
      socket.once("error", fail);
    });
  }

  /** Writes bytes as they are; resolves when the kernel took them (or the socket failed). */
  write(data: string | Uint8Array): Promise<void> {
    return new Promise((done) => {
      if (this.socket.destroyed) return done();
      this.socket.write(data, () => done());
    });
  }

  /** The next complete answer (by Content-Length), or undefined if the connection ends first. */
  async answer(): Promise<RawAnswer | undefined> {
    for (;;) {
      const parsed = this.parse();
      if (parsed) return parsed;
      if (this.ended) return undefined;
      await new Promise<void>((done) => {
        this.waiting = done;
      });
      this.waiting = undefined;
    }
  }

  close(): void {
    this.socket.destroy();
  }

  private parse(): RawAnswer | undefined {
    const end = this.buffer.indexOf("\r\n\r\n");
    if (end < 0) return undefined;
    const [statusLine = "", ...lines] = this.buffer.subarray(0, end).toString("latin1").split("\r\n");
    const headers = new Map<string, string>();
    for (const line of lines) {
      const colon = line.indexOf(":");
      headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const status = Number(statusLine.split(" ")[1]);
    // An interim answer (100 Continue) has no body.
    const length = status >= 100 && status < 200 ? 0 : Number(headers.get("content-length") ?? 0);
    if (this.buffer.length < end + 4 + length) return undefined;
    const body = this.buffer.subarray(end + 4, end + 4 + length).toString("utf8");
    this.buffer = this.buffer.subarray(end + 4 + length);
    return { status, headers, body };
  }
}

/** Sends one request (with "Connection: close" unless it has its own) and reads its answer. */
export async function rawRequest(port: number, request: string): Promise<RawAnswer | undefined> {
  const client = await RawHttp.open(port);
  try {
    await client.write(request);
    return await client.answer();
  } finally {
    client.close();
  }
}
