import type { IncomingMessage, ServerResponse } from "node:http";
import type { HttpError } from "./respond.ts";

// Requests sent with "Expect: 100-continue": their client waits for a go-ahead before the body.
const awaitingContinue = new WeakMap<IncomingMessage, ServerResponse>();

/**
 * Marks a request whose client waits for "100 Continue" (the server's `checkContinue` event):
 * {@link readBodyBytes} gives the go-ahead only for a body it will take, so that the client of
 * an oversized one gets the refusal without sending it.
 */
export function awaitContinue(req: IncomingMessage, res: ServerResponse): void {
  awaitingContinue.set(req, res);
}

// Past this much refused body, the connection is dropped instead of read to its end: the client
// is sending far more than any endpoint takes, and reading it all only wastes the link.
const MAX_DISCARDED_BYTES = 64 * 1024 * 1024;

/**
 * Reads a request body of at most `limit` bytes. A body that is larger (by its declared length,
 * or once it grows past the limit) is refused with `tooLarge()`, and the rest of it is read and
 * discarded rather than the connection being cut: a client that is still sending then reads the
 * refusal (413) instead of a connection reset. A client sending more than 64 MiB past the limit
 * is cut off.
 */
export function readBodyBytes(req: IncomingMessage, limit: number, tooLarge: () => HttpError): Promise<Buffer> {
  const declared = Number(req.headers["content-length"]);
  const waiting = awaitingContinue.get(req);
  awaitingContinue.delete(req);
  if (Number.isFinite(declared) && declared > limit) {
    discardRest(req);
    return Promise.reject(tooLarge());
  }
  waiting?.writeContinue();
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      stop();
      discardRest(req);
      fail(tooLarge());
    };
    const onEnd = () => {
      stop();
      done(Buffer.concat(chunks));
    };
    const onError = (error: Error) => {
      stop();
      fail(error);
    };
    const stop = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  });
}

function discardRest(req: IncomingMessage): void {
  let discarded = 0;
  req.on("data", (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > MAX_DISCARDED_BYTES) req.socket.destroy();
  });
  req.resume();
}
