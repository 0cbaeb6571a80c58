/**
 * The small template language of the 情况说明 sections.
 *
 *   text {name} {name:amount} {share(a, b):pct.structure} {change(cur, prior)} {change(cur, prior):sanGongYoy}
 *   {reason(收支总计变动原因)} {completion(决算, 预算):pct.completion} {sum(a, b)}
 *   {#each 收入项目 sep="；" zeros=style}{item.name}{item.amount}{/each}   (zeros: style | list | omit; {#empty} branch)
 *   {#if changed(a, b)}…{#else}…{/if}                                      (conditions: nonzero, zero, present, changed)
 *
 * Names are resolved by ValueResolver (tables + 「说明数据」). Parsing is separate from rendering so templates
 * can be checked once (see parseTemplate) and rendered many times.
 */

export type Expr =
  | { type: "name"; name: string }
  | { type: "field"; field: string }
  | { type: "call"; fn: string; args: Expr[] }
  | { type: "num"; value: number };

export type TemplateNode =
  | { type: "text"; text: string }
  | { type: "expr"; expr: Expr; format?: string }
  | { type: "each"; list: string; sep: string; zeros: "style" | "list" | "omit"; body: TemplateNode[]; empty: TemplateNode[] }
  | { type: "if"; cond: Expr; then: TemplateNode[]; else: TemplateNode[] };

/** A template that cannot be parsed: a programming error in template data, so it throws. */
export class TemplateError extends Error {
  constructor(message: string, readonly template: string) {
    super(`${message} in template: ${template.slice(0, 80)}`);
    this.name = "TemplateError";
  }
}

const FUNCTIONS = new Set(["share", "completion", "change", "reason", "sum", "nonzero", "zero", "present", "changed", "not", "gt", "lt"]);

/** Parse an expression such as `share(item.amount, 一般公共预算财政拨款支出)`. */
export function parseExpr(src: string, template = src): Expr {
  let i = 0;
  const s = src.trim();
  const skip = () => {
    while (i < s.length && /\s/.test(s[i])) i++;
  };
  const ident = (): string => {
    skip();
    const start = i;
    while (i < s.length && !/[(),\s]/.test(s[i])) i++;
    if (i === start) throw new TemplateError(`expected a name at ${start} of "${s}"`, template);
    return s.slice(start, i);
  };
  const expr = (): Expr => {
    const id = ident();
    skip();
    if (s[i] === "(") {
      if (!FUNCTIONS.has(id)) throw new TemplateError(`unknown function ${id}`, template);
      i++;
      const args: Expr[] = [];
      skip();
      if (s[i] === ")") i++;
      else
        for (;;) {
          args.push(expr());
          skip();
          if (s[i] === ",") {
            i++;
            continue;
          }
          if (s[i] === ")") {
            i++;
            break;
          }
          throw new TemplateError(`expected , or ) in "${s}"`, template);
        }
      return { type: "call", fn: id, args };
    }
    if (/^-?\d+(\.\d+)?$/.test(id)) return { type: "num", value: Number(id) };
    if (id.startsWith("item.")) return { type: "field", field: id.slice(5) };
    return { type: "name", name: id };
  };
  const e = expr();
  skip();
  if (i !== s.length) throw new TemplateError(`unexpected "${s.slice(i)}"`, template);
  return e;
}

/** Split `expr:format` at the last top-level colon. */
function splitFormat(tag: string): [string, string | undefined] {
  let depth = 0;
  for (let i = tag.length - 1; i >= 0; i--) {
    const ch = tag[i];
    if (ch === ")") depth++;
    else if (ch === "(") depth--;
    else if (ch === ":" && depth === 0) return [tag.slice(0, i), tag.slice(i + 1).trim()];
  }
  return [tag, undefined];
}

function parseAttrs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /(\w+)=(?:"([^"]*)"|(\S+))/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out[m[1]] = m[2] ?? m[3];
  return out;
}

/** Parse a template string into nodes. */
export function parseTemplate(template: string): TemplateNode[] {
  const tokens: ({ kind: "text"; text: string } | { kind: "tag"; text: string })[] = [];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf("{", i);
    if (open < 0) {
      tokens.push({ kind: "text", text: template.slice(i) });
      break;
    }
    if (open > i) tokens.push({ kind: "text", text: template.slice(i, open) });
    const close = template.indexOf("}", open);
    if (close < 0) throw new TemplateError("unclosed {", template);
    tokens.push({ kind: "tag", text: template.slice(open + 1, close).trim() });
    i = close + 1;
  }
  let pos = 0;
  const block = (terminators: string[]): { nodes: TemplateNode[]; end?: string } => {
    const nodes: TemplateNode[] = [];
    while (pos < tokens.length) {
      const t = tokens[pos++];
      if (t.kind === "text") {
        nodes.push({ type: "text", text: t.text });
        continue;
      }
      const tag = t.text;
      if (terminators.includes(tag)) return { nodes, end: tag };
      if (tag.startsWith("#each ")) {
        const rest = tag.slice(6).trim();
        const sp = rest.search(/\s/);
        const list = sp < 0 ? rest : rest.slice(0, sp);
        const attrs = parseAttrs(sp < 0 ? "" : rest.slice(sp));
        const body = block(["/each", "#empty"]);
        let empty: TemplateNode[] = [];
        if (body.end === "#empty") empty = block(["/each"]).nodes;
        else if (body.end !== "/each") throw new TemplateError("missing {/each}", template);
        const zeros = (attrs.zeros ?? "style") as "style" | "list" | "omit";
        nodes.push({ type: "each", list, sep: attrs.sep ?? "", zeros, body: body.nodes, empty });
        continue;
      }
      if (tag.startsWith("#if ")) {
        const cond = parseExpr(tag.slice(4), template);
        const then = block(["#else", "/if"]);
        let other: TemplateNode[] = [];
        if (then.end === "#else") other = block(["/if"]).nodes;
        else if (then.end !== "/if") throw new TemplateError("missing {/if}", template);
        nodes.push({ type: "if", cond, then: then.nodes, else: other });
        continue;
      }
      if (tag.startsWith("#") || tag.startsWith("/")) throw new TemplateError(`unexpected {${tag}}`, template);
      const [e, format] = splitFormat(tag);
      nodes.push({ type: "expr", expr: parseExpr(e, template), format });
    }
    if (terminators.length) throw new TemplateError(`missing {${terminators[terminators.length - 1]}}`, template);
    return { nodes };
  };
  return block([]).nodes;
}
