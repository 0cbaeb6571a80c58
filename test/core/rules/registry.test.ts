/** The check catalogue: every check documented once (id, severity, basis, version, 公式说明), docs generated from it. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "../../support/expect";
import { describe, it } from "mocha";
import { BUILTIN_RULES } from "../../../src/core/rules/index";
import { renderRuleList } from "../../../src/core/rules/docs";
import { checkCatalogue, checkInfo, ruleCheckInfo } from "../../../src/core/rules/registry";
import type { CheckInfo } from "../../../src/core/rules/registry";
import type { RuleSpec } from "../../../src/core/rules/rule";

const ROOT = path.resolve(__dirname, "..", "..", "..");

describe("check catalogue", () => {
  const all = checkCatalogue();

  it("lists every built-in rule, the workbook checks and the narrative checks, each id once", () => {
    const ids = all.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of BUILTIN_RULES) expect(ids).toContain(r.id);
    for (const id of ["READ", "C-tables", "C-empty-note", "N-PH"]) expect(ids).toContain(id);
    expect(all.filter((c) => c.scope === "narrative").map((c) => c.id)).toContain("N-PH");
  });

  it("gives every check a basis, a version ≥ 1 and a zh-CN / en-US 公式说明; convention is never 强制", () => {
    for (const c of all) {
      expect({ id: c.id, basis: ["mof", "template", "convention"].includes(c.basis) }).toEqual({ id: c.id, basis: true });
      expect({ id: c.id, version: Number.isInteger(c.version) && c.version >= 1 }).toEqual({ id: c.id, version: true });
      expect(c.descriptionZh.length).toBeGreaterThan(10);
      expect(c.descriptionEn.length).toBeGreaterThan(10);
      expect(/[\u4e00-\u9fff]/.test(c.descriptionZh)).toBe(true);
      if (c.basis === "convention") expect({ id: c.id, severity: c.severity }).toEqual({ id: c.id, severity: "warning" });
    }
  });

  it("takes a rule's data as it is (tables from the formula, years of MOF 行次 rules)", () => {
    const z = checkInfo("Z01-1")!;
    expect(z).toMatchObject({ severity: "error", basis: "mof", scope: "table", tables: ["Z01"], years: [2019] });
    expect(checkInfo("X12")!.tables).toEqual(["T4", "T8"]);
    expect(checkInfo("T8-b")).toMatchObject({ severity: "warning", basis: "convention" });
    expect(checkInfo("nope")).toBeUndefined();
  });

  it("a user rule without metadata is listed as convention, version 1, its 说明 as description", () => {
    const user: RuleSpec = { id: "U-1", severity: "warning", expression: "T1[inc_other] >= 0", message: { zh: "其他收入不为负", en: "Other income not negative" }, origin: "file" };
    expect(ruleCheckInfo(user)).toMatchObject({ id: "U-1", basis: "convention", version: 1, descriptionZh: "其他收入不为负", scope: "table" });
  });

  it("takes further lists (e.g. narrative 核对 checks) and keeps the first definition of an id", () => {
    const extra: CheckInfo[] = [
      { id: "V-demo", severity: "warning", basis: "template", version: 1, descriptionZh: "示例核对检查说明文字", descriptionEn: "An example verification check", scope: "narrative" },
      { id: "T1-a", severity: "warning", basis: "convention", version: 9, descriptionZh: "重复编号不应替换原定义", descriptionEn: "duplicate id must not replace", scope: "table" },
    ];
    const list = checkCatalogue([extra]);
    expect(list.at(-1)!.id).toBe("V-demo");
    expect(list.find((c) => c.id === "T1-a")!.severity).toBe("error");
    expect(list).toHaveLength(all.length + 1);
  });
});

describe("docs/规则列表.md", () => {
  it("is generated from the catalogue and up to date (regenerate: npx tsx scripts/gen-rule-docs.ts)", () => {
    const committed = readFileSync(path.join(ROOT, "docs", "规则列表.md"), "utf8");
    expect(committed).toBe(renderRuleList(checkCatalogue()));
  });

  it("has one table line per check with its 级别, 依据 and version; pipes in text are escaped", () => {
    const md = renderRuleList(checkCatalogue());
    for (const c of checkCatalogue()) expect(md).toContain(`| ${c.id} | ${c.severity === "error" ? "强制" : "核实"} |`);
    expect(md).toContain("| T8-b | 核实 | 惯例 | 1 |");
    expect(md).toContain("（仅适用于 2019 年度）");
    const odd = renderRuleList([{ id: "X|1", severity: "error", basis: "mof", version: 2, descriptionZh: "a|b\nc", descriptionEn: "x", scope: "table" }]);
    expect(odd).toContain("| X\\|1 | 强制 | 财政部审核公式 | 2 | — | a\\|b c |");
  });
});
