/** The workbook-state part: round trip, defaults for missing settings, anything damaged or foreign → a fresh state. */
import { describe, it } from "mocha";
import { emptyState, stateFromXml, stateToXml, type AddinState } from "../../src/excel/state";
import { expect } from "../support/expect";

const part = (json: string) => `<caijue xmlns="urn:caijue:state:v1" version="1"><state>${json.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</state></caijue>`;

describe("workbook state part", () => {
  it("round-trips a state with settings, explanations and marks (text with markup and quotes)", () => {
    const state: AddinState = {
      version: 1,
      settings: { policy: "exact", style: "shanghai", lang: "en-US" },
      suppressed: { "T1-a@S!B3": { reason: "上年 <调整> & \"说明\"", at: "2026-01-01" } },
      marks: [{ sheet: "表一", address: "B3", fill: "#FFFF00", note: null, messageKind: "note" }],
    };
    expect(stateFromXml(stateToXml(state))).toEqual(state);
  });

  it("fills settings left out by an older writer with their defaults", () => {
    const got = stateFromXml(part(JSON.stringify({ version: 1, settings: {}, suppressed: {}, marks: [] })));
    expect(got.settings).toEqual({ policy: "interval", style: "sichuan", lang: null });
  });

  it("gives a fresh state for damaged, foreign or wrongly typed content, never throwing", () => {
    for (const xml of [
      null,
      "",
      "<other/>",
      part("{not json"),
      part(JSON.stringify({ version: 2, settings: {}, suppressed: {}, marks: [] })),
      part(JSON.stringify({ version: 1, settings: { policy: "loose" }, suppressed: {}, marks: [] })),
      part(JSON.stringify({ version: 1, settings: {}, suppressed: { x: { reason: 5, at: "" } }, marks: [] })),
      part(JSON.stringify({ version: 1, settings: {}, suppressed: {}, marks: [{ sheet: "S", address: "A1", fill: null, note: null, messageKind: "popup" }] })),
    ]) {
      expect(stateFromXml(xml)).toEqual(emptyState());
    }
  });
});
