import type { JSONContent } from "@tiptap/core";
import { Node as PMNode } from "@tiptap/pm/model";
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { plenarySchema } from "./extensions.ts";
import type { DocJSON } from "./types.ts";

/** Name of the Y.XmlFragment that holds a draft's live text (Tiptap's default field). */
export const TEXT_FIELD = "default";

/** Thrown when JSON does not fit the Plenary schema. */
export class InvalidDocumentError extends Error {
  override name = "InvalidDocumentError";
}

/** Parses and checks a JSON document against the Plenary schema; throws {@link InvalidDocumentError}. */
export function parseDocJSON(json: unknown): PMNode {
  try {
    const node = PMNode.fromJSON(plenarySchema(), json as JSONContent);
    node.check();
    return node;
  } catch (error) {
    throw new InvalidDocumentError(`Not a valid Plenary document: ${(error as Error).message}`);
  }
}

/** Writes a JSON document into the text fragment of `ydoc` (which must be empty), as one transaction. */
export function writeJSONToYDoc(json: unknown, ydoc: Y.Doc, origin: unknown = null): void {
  const node = parseDocJSON(json);
  const fragment = ydoc.getXmlFragment(TEXT_FIELD);
  if (fragment.length > 0) throw new RangeError("The Y.Doc already holds a text");
  ydoc.transact(() => prosemirrorJSONToYXmlFragment(plenarySchema(), node.toJSON(), fragment), origin);
}

/** A new Y.Doc holding the given JSON document. */
export function jsonToYDoc(json: unknown): Y.Doc {
  const ydoc = new Y.Doc();
  writeJSONToYDoc(json, ydoc);
  return ydoc;
}

/** The ProseMirror document held by `ydoc`. */
export function yDocToNode(ydoc: Y.Doc): PMNode {
  return yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(TEXT_FIELD), plenarySchema());
}

/** The JSON document held by `ydoc`. */
export function yDocToJSON(ydoc: Y.Doc): DocJSON {
  return yDocToNode(ydoc).toJSON() as DocJSON;
}

/** Thrown when a Y.XmlElement does not make a valid node of the schema. */
export class InvalidBlockError extends InvalidDocumentError {
  override name = "InvalidBlockError";
}

/**
 * The ProseMirror node of one top-level Y.XmlElement (a section or paragraph),
 * read the way the Tiptap binding writes it: attributes as node attributes,
 * text formatting attributes as marks. Throws {@link InvalidBlockError} for
 * anything the schema does not allow, instead of dropping it as the editor
 * binding does.
 */
export function yElementToNode(element: Y.XmlElement, schema = plenarySchema()): PMNode {
  try {
    const children: PMNode[] = [];
    for (const child of element.toArray()) {
      if (!(child instanceof Y.XmlText)) throw new Error(`unexpected child <${(child as Y.XmlElement).nodeName}>`);
      for (const delta of child.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
        if (typeof delta.insert !== "string") throw new Error("unexpected embed in text");
        const marks = Object.entries(delta.attributes ?? {}).map(([name, attrs]) =>
          schema.mark(name.replace(/--[a-zA-Z0-9+/=]{8}$/, ""), attrs as Record<string, unknown>),
        );
        children.push(schema.text(delta.insert, marks));
      }
    }
    const node = schema.node(element.nodeName, element.getAttributes(), children);
    node.check();
    return node;
  } catch (error) {
    throw new InvalidBlockError(`Not a valid block: ${(error as Error).message}`);
  }
}
