/** caijue rules: the check list in text and JSON, zh-CN and en-US, from the same catalogue as the docs. */
import { expect } from "../support/expect";
import { describe, it } from "mocha";
import { runMain } from "./helpers";
import { checkCatalogue } from "../../src/core/rules/registry";

const run = runMain;

describe("caijue rules", () => {
  it("lists every check in zh-CN with 级别, 依据, version and 公式说明", async () => {
    const r = await run(["rules"]);
    expect(r.code).toBe(0);
    const n = checkCatalogue().length;
    expect(r.out).toContain(`共 ${n} 项检查。`);
    expect(r.out).toContain("T8-b  核实  惯例（核实）  v1\n    涉及：T8 政府性基金预算财政拨款收入支出决算表\n    政府性基金预算财政拨款收入支出决算表每一行：年末结转和结余");
    expect(r.out).toContain("Z01-1  强制  财政部审核公式  v2  仅 2019 年度");
    for (const c of checkCatalogue()) expect(`\n${r.out}`).toContain(`\n${c.id}  `);
  });

  it("--lang en gives English descriptions", async () => {
    const r = await run(["rules", "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("X10  error  published template / disclosure requirement  v1\n    tables: T4, T1\n    Fiscal money is part of all money");
    expect(r.out).not.toMatch(/涉及/);
  });

  it("--format json gives the catalogue as data", async () => {
    const r = await run(["rules", "--format", "json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { checks: { id: string; severity: string; basis: string; version: number; scope: string; tables: string[]; descriptionZh: string; descriptionEn: string; formula: string | null; years: number[] | null }[] };
    expect(j.checks.map((c) => c.id)).toEqual(checkCatalogue().map((c) => c.id));
    expect(j.checks.find((c) => c.id === "F03-b")).toMatchObject({ severity: "error", basis: "template", version: 1, scope: "table", tables: ["F03"], years: null });
    expect(j.checks.find((c) => c.id === "N-PH")).toMatchObject({ scope: "narrative", formula: null });
  });

  it("rejects arguments and unknown options (exit 2) and has --help", async () => {
    expect((await run(["rules", "x.xlsx"])).code).toBe(2);
    expect((await run(["rules", "--format", "junit"])).code).toBe(2);
    const h = await run(["rules", "--help"]);
    expect(h.code).toBe(0);
    expect(h.out).toContain("用法：caijue rules");
    expect((await run(["--help"])).out).toContain("caijue rules");
  });
});
