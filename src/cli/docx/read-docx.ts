/**
 * The CLI's .docx reader: docx-reader.ts with fflate (loaded on first use) and saxes, a strict XML parser, so a
 * malformed document.xml is reported as damaged rather than read in part.
 */
import { SaxesParser } from "saxes";
import type { DocumentContent } from "../../core/document/pages";
import { fflate } from "../xlsx/fflate";
import { readDocxWith, type DocxIo, type XmlWalk } from "./docx-reader";

/** A whole-document walk with saxes, without namespace processing (names as written, e.g. `w:p`). */
export const saxesWalk: XmlWalk = (xml, events) => {
  const parser = new SaxesParser({ xmlns: false });
  parser.on("opentag", (tag) => events.open(tag.name, (name) => tag.attributes[name] as string | undefined));
  parser.on("text", events.text);
  parser.on("closetag", (tag) => events.close(tag.name));
  parser.write(xml).close();
};

const io: DocxIo = { unzip: (data, opts) => fflate().unzipSync(data, opts), walkXml: saxesWalk };

/** Read a .docx into narrative (paragraphs joined by line breaks) and tables (as sheets). */
export function readDocx(bytes: Uint8Array, name?: string): DocumentContent {
  return readDocxWith(io, bytes, name);
}
