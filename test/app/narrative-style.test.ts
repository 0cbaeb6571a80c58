/** The unit's narrative style options travel in the workbook state and reach the generated narrative. */
import { expect } from "../support/expect";
import { describe, it } from "mocha";
import { emptyState, stateFromXml, stateToXml } from "../../src/app/state";
import { narrativeStyleOf } from "../../src/app/narrative";
import { STYLE_PRESETS } from "../../src/core/narrative/index";

describe("style options saved in the workbook", () => {
  it("round-trip through the state part, keeping only plain values", () => {
    const s = emptyState();
    s.settings.style = "shanghai";
    s.settings.styleOptions = { "percentDigits.yoy": 2, percentDropZeroDecimals: false, zeroItems: "list" };
    const back = stateFromXml(stateToXml(s));
    expect(back.settings).toEqual(s.settings);
    // an older workbook without options reads as before
    const old = emptyState();
    expect(stateFromXml(stateToXml(old)).settings.styleOptions).toBeUndefined();
  });

  it("are applied over the preset; an option this version does not know is left out, not fatal", () => {
    const preset = narrativeStyleOf({ style: "shanghai" });
    expect(preset.percentDropZeroDecimals).toBe(STYLE_PRESETS.shanghai.percentDropZeroDecimals);
    const own = narrativeStyleOf({ style: "shanghai", styleOptions: { percentDropZeroDecimals: !STYLE_PRESETS.shanghai.percentDropZeroDecimals, futureOption: 3 } });
    expect(own.percentDropZeroDecimals).toBe(!STYLE_PRESETS.shanghai.percentDropZeroDecimals);
    expect(narrativeStyleOf({ style: "sichuan", styleOptions: { thousands: true } }).thousands).toBe(true);
  });
});
