/**
 * User rules: the sheet 「审核公式」 in the workbook, or a rules file (TSV/CSV) given to the CLI. Columns:
 * 编号 (id), 级别 (强制/核实 or error/warning), 公式 (formula), 说明 (message). Formulas are checked here so that a
 * malformed one is reported with its row and position while every other rule still runs.
 */
import type { CellValue, WorkbookSnapshot } from "../workbook/snapshot";
import { parseRule } from "./language/parser";
import type { RuleSpec } from "./rule";
import type { RuleError, Severity } from "./types";

/** Name of the sheet holding user rules. */
export const USER_RULES_SHEET = "审核公式";

export interface UserRulesOutcome {
  rules: RuleSpec[];
  errors: RuleError[];
}

type Column = "id" | "severity" | "formula" | "message";

const HEADER_WORDS: Record<Column, string[]> = {
  id: ["编号", "规则编号", "id"],
  severity: ["级别", "类型", "severity", "level"],
  formula: ["公式", "审核公式", "formula", "expression"],
  message: ["说明", "描述", "message", "description"],
};

function headerColumn(text: string): Column | undefined {
  const t = text.trim().toLowerCase();
  for (const [col, words] of Object.entries(HEADER_WORDS) as [Column, string[]][]) if (words.includes(t)) return col;
  return undefined;
}

function severityOf(text: string): Severity | undefined {
  const t = text.trim().toLowerCase();
  if (t === "" || t === "强制" || t === "强制性" || t === "error" || t === "错误") return "error";
  if (t === "核实" || t === "核实性" || t === "提示" || t === "warning" || t === "警告") return "warning";
  return undefined;
}

/** Turn table rows (first row with 公式 in it is the header) into rules; `where(i)` locates row i for errors. */
function rowsToRules(rows: string[][], where: (i: number) => RuleError["source"], origin: "sheet" | "file"): UserRulesOutcome {
  const rules: RuleSpec[] = [];
  const errors: RuleError[] = [];
  let header = -1;
  const cols: Partial<Record<Column, number>> = {};
  for (let i = 0; i < rows.length && header < 0; i++) {
    const found: Partial<Record<Column, number>> = {};
    rows[i].forEach((cell, j) => {
      const c = headerColumn(cell);
      if (c && found[c] === undefined) found[c] = j;
    });
    if (found.formula !== undefined) {
      header = i;
      Object.assign(cols, found);
    }
  }
  if (header < 0) {
    if (rows.some((r) => r.some((c) => c.trim() !== ""))) errors.push({ source: where(0), position: 0, message: "未找到表头：需要“编号、级别、公式、说明”各列（至少“公式”列）", messageEn: "no header row: the columns 编号 (id), 级别 (severity), 公式 (formula), 说明 (message) are needed (at least 公式)" });
    return { rules, errors };
  }
  for (let i = header + 1; i < rows.length; i++) {
    const row = rows[i];
    const get = (c: Column): string => (cols[c] !== undefined ? (row[cols[c]!] ?? "") : "").trim();
    const formula = get("formula");
    const id = get("id") || `U${i - header}`;
    if (formula === "") continue;
    const severity = severityOf(get("severity"));
    if (!severity) {
      errors.push({ source: where(i), ruleId: id, position: 0, message: `规则 ${id} 的级别“${get("severity")}”无法识别（应为 强制 或 核实）`, messageEn: `severity '${get("severity")}' is not recognised (use 强制 or 核实)` });
      continue;
    }
    const parsed = parseRule(formula);
    if (!parsed.ok) {
      errors.push({
        source: where(i),
        ruleId: id,
        position: parsed.error.position,
        message: `规则 ${id} 的公式在第 ${parsed.error.position + 1} 个字符处有误：${parsed.error.zh}`,
        messageEn: parsed.error.en,
      });
      continue;
    }
    const message = get("message") || `自定义规则 ${id}`;
    rules.push({ id, severity, expression: formula, message: { zh: message, en: get("message") || `User rule ${id}` }, origin, source: where(i), tables: parsed.ast.tables });
  }
  return { rules, errors };
}

function cellText(v: CellValue): string {
  return v === null ? "" : String(v);
}

/** Read the 「审核公式」 sheet of a snapshot, if there is one. Rows in errors are 1-based sheet rows. */
export function readRulesSheet(snapshot: WorkbookSnapshot): UserRulesOutcome {
  const sheet = snapshot.sheets.find((s) => s.name.trim() === USER_RULES_SHEET);
  if (!sheet) return { rules: [], errors: [] };
  const rows = sheet.values.map((r) => r.map(cellText));
  return rowsToRules(rows, (i) => ({ sheet: sheet.name, row: sheet.origin.row + i + 1 }), "sheet");
}

/** Split CSV text into rows, honouring double quotes (a formula with commas must be quoted in CSV). */
function parseCsv(text: string): { cells: string[]; line: number }[] {
  const out: { cells: string[]; line: number }[] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === "\n") line++;
        field += ch;
      }
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      out.push({ cells: row, line: rowLine });
      row = [];
      field = "";
      line++;
      rowLine = line;
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    out.push({ cells: row, line: rowLine });
  }
  return out;
}

/** Parse a rules file (TSV when its header has tabs, else CSV) into rules; errors name the file and line. */
export function parseRulesText(text: string, fileName: string): UserRulesOutcome {
  const clean = text.replace(/^\ufeff/, "");
  const firstLine = clean.split(/\r?\n/, 1)[0] ?? "";
  const rows = firstLine.includes("\t")
    ? clean.split(/\r?\n/).map((l, i) => ({ cells: l.split("\t"), line: i + 1 }))
    : parseCsv(clean);
  return rowsToRules(
    rows.map((r) => r.cells),
    (i) => ({ file: fileName, line: rows[i]?.line ?? i + 1 }),
    "file",
  );
}

/** Built-ins plus user rules: a user rule with a built-in's id replaces it (reported as skipped 'overridden'). */
export function mergeRules(builtin: readonly RuleSpec[], user: RuleSpec[]): { rules: RuleSpec[]; overridden: string[] } {
  const byId = new Map<string, RuleSpec>();
  for (const r of user) byId.set(r.id, r);
  const overridden: string[] = [];
  const rules: RuleSpec[] = [];
  for (const r of builtin) {
    const u = byId.get(r.id);
    if (u) {
      overridden.push(r.id);
      rules.push(u);
      byId.delete(r.id);
    } else rules.push(r);
  }
  for (const r of user) if (byId.get(r.id) === r) rules.push(r);
  return { rules, overridden };
}
