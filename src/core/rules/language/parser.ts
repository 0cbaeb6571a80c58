/**
 * Recursive-descent parser for the rule language (grammar in ../LANGUAGE.md). Rule text is untrusted (it may come
 * from a workbook sheet): it is only ever parsed into a tree, never evaluated as code.
 */
import type { TableKind } from "../../catalog/vocabulary";
import type { ComparisonOp } from "../interval";
import type { ColumnSelector, Expr, RowSelector, RuleProgramAst, Statement } from "./ast";
import { resolveColumn, resolveRowItem, resolveTable } from "./names";

/** A syntax error with its zero-based position and bilingual message. */
export class RuleSyntaxError extends Error {
  constructor(
    readonly position: number,
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/** Either a parsed rule or the first syntax error. */
export type ParseOutcome = { ok: true; ast: RuleProgramAst } | { ok: false; error: RuleSyntaxError };

const LEVEL_WORDS: Record<string, 1 | 2 | 3> = {
  class: 1,
  类: 1,
  category: 2,
  section: 2,
  款: 2,
  item: 3,
  项: 3,
};

function isSpace(ch: string): boolean {
  return ch === " " || ch === "\t" || ch === "\n" || ch === "\r" || ch === "\u3000" || ch === "\u00a0";
}

function isNameChar(ch: string): boolean {
  if (ch === "") return false;
  if (/[A-Za-z0-9_-]/.test(ch)) return true;
  const code = ch.charCodeAt(0);
  if (code === 0x201c || code === 0x201d) return true;
  // CJK letters and the quotes / brackets used in table titles (but not our operators or delimiters)
  return code >= 0x2e80 && !"，：；（）［］＋－＝≤≥×＊、".includes(ch);
}

class Parser {
  private pos = 0;
  private readonly tables = new Set<TableKind>();

  constructor(private readonly src: string) {}

  parse(): RuleProgramAst {
    const statements: Statement[] = [];
    this.skip();
    if (this.pos >= this.src.length) this.fail(this.pos, "公式为空", "the formula is empty");
    while (this.pos < this.src.length) {
      statements.push(this.statement());
      this.skip();
      if (this.pos < this.src.length) {
        if (this.peek() === ";" || this.peek() === "；") {
          this.pos++;
          this.skip();
          continue;
        }
        this.fail(this.pos, `此处应为运算符或“;”，却是“${this.peek()}”`, `expected an operator or ';' but found '${this.peek()}'`);
      }
    }
    return { statements, tables: [...this.tables] };
  }

  private fail(pos: number, zh: string, en: string): never {
    throw new RuleSyntaxError(pos, zh, en);
  }

  private peek(): string {
    return this.src[this.pos] ?? "";
  }

  private skip(): void {
    while (this.pos < this.src.length && isSpace(this.src[this.pos])) this.pos++;
  }

  private expect(ch: string, alt?: string): void {
    this.skip();
    const c = this.peek();
    if (c !== ch && c !== alt) {
      const found = c === "" ? "公式结尾" : `“${c}”`;
      this.fail(this.pos, `此处应为“${ch}”，却是${found}`, `expected '${ch}' but found ${c === "" ? "end of formula" : `'${c}'`}`);
    }
    this.pos++;
  }

  /** Read a word made of name characters (table names, keywords, function names). */
  private word(): string {
    this.skip();
    const start = this.pos;
    while (isNameChar(this.peek())) this.pos++;
    return this.src.slice(start, this.pos);
  }

  private lookaheadKeyword(): string {
    const save = this.pos;
    const w = this.word().toUpperCase();
    this.pos = save;
    return w;
  }

  private statement(): Statement {
    this.skip();
    const pos = this.pos;
    const kw = this.lookaheadKeyword();
    if (kw === "FOREACH") {
      this.word();
      const overPos = this.pos;
      const over = this.word().toUpperCase();
      if (over !== "ROW" && over !== "COL") this.fail(overPos, "FOREACH 后应为 ROW 或 COL", "FOREACH must be followed by ROW or COL");
      this.expect("(", "（");
      const table = this.table();
      let filter: RowSelector | undefined;
      this.skip();
      if (this.peek() === "," || this.peek() === "，") {
        this.pos++;
        const segPos = this.pos;
        const seg = this.rawUntil(")）");
        filter = this.rowSelector(seg, segPos);
      }
      this.expect(")", "）");
      this.expect(":", "：");
      const body = this.statement();
      return { type: "foreach", over: over === "ROW" ? "row" : "col", table, filter, body, pos };
    }
    if (kw === "WHEN") {
      this.word();
      const kpos = this.pos;
      if (this.word().toUpperCase() !== "EMPTY") this.fail(kpos, "WHEN 后应为 EMPTY(表)", "WHEN must be followed by EMPTY(table)");
      this.expect("(", "（");
      const table = this.table();
      this.expect(")", "）");
      this.expect(":", "：");
      return { type: "when-empty", table, body: this.statement(), pos };
    }
    if (kw === "ROLLUP") {
      this.word();
      this.expect("(", "（");
      const table = this.table();
      const cols: ColumnSelector[] = [];
      this.skip();
      while (this.peek() === "," || this.peek() === "，") {
        this.pos++;
        this.skip();
        const cpos = this.pos;
        const seg = this.rawUntil(",，)）");
        cols.push(this.columnSelector(seg, cpos));
        this.skip();
      }
      this.expect(")", "）");
      return { type: "rollup", table, cols, pos };
    }
    return this.comparison();
  }

  private comparison(): Statement {
    this.skip();
    const pos = this.pos;
    const operands: Expr[] = [this.expr()];
    const ops: ComparisonOp[] = [];
    for (;;) {
      this.skip();
      const op = this.comparisonOp();
      if (!op) break;
      ops.push(op);
      operands.push(this.expr());
    }
    if (ops.length === 0) {
      const c = this.peek();
      if (c === "") this.fail(this.pos, "缺少比较运算符（=、<=、>=）", "missing a comparison (=, <=, >=)");
      this.fail(this.pos, `此处应为比较运算符（=、<=、>=），却是“${c}”`, `expected a comparison (=, <=, >=) but found '${c}'`);
    }
    return { type: "compare", operands, ops, pos };
  }

  private comparisonOp(): ComparisonOp | undefined {
    const two = this.src.slice(this.pos, this.pos + 2);
    if (two === "<=" || two === ">=" || two === "==") {
      this.pos += 2;
      return two === "==" ? "=" : (two as ComparisonOp);
    }
    const c = this.peek();
    if (c === "=" || c === "＝" || c === "≈") {
      this.pos++;
      return "=";
    }
    if (c === "≤") {
      this.pos++;
      return "<=";
    }
    if (c === "≥") {
      this.pos++;
      return ">=";
    }
    if (c === "<" || c === ">") this.fail(this.pos, "只支持 <= 和 >=（容差下的“小于”无意义）", "only <= and >= are supported");
    return undefined;
  }

  private expr(): Expr {
    let left = this.term();
    for (;;) {
      this.skip();
      const c = this.peek();
      if (c === "+" || c === "＋") {
        const pos = this.pos++;
        left = { type: "binary", op: "+", left, right: this.term(), pos };
      } else if (c === "-" || c === "－" || c === "−") {
        const pos = this.pos++;
        left = { type: "binary", op: "-", left, right: this.term(), pos };
      } else return left;
    }
  }

  private isTimes(): boolean {
    const c = this.peek();
    return c === "*" || c === "×" || c === "＊";
  }

  private term(): Expr {
    const first = this.factor();
    this.skip();
    if (!this.isTimes()) return first;
    const opPos = this.pos++;
    const second = this.factor();
    // A constant may carry its own minus sign (「-2 * T3[b]」, 「T3[b] * -2」): −(c · x).
    const [a, aNeg] = unNegated(first);
    const [b, bNeg] = unNegated(second);
    let scaled: Expr | undefined;
    if (a.type === "num" && b.type !== "num") scaled = { type: "scale", factor: a.value, factorText: a.text, expr: b, pos: first.pos };
    else if (b.type === "num") scaled = { type: "scale", factor: b.value, factorText: b.text, expr: a, pos: first.pos };
    if (!scaled) return this.fail(opPos, "乘法只能乘以常数", "multiplication is only allowed by a constant");
    return aNeg !== bNeg ? { type: "neg", expr: scaled, pos: first.pos } : scaled;
  }

  private factor(): Expr {
    this.skip();
    const pos = this.pos;
    const c = this.peek();
    if (c === "") this.fail(pos, "公式不完整：此处缺少数值或单元格", "incomplete formula: a value or cell is missing here");
    if (c === "(" || c === "（") {
      this.pos++;
      const e = this.expr();
      this.expect(")", "）");
      return e;
    }
    if (c === "-" || c === "－" || c === "−") {
      this.pos++;
      return { type: "neg", expr: this.factor(), pos };
    }
    if (/[0-9.]/.test(c)) return this.number();
    if (!isNameChar(c)) this.fail(pos, `无法识别的字符“${c}”`, `unexpected character '${c}'`);
    const name = this.word();
    this.skip();
    if (name.toUpperCase() === "SUM" && (this.peek() === "(" || this.peek() === "（")) {
      this.pos++;
      const args: Expr[] = [this.expr()];
      this.skip();
      while (this.peek() === "," || this.peek() === "，") {
        this.pos++;
        args.push(this.expr());
        this.skip();
      }
      this.expect(")", "）");
      return { type: "sum", args, pos };
    }
    if (this.peek() === "(" || this.peek() === "（") this.fail(pos, `未知的函数“${name}”（可用：SUM）`, `unknown function '${name}' (available: SUM)`);
    const table = this.tableFromName(name, pos);
    if (this.peek() !== "[" && this.peek() !== "［") this.fail(this.pos, `表名“${name}”后应为“[行, 列]”`, `expected '[row, column]' after table '${name}'`);
    this.pos++;
    this.skip();
    const rowPos = this.pos;
    const rowText = this.rawUntil(",，]］");
    const row = this.rowSelector(rowText, rowPos);
    let col: ColumnSelector = { kind: "default", pos: this.pos };
    if (this.peek() === "," || this.peek() === "，") {
      this.pos++;
      this.skip();
      const colPos = this.pos;
      const colText = this.rawUntil("]］");
      col = this.columnSelector(colText, colPos);
    }
    this.expect("]", "］");
    return { type: "ref", table, row, col, pos };
  }

  private number(): Expr {
    const pos = this.pos;
    const m = /^(\d+(\.\d*)?|\.\d+)/.exec(this.src.slice(this.pos));
    if (!m) this.fail(pos, "数字格式不正确", "malformed number");
    this.pos += m[0].length;
    return { type: "num", value: Number(m[0]), text: m[0], pos };
  }

  private table(): TableKind {
    this.skip();
    const pos = this.pos;
    const name = this.word();
    return this.tableFromName(name, pos);
  }

  private tableFromName(name: string, pos: number): TableKind {
    if (name === "") this.fail(pos, "此处应为表名（如 T1、表三）", "expected a table name (e.g. T1)");
    const kind = resolveTable(name);
    if (!kind) this.fail(pos, `未知的表“${name}”（可用 T1…T9、SC5、SC7、SC9、SC12、Z01、Z05_1、Z07、F03 或表名）`, `unknown table '${name}'`);
    this.tables.add(kind);
    return kind;
  }

  /** Raw text up to (not including) one of the stop characters; fails at end of text. */
  private rawUntil(stops: string): string {
    const start = this.pos;
    while (this.pos < this.src.length && !stops.includes(this.src[this.pos])) {
      if (this.src[this.pos] === "[" || this.src[this.pos] === "(") this.fail(this.pos, `此处不应出现“${this.src[this.pos]}”`, `unexpected '${this.src[this.pos]}'`);
      this.pos++;
    }
    if (this.pos >= this.src.length) this.fail(this.pos, `缺少“${stops[stops.length - 1] === "］" ? "]" : stops.includes(")") ? ")" : "]"}”`, "unterminated reference");
    return this.src.slice(start, this.pos);
  }

  private rowSelector(raw: string, pos: number): RowSelector {
    const lead = raw.length - raw.trimStart().length;
    const p = pos + lead;
    const text = raw.trim();
    if (text === "") this.fail(p, "缺少行（行项目、科目编码或 row）", "missing the row (item, code or row)");
    if (text === "*") return { kind: "all", pos: p };
    const lvl = /^\*(.+)\*$/.exec(text);
    if (lvl) {
      const level = LEVEL_WORDS[lvl[1].toLowerCase()];
      if (!level) this.fail(p, `未知的层级“${text}”（可用 *class*、*category*、*item*、*类*、*款*、*项*）`, `unknown level '${text}'`);
      return { kind: "level", level, pos: p };
    }
    if (text.toLowerCase() === "row") return { kind: "row", pos: p };
    if (/^\d{3}(\d{2}){0,2}$/.test(text)) return { kind: "key", key: text, pos: p };
    if (/^\d+$/.test(text)) this.fail(p, `科目编码“${text}”位数不对（应为 3、5 或 7 位）`, `subject code '${text}' must have 3, 5 or 7 digits`);
    const range = /^([A-Za-z]+)(\d+)\s*:\s*\1?(\d+)$/i.exec(text);
    if (range) {
      const from = Number(range[2]);
      const to = Number(range[3]);
      if (to < from) this.fail(p, `行范围“${text}”的终点小于起点`, `row range '${text}' ends before it starts`);
      return { kind: "range", prefix: range[1].toUpperCase(), from, to, pos: p };
    }
    if (/^L\d+$/i.test(text)) return { kind: "key", key: text.toUpperCase(), pos: p };
    const item = resolveRowItem(text);
    if (item) return { kind: "key", key: item, pos: p };
    if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(text)) this.fail(p, `未知的行项目“${text}”`, `unknown row item '${text}'`);
    return { kind: "label", label: text, pos: p };
  }

  private columnSelector(raw: string, pos: number): ColumnSelector {
    const lead = raw.length - raw.trimStart().length;
    const p = pos + lead;
    const text = raw.trim();
    if (text === "") this.fail(p, "缺少列", "missing the column");
    if (text === "*") return { kind: "all", pos: p };
    if (text.toLowerCase() === "col") return { kind: "col", pos: p };
    const role = resolveColumn(text);
    if (!role) this.fail(p, `未知的列“${text}”`, `unknown column '${text}'`);
    return { kind: "role", role, pos: p };
  }
}

/** Parse a rule's formula text. Never throws: a syntax error comes back as a value with its position. */
export function parseRule(text: string): ParseOutcome {
  try {
    return { ok: true, ast: new Parser(text).parse() };
  } catch (e) {
    if (e instanceof RuleSyntaxError) return { ok: false, error: e };
    throw e;
  }
}

/** A factor without its leading minus signs, and whether an odd number of them was dropped. */
function unNegated(e: Expr): [Expr, boolean] {
  let neg = false;
  while (e.type === "neg") {
    e = e.expr;
    neg = !neg;
  }
  return [e, neg];
}
