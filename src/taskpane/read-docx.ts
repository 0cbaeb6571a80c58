/**
 * The task pane's .docx reader: the shared docx-reader.ts with fflate's ESM unzip (only what unzipping needs is
 * bundled) and the browser's own XML parser, so the pane ships no XML parser of its own. A malformed document.xml
 * is refused, as the CLI's strict parser refuses it.
 */
import { unzipSync } from "fflate";
import type { DocumentContent } from "../core/document/pages";
import { readDocxWith, type DocxIo, type XmlWalk } from "../cli/docx/docx-reader";

const ELEMENT = 1;
const TEXT = 3;

/**
 * A whole-document walk over DOMParser's tree, giving the events a non-namespace SAX parser gives: elements by
 * qualified name, text nodes (CDATA sections and comments left out). Iterative, so deep nesting cannot overflow the stack.
 */
export const domWalk: XmlWalk = (xml, events) => {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  // Browsers report a well-formedness error as a <parsererror> element instead of throwing.
  const error = doc.getElementsByTagName("parsererror")[0];
  if (error) throw new Error((error.textContent ?? "").replace(/\s+/g, " ").trim() || "XML");
  let node: Node | null = doc.documentElement;
  while (node) {
    if (node.nodeType === ELEMENT) {
      const el = node as Element;
      events.open(el.tagName, (name) => el.getAttribute(name) ?? undefined);
      if (el.firstChild) {
        node = el.firstChild;
        continue;
      }
      events.close(el.tagName);
    } else if (node.nodeType === TEXT) events.text((node as Text).data);
    // next: the sibling, else close the ancestors that have no further sibling
    while (node && !node.nextSibling) {
      node = node.parentNode;
      if (!node || node === doc) return;
      events.close((node as Element).tagName);
    }
    node = node?.nextSibling ?? null;
  }
};

const io: DocxIo = { unzip: unzipSync, walkXml: domWalk };

/** Read a .docx picked in the task pane (same results as the CLI's reader). */
export function readDocx(bytes: Uint8Array, name?: string): DocumentContent {
  return readDocxWith(io, bytes, name);
}
