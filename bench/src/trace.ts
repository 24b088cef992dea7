import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import type { SuggestionRef } from "@plenary/schema";
import type * as Y from "yjs";
import { blockText, emptyParagraphDoc } from "./client.ts";
import { insertSuggested } from "./suggesting.ts";

/** One edit of a trace: at `position`, delete `deleted` characters, then insert `inserted`. */
export type Patch = [position: number, deleted: number, inserted: string];

/** A sequential editing trace (josephg/editing-traces format): transactions of patches, applied in order. */
export interface EditingTrace {
  name: string;
  /** Each transaction's patches, in the order they apply. */
  txns: Patch[][];
  /** Number of patches (the "operations" of the results). */
  patches: number;
  /** The text after every transaction of the whole trace. */
  endContent: string;
  /** Whether `txns` is the whole trace (so the result must equal `endContent`). */
  complete: boolean;
}

/** Where the shared traces live unless PLENARY_TRACES_DIR says otherwise. */
export const DEFAULT_TRACES_DIR = process.env.PLENARY_TRACES_DIR ?? "/work/shared/data/traces";

/**
 * Reads `DIR/NAME.json.gz`, keeping the first `maxPatches` patches (whole
 * transactions) when given. Only sequential traces can be replayed by one client.
 */
export function loadTrace(dir: string, name: string, maxPatches = Number.POSITIVE_INFINITY): EditingTrace {
  const raw = JSON.parse(gunzipSync(readFileSync(join(dir, `${name}.json.gz`))).toString("utf8")) as {
    kind?: string;
    endContent: string;
    txns: { patches: Patch[] }[];
  };
  if (raw.kind === "concurrent") throw new RangeError(`Trace ${name} is concurrent; only sequential traces replay`);
  const txns = raw.txns.map((txn) => txn.patches);
  const whole = { name, txns, patches: txns.reduce((sum, txn) => sum + txn.length, 0), endContent: raw.endContent };
  return firstPatches({ ...whole, complete: true }, maxPatches);
}

/** The first `maxPatches` patches of a trace (whole transactions). */
export function firstPatches(trace: EditingTrace, maxPatches: number): EditingTrace {
  if (maxPatches >= trace.patches) return trace;
  const txns: Patch[][] = [];
  let patches = 0;
  for (const txn of trace.txns) {
    if (patches + txn.length > maxPatches) break;
    txns.push(txn);
    patches += txn.length;
  }
  return { ...trace, txns, patches, complete: false };
}

/**
 * Applies one trace transaction to `text`, as one Yjs transaction (as an editor
 * applies one keystroke). With `suggestion`, insertions are that suggestion's
 * (deletions then remove the suggester's own text, as suggestion mode does).
 */
export function applyTxn(text: Y.XmlText, txn: Patch[], suggestion?: SuggestionRef): void {
  const doc = text.doc;
  if (!doc) throw new RangeError("The text is not in a document");
  doc.transact(() => {
    for (const [position, deleted, inserted] of txn) {
      if (deleted > 0) text.delete(position, deleted);
      if (inserted.length === 0) continue;
      if (suggestion) insertSuggested(text, position, inserted, suggestion);
      else text.insert(position, inserted);
    }
  });
}

/** Block id of the paragraph traces are typed into. */
export const TRACE_BLOCK_ID = "bench-trace";

/** The floor: the trace applied to a local Y.Doc, no network. Returns the time taken and the final document. */
export function replayLocally(trace: EditingTrace): { seconds: number; doc: Y.Doc } {
  const doc = emptyParagraphDoc(TRACE_BLOCK_ID);
  const text = blockText(doc, TRACE_BLOCK_ID);
  const started = performance.now();
  for (const txn of trace.txns) applyTxn(text, txn);
  return { seconds: (performance.now() - started) / 1000, doc };
}
