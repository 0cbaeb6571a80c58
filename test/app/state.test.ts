// The workbook state part: the documented form round-trips, and damaged or foreign content never throws.
import { expect } from "../support/expect";
import { describe, it } from "mocha";
import { emptyState, parseState, stateFromXml, stateToXml, STATE_NAMESPACE } from "../../src/app/state";

describe("workbook state", () => {
  it("round-trips settings, explanations (who/when), marks and written-sheet records, escaping markup", () => {
    const s = emptyState();
    s.settings.policy = "exact";
    s.suppressed["abc123"] = { reason: "<b>已核实</b> & 尾差", at: "2026-01-02T03:04:05.000Z", by: "张会计", rule: "T1-d", sheet: "附表1", address: "D34" };
    s.marks.push({ sheet: "It's 表", address: "B2", fill: null, note: "用户批注", messageKind: "note" });
    s.written = { 情况说明: { cells: { A1: "h1" }, at: "2026-01-01T00:00:00.000Z" } };
    const xml = stateToXml(s);
    expect(xml.startsWith(`<caijue xmlns="${STATE_NAMESPACE}" version="1"><state>`)).toBe(true);
    expect(xml).not.toContain("<b>");
    expect(stateFromXml(xml)).toEqual(s);
  });

  it("reads the older form without who/rule/written, and rejects wrong shapes as a fresh state", () => {
    const old = { version: 1, settings: { policy: "interval", style: "shanghai", lang: "en-US" }, suppressed: { x: { reason: "r", at: "t" } }, marks: [] };
    expect(parseState(old)!.suppressed.x).toEqual({ reason: "r", at: "t" });
    expect(parseState(old)!.settings.style).toBe("shanghai");
    for (const bad of [null, 1, { version: 2 }, { ...old, settings: { policy: "loose" } }, { ...old, suppressed: { x: { reason: 1 } } }, { ...old, marks: [{ sheet: "s" }] }]) {
      expect(parseState(bad)).toBeNull();
    }
    expect(stateFromXml("<caijue><state>{not json</state></caijue>")).toEqual(emptyState());
    expect(stateFromXml(undefined)).toEqual(emptyState());
    expect(stateFromXml("<other/>")).toEqual(emptyState());
  });
});
