import { expect } from "../../support/expect";
import { describe, it } from "mocha";
import { formatDecimals, parseAmount } from "../../../src/core/workbook/amount";

const amount = (value: number, decimals: number) => ({ kind: "amount", value, decimals });

describe("parseAmount: numbers", () => {
  it("reads a plain number with the table's default decimals when it shows none", () => {
    expect(parseAmount(16)).toEqual(amount(16, 2));
    expect(parseAmount(16, undefined, 0)).toEqual(amount(16, 0));
  });
  it("keeps the decimals a number carries beyond the default", () => {
    expect(parseAmount(12.345)).toEqual(amount(12.345, 3));
    expect(parseAmount(4163.2)).toEqual(amount(4163.2, 2));
  });
  it("takes decimals from the number format when there is one", () => {
    expect(parseAmount(4163.2, "#,##0.00")).toEqual(amount(4163.2, 2));
    expect(parseAmount(4163.2, "0")).toEqual(amount(4163.2, 0));
    expect(parseAmount(1846500.12, "#,##0.00;[Red]-#,##0.00")).toEqual(amount(1846500.12, 2));
    expect(parseAmount(12.5, "General")).toEqual(amount(12.5, 2));
  });
  it("drops binary noise of formula results", () => {
    expect(parseAmount(0.1 + 0.2)).toEqual(amount(0.30000000000000004, 2));
    expect(parseAmount(3172.05 + 0.01).kind).toBe("amount");
    expect((parseAmount(3172.05 + 0.01) as { decimals: number }).decimals).toBe(2);
  });
  it("reads negative numbers and 0 (never -0)", () => {
    expect(parseAmount(-123.45)).toEqual(amount(-123.45, 2));
    const z = parseAmount(-0);
    expect(z).toEqual(amount(0, 2));
    expect(Object.is((z as { value: number }).value, -0)).toBe(false);
  });
  it("rejects NaN/Infinity and booleans", () => {
    expect(parseAmount(Number.NaN)).toMatchObject({ kind: "invalid", reason: "not-a-number" });
    expect(parseAmount(Number.POSITIVE_INFINITY)).toMatchObject({ kind: "invalid" });
    expect(parseAmount(true)).toEqual({ kind: "invalid", text: "TRUE", reason: "boolean" });
  });
});

describe("parseAmount: text", () => {
  it("reads text numbers with thousands separators", () => {
    expect(parseAmount("19,044.27")).toEqual(amount(19044.27, 2));
    expect(parseAmount("1,234,567")).toEqual(amount(1234567, 2));
  });
  it("reads full-width digits and separators", () => {
    expect(parseAmount("４，０５１．１８")).toEqual(amount(4051.18, 2));
    expect(parseAmount("１２３")).toEqual(amount(123, 2));
  });
  it("reads （123.45） and (123.45) as negative, and -123.45 / －123.45", () => {
    expect(parseAmount("（123.45）")).toEqual(amount(-123.45, 2));
    expect(parseAmount("(123.45)")).toEqual(amount(-123.45, 2));
    expect(parseAmount("-123.45")).toEqual(amount(-123.45, 2));
    expect(parseAmount("－123.45")).toEqual(amount(-123.45, 2));
    expect(parseAmount("−5")).toEqual(amount(-5, 2));
  });
  it("reads blanks and dash marks as blank", () => {
    for (const v of [null, "", "   ", "-", "—", "——", "－", "/", "／", "–"]) expect(parseAmount(v)).toEqual({ kind: "blank" });
  });
  it("reads 0.00 as an amount of 0 with two decimals, not a blank", () => {
    expect(parseAmount("0.00")).toEqual(amount(0, 2));
    expect(parseAmount("0")).toEqual(amount(0, 2));
    expect(parseAmount("-0.00")).toEqual(amount(0, 2));
  });
  it("drops trailing 万元 / 元 / 万 and a leading ¥", () => {
    expect(parseAmount("16万元")).toEqual(amount(16, 2));
    expect(parseAmount("1,234.5元")).toEqual(amount(1234.5, 1)); // text shows one decimal
    expect(parseAmount("3.50 万元")).toEqual(amount(3.5, 2));
    expect(parseAmount("¥1,200.00")).toEqual(amount(1200, 2));
  });
  it("reports Excel error values as invalid error-value, keeping the text", () => {
    expect(parseAmount("#REF!")).toEqual({ kind: "invalid", text: "#REF!", reason: "error-value" });
    expect(parseAmount("#DIV/0!")).toEqual({ kind: "invalid", text: "#DIV/0!", reason: "error-value" });
    expect(parseAmount("#N/A")).toMatchObject({ reason: "error-value" });
    expect(parseAmount("#VALUE!")).toMatchObject({ reason: "error-value" });
  });
  it("reads numbers stored as text with a leading apostrophe", () => {
    expect(parseAmount("'3000.00")).toEqual(amount(3000, 2));
    expect(parseAmount("'12")).toEqual(amount(12, 2));
  });
  it("keeps the decimals the text shows", () => {
    expect(parseAmount("12.340")).toEqual(amount(12.34, 3));
    expect(parseAmount("12.3")).toEqual(amount(12.3, 1));
    expect(parseAmount("12")).toEqual(amount(12, 2));
    expect(parseAmount("12", null, 0)).toEqual(amount(12, 0));
  });
  it("ignores spaces, non-breaking and ideographic spaces", () => {
    expect(parseAmount(" 1 234.56 ")).toEqual(amount(1234.56, 2));
    expect(parseAmount("\u00a0\u3000100.00")).toEqual(amount(100, 2));
  });
  it("reads percentages as fractions with two more decimals", () => {
    expect(parseAmount("76.29%")).toEqual(amount(0.7629, 4));
  });
  it("reports words and malformed numbers as not-a-number, never 0", () => {
    expect(parseAmount("abc")).toEqual({ kind: "invalid", text: "abc", reason: "not-a-number" });
    expect(parseAmount("1.2.3")).toMatchObject({ kind: "invalid", reason: "not-a-number" });
    expect(parseAmount("1,23")).toMatchObject({ kind: "invalid", reason: "not-a-number" });
    expect(parseAmount("见附表")).toMatchObject({ kind: "invalid", text: "见附表" });
    expect(parseAmount("12a")).toMatchObject({ kind: "invalid" });
  });
});

describe("formatDecimals", () => {
  it("counts displayed decimals of common formats", () => {
    expect(formatDecimals("#,##0.00")).toBe(2);
    expect(formatDecimals("0.000")).toBe(3);
    expect(formatDecimals("0")).toBe(0);
    expect(formatDecimals("0%")).toBe(2);
    expect(formatDecimals("0.00%")).toBe(4);
    expect(formatDecimals('#,##0.00"万元"')).toBe(2);
    expect(formatDecimals("General")).toBeUndefined();
    expect(formatDecimals("@")).toBeUndefined();
    expect(formatDecimals(undefined)).toBeUndefined();
  });
});
