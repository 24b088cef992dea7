import { DOMParser, type Element, type Node } from "@xmldom/xmldom";
import { DocxError } from "./errors.ts";

/** The WordprocessingML namespace. */
export const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

const ELEMENT_NODE = 1;

/**
 * Parses one XML part of the package. Word never writes a DOCTYPE; refusing
 * one rules out entity expansion attacks before the parser sees them.
 */
export function parseXml(text: string, part: string): Element {
  if (/<!DOCTYPE/i.test(text))
    throw new DocxError("malformed", `The part ${part} declares a DOCTYPE, which Word never writes.`);
  const fail = (message: string): never => {
    throw new DocxError("malformed", `The part ${part} is not well-formed XML (${message.split("\n")[0]}).`);
  };
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") fail(message);
    },
  });
  try {
    const root = parser.parseFromString(text, "application/xml").documentElement;
    return root ?? fail("no root element");
  } catch (error) {
    if (error instanceof DocxError) throw error;
    return fail((error as Error).message);
  }
}

/** The element children of a node. */
export function elements(node: Node): Element[] {
  const found: Element[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === ELEMENT_NODE) found.push(child as Element);
  }
  return found;
}

/** Whether `node` is the WordprocessingML element `name`. */
export function isW(node: Element, name: string): boolean {
  return node.namespaceURI === W && node.localName === name;
}

/** The first WordprocessingML child called `name`. */
export function child(node: Node, name: string): Element | undefined {
  return elements(node).find((element) => isW(element, name));
}

/** The element reached by following WordprocessingML children by name: `path(root, "docDefaults", "rPrDefault")`. */
export function path(node: Node | undefined, ...names: string[]): Element | undefined {
  let found = node as Element | undefined;
  for (const name of names) found = found && child(found, name);
  return found;
}

/** All WordprocessingML children called `name`. */
export function children(node: Node, name: string): Element[] {
  return elements(node).filter((element) => isW(element, name));
}

/** All WordprocessingML descendants called `name`, in document order. */
export function descendants(node: Element, name: string): Element[] {
  return [...node.getElementsByTagNameNS(W, name)] as Element[];
}

/** A `w:` attribute of an element (`w:val` by default), or undefined. */
export function attr(element: Element | undefined, name = "val"): string | undefined {
  if (!element) return undefined;
  return element.hasAttributeNS(W, name) ? (element.getAttributeNS(W, name) ?? undefined) : undefined;
}

/**
 * The value of an on/off property (`<w:b/>`, `<w:b w:val="0"/>`): true, false,
 * or undefined when the element is absent.
 */
export function onOff(element: Element | undefined): boolean | undefined {
  if (!element) return undefined;
  const value = attr(element);
  return value === undefined || !["0", "false", "off"].includes(value);
}
