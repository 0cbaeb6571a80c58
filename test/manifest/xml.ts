// A tiny namespace-aware XML tree built with saxes, enough for asserting things about manifest.xml.
import { SaxesParser } from "saxes";

export interface XmlElement {
  /** local name, e.g. "Runtime" for <Runtime> or "Image" for <bt:Image> */
  name: string;
  /** namespace URI */
  ns: string;
  /** attributes by qualified name as written ("resid", "xsi:type") */
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  parent?: XmlElement;
}

export function parseXml(source: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on("opentag", (tag) => {
    const attrs: Record<string, string> = {};
    for (const [qname, attr] of Object.entries(tag.attributes)) {
      attrs[qname] = typeof attr === "string" ? attr : attr.value;
    }
    const el: XmlElement = { name: tag.local ?? tag.name, ns: tag.uri ?? "", attrs, children: [], text: "" };
    const parent = stack[stack.length - 1];
    if (parent) {
      el.parent = parent;
      parent.children.push(el);
    } else {
      root = el;
    }
    stack.push(el);
  });
  parser.on("text", (text) => {
    const top = stack[stack.length - 1];
    if (top) top.text += text;
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  parser.write(source).close();
  if (!root) throw new Error("empty XML document");
  return root;
}

/** All descendants (depth-first, document order) matching a local name. */
export function findAll(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (e: XmlElement) => {
    for (const c of e.children) {
      if (c.name === name) out.push(c);
      visit(c);
    }
  };
  visit(el);
  return out;
}

export function findOne(el: XmlElement, name: string): XmlElement {
  const found = findAll(el, name);
  if (found.length !== 1) throw new Error(`expected exactly one <${name}>, found ${found.length}`);
  return found[0];
}

export function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

/** Every element of the tree, root included. */
export function allElements(el: XmlElement): XmlElement[] {
  return [el, ...el.children.flatMap(allElements)];
}

/** Path of local names from the root, for readable failure messages. */
export function pathOf(el: XmlElement): string {
  const names: string[] = [];
  for (let e: XmlElement | undefined = el; e; e = e.parent) names.unshift(e.name);
  return names.join("/");
}
