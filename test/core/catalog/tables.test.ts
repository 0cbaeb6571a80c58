import { expect } from "../../support/expect";
import { describe, it } from "mocha";
import { TABLE_DEFS, defOf, defsOfKind, builtinClassCode } from "../../../src/core/catalog";
import { CatalogSchema, parseCatalog } from "../../../src/core/catalog/schema";
import { BUILTIN_CATALOG_INPUT } from "../../../src/core/catalog/tables";
import { TABLE_KINDS, COLUMN_ROLES, ROW_ITEMS } from "../../../src/core/catalog/vocabulary";
import { recognize } from "../../../src/core/recognize";
import { book, sheet } from "../recognize/build";

describe("table catalogue", () => {
  it("loads exactly what the zod schema makes of the built-in data (defaults applied without zod at run time)", () => {
    expect(TABLE_DEFS).toEqual(CatalogSchema.parse(BUILTIN_CATALOG_INPUT));
  });

  it("has at least one variant for every table kind", () => {
    for (const kind of Object.keys(TABLE_KINDS)) expect(defsOfKind(kind as keyof typeof TABLE_KINDS).length).toBeGreaterThan(0);
  });

  it("holds the nine national tables, Sichuan's thirteen and the MOF sheets", () => {
    expect(TABLE_DEFS.filter((d) => d.variant === "national").map((d) => d.kind).sort()).toEqual(
      ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9"],
    );
    expect(TABLE_DEFS.filter((d) => d.variant === "sichuan")).toHaveLength(13);
    for (const [kind, variant] of [
      ["Z01", "mof-Z01"], ["T4", "mof-Z01_1"], ["T2", "mof-Z03"], ["T3", "mof-Z04"], ["Z05_1", "mof-Z05_1"],
      ["Z07", "mof-Z07"], ["T5", "mof-Z08"], ["T6", "mof-Z08_1"], ["F03", "mof-F03"],
    ] as const) {
      expect(defOf(kind, variant), `${kind}/${variant}`).toBeDefined();
      expect(defOf(kind, variant)!.unit).toBe("元");
    }
  });

  it("uses only vocabulary keys and roles", () => {
    for (const d of TABLE_DEFS) {
      for (const r of d.rows) expect(Object.keys(ROW_ITEMS)).toContain(r.key);
      for (const c of d.columns) expect(Object.keys(COLUMN_ROLES)).toContain(c.role);
    }
  });

  it("gives every coded table a code system and public tables 万元", () => {
    for (const d of TABLE_DEFS) {
      if (d.layout === "coded") expect(d.codeSystem).toBeDefined();
      if (d.variant === "national" || d.variant === "sichuan") expect(d.unit).toBe("万元");
    }
  });

  it("rejects malformed catalogue data without throwing", () => {
    const bad = parseCatalog([{ kind: "T99", variant: "x", title: "t", layout: "coded", columns: [] }]);
    expect(bad.ok).toBe(false);
    const dup = parseCatalog([
      { kind: "T2", variant: "a", title: "收入决算表", layout: "coded", codeSystem: "function", unit: "万元", columns: [{ role: "total", header: "合计" }] },
      { kind: "T2", variant: "a", title: "收入决算表", layout: "coded", codeSystem: "function", unit: "万元", columns: [{ role: "total", header: "合计" }] },
    ]);
    expect(dup.ok).toBe(false);
    const noSystem = parseCatalog([{ kind: "T2", variant: "a", title: "收入决算表", layout: "coded", unit: "万元", columns: [{ role: "total", header: "合计" }] }]);
    expect(noSystem.ok).toBe(false);
  });

  it("adds a province's variant as data only", () => {
    const extra = parseCatalog([
      {
        kind: "T2", variant: "guangxi", title: "部门收入情况表", sheetHints: ["桂表2"], layout: "coded", codeSystem: "function",
        unit: "万元", rows: [{ key: "total", label: "合计", role: "total", required: true }],
        columns: [{ role: "total", header: "收入合计" }, { role: "fiscal", header: "财政拨款" }],
      },
    ]);
    expect(extra.ok).toBe(true);
    if (!extra.ok) return;
    const wb = book(sheet("桂表2", [["部门收入情况表"], ["科目编码", "科目名称", "收入合计", "财政拨款"], ["合计", null, 10, 10], ["2010301", "行政运行", 10, 10]]));
    expect(recognize(wb).tables).toHaveLength(0);
    const r = recognize(wb, { catalog: [...TABLE_DEFS, ...extra.defs] });
    expect(r.tables).toHaveLength(1);
    expect(r.tables[0]).toMatchObject({ kind: "T2", variant: "guangxi" });
    expect(r.tables[0].rows.find((x) => x.key === "2010301")?.cells.fiscal?.address).toBe("D4");
  });

  it("maps 类 names (current and pre-2019) to codes", () => {
    expect(builtinClassCode("一般公共服务支出")).toBe("201");
    expect(builtinClassCode("文化体育与传媒支出")).toBe("207");
    expect(builtinClassCode("医疗卫生与计划生育支出")).toBe("210");
    expect(builtinClassCode("灾害防治及应急管理支出")).toBe("224");
    expect(builtinClassCode("本年支出合计")).toBeUndefined();
  });
});
