import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { expect } from "../../support/expect";
import { describe, it } from "mocha";
import { itShared, sharedPath } from "../../support/shared";
import {
  allSubjects,
  childrenOf,
  classCodeByName,
  economicName,
  isEconomicCode,
  isFunctionCode,
  normalizeCode,
  parentCode,
  subjectCode,
  subjectCodeCandidates,
  subjectEntry,
  subjectLevel,
  subjectName,
  subjectPath,
} from "../../../src/core/subjects";

const dataDir = sharedPath("data");
function csvRows(name: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(resolve(dataDir, name), "utf8").trim().split(/\r?\n/);
  const keys = head.split(",");
  return lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [keys[i], v])));
}

describe("code book contents", () => {
  itShared("contains every code of the shared CSVs, observed ones marked with their source", () => {
    for (const r of csvRows("func_codes_observed.csv")) {
      const e = subjectEntry(r.code);
      expect(e, r.code).toBeDefined();
      expect(e!.provenance.status).toBe("observed");
      expect(e!.provenance.sources.length).toBeGreaterThan(0);
      expect(subjectName(r.code, 2025)).toBe(r.name);
    }
    for (const r of csvRows("econ_codes_basic_expenditure_2024.csv")) {
      expect(economicName(r.code), r.code).toBe(r.name);
      expect(subjectEntry(r.code)!.provenance.status).toBe("observed");
      expect(subjectEntry(r.code)!.group).toBe(r["group_in_基本支出表"]);
    }
    for (const r of csvRows("func_class_level_2024.csv")) {
      expect(subjectName(r.code), r.code).toBe(r.name);
      expect(subjectEntry(r.code)!.provenance.status).toBe(r.verified_in_real_table.startsWith("yes") ? "observed" : "unverified");
    }
  });
  it("marks memory entries unverified and every entry has a provenance", () => {
    const all = allSubjects();
    expect(all.length).toBeGreaterThan(300);
    for (const e of all) {
      expect(["observed", "unverified"]).toContain(e.provenance.status);
      expect(e.provenance.sources.length).toBeGreaterThan(0);
    }
    expect(subjectEntry("20101")!.provenance.status).toBe("unverified");
  });
  it("every 款 and 项 has its parent in the book, so every code has a path", () => {
    for (const e of allSubjects()) {
      if (e.level > 1) expect(subjectEntry(parentCode(e.code)), e.code).toBeDefined();
      if (e.system === "function") expect(subjectPath(e.code), e.code).toMatch(/（类）/);
      expect(e.names.length).toBeGreaterThan(0);
    }
  });
  it("covers the seed's 14 项 with their 2019 path", () => {
    const expected: [string, string][] = [
      ["2010301", "一般公共服务（类）政府办公厅（室）及相关机构事务（款）行政运行（项）"],
      ["2010302", "一般公共服务（类）政府办公厅（室）及相关机构事务（款）一般行政管理事务（项）"],
      ["2013299", "一般公共服务（类）组织事务（款）其他组织事务支出（项）"],
      ["2060101", "科学技术（类）科学技术管理事务（款）行政运行（项）"],
      ["2060102", "科学技术（类）科学技术管理事务（款）一般行政管理事务（项）"],
      ["2060199", "科学技术（类）科学技术管理事务（款）其他科学技术管理事务支出（项）"],
      ["2080504", "社会保障和就业（类）行政事业单位离退休（款）未归口管理的行政单位离退休（项）"],
      ["2080505", "社会保障和就业（类）行政事业单位离退休（款）机关事业单位基本养老保险缴费支出（项）"],
      ["2080506", "社会保障和就业（类）行政事业单位离退休（款）机关事业单位职业年金缴费支出（项）"],
      ["2080801", "社会保障和就业（类）抚恤（款）死亡抚恤（项）"],
      ["2081001", "社会保障和就业（类）社会福利（款）儿童福利（项）"],
      ["2109901", "卫生健康（类）其他卫生健康支出（款）其他卫生健康支出（项）"],
      ["2120399", "城乡社区（类）城乡社区公共设施（款）其他城乡社区公共设施支出（项）"],
      ["2210201", "住房保障（类）住房改革支出（款）住房公积金（项）"],
    ];
    for (const [code, path] of expected) {
      expect(subjectPath(code, 2019)).toBe(path);
      expect(subjectCode(path, 2019)).toBe(code);
    }
  });
});

describe("year-aware names and aliases", () => {
  it("renamed codes", () => {
    expect(subjectName("20805", 2019)).toBe("行政事业单位离退休");
    expect(subjectName("20805", 2024)).toBe("行政事业单位养老支出");
    expect(subjectName("207", 2018)).toBe("文化体育与传媒支出");
    expect(subjectName("207", 2019)).toBe("文化旅游体育与传媒支出");
    expect(subjectName("210", 2018)).toBe("医疗卫生与计划生育支出");
    expect(subjectName("210")).toBe("卫生健康支出");
    expect(subjectCode("行政事业单位离退休", 2024)).toBe("20805");
    expect(subjectCode("行政事业单位养老支出", 2019)).toBe("20805");
  });
  it("seed corrections of domain §6", () => {
    expect(subjectName("2080504", 2019)).toBe("未归口管理的行政单位离退休");
    expect(subjectName("2120399")).toBe("其他城乡社区公共设施支出");
    expect(subjectName("2129999")).toBe("其他城乡社区支出");
    expect(subjectCode("其他城乡社区公共设施支出")).toBe("2120399");
  });
});

describe("look-ups", () => {
  it("levels, parents, children, code forms", () => {
    expect(subjectLevel("201")).toBe(1);
    expect(subjectLevel(20103)).toBe(2);
    expect(subjectLevel("2010301")).toBe(3);
    expect(subjectLevel("20")).toBeUndefined();
    expect(subjectLevel("3010101")).toBeUndefined();
    expect(parentCode("2010301")).toBe("20103");
    expect(parentCode("20103")).toBe("201");
    expect(parentCode("201")).toBeUndefined();
    expect(childrenOf("20103")).toContain("2010301");
    expect(childrenOf("301")).toContain("30101");
    expect(childrenOf("2010301")).toEqual([]);
    expect(normalizeCode("201 03 01")).toBe("2010301");
    expect(normalizeCode("２０１０３０１")).toBe("2010301");
    expect(normalizeCode("201-03")).toBe("20103");
    expect(normalizeCode("abc")).toBeUndefined();
  });
  it("tells functional from economic codes", () => {
    expect(isFunctionCode("2010301")).toBe(true);
    expect(isFunctionCode(201)).toBe(true);
    expect(isFunctionCode("30101")).toBe(false);
    expect(isEconomicCode("30101")).toBe(true);
    expect(isEconomicCode(302)).toBe(true);
    expect(isEconomicCode("2010301")).toBe(false);
    expect(isFunctionCode("99999")).toBe(false);
  });
  it("classCodeByName accepts table labels, short names and old names", () => {
    expect(classCodeByName("一、一般公共服务支出")).toBe("201");
    expect(classCodeByName("一般公共服务")).toBe("201");
    expect(classCodeByName("卫生健康支出")).toBe("210");
    expect(classCodeByName("一般公共服务（类）支出")).toBe("201");
    expect(classCodeByName("十九、住房保障支出")).toBe("221");
    expect(classCodeByName("医疗卫生与计划生育支出", 2018)).toBe("210");
    expect(classCodeByName("文化体育与传媒支出", 2019)).toBe("207");
    expect(classCodeByName("（二十三）其他支出")).toBe("229");
    expect(classCodeByName("本年支出合计")).toBeUndefined();
    expect(classCodeByName("201 一般公共服务支出")).toBe("201");
  });
  it("name → code reports ambiguity instead of guessing", () => {
    expect(subjectCode("行政运行")).toBeUndefined();
    expect(subjectCodeCandidates("行政运行").length).toBeGreaterThan(5);
    expect(subjectCodeCandidates("住房公积金")).toEqual(["2210201", "30113"]);
    expect(subjectCode("住房公积金", undefined, { system: "economic" })).toBe("30113");
    expect(subjectCode("行政运行", undefined, { parent: "20103" })).toBe("2010301");
    expect(subjectCode("2010301 行政运行")).toBe("2010301");
    expect(subjectCode("不存在的科目")).toBeUndefined();
    expect(economicName("30239")).toBe("其他交通费用");
    expect(subjectCode("其他交通费")).toBe("30239");
  });
});

describe("generated data module", () => {
  itShared("is up to date with the shared CSVs (rerun scripts/gen-subjects.mjs when they change)", async () => {
    const { execFileSync } = await import("node:child_process");
    const { mkdtempSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const out = resolve(mkdtempSync(resolve(tmpdir(), "cj-subjects-")), "observed.generated.ts");
    const root = resolve(__dirname, "../../..");
    execFileSync(process.execPath, [resolve(root, "scripts/gen-subjects.mjs"), dataDir, out], { stdio: "pipe" });
    expect(readFileSync(out, "utf8")).toBe(readFileSync(resolve(root, "src/core/subjects/observed.generated.ts"), "utf8"));
  });
});
