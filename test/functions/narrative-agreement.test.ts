// The CJ.* functions and the narrative generator agree on the seed fixture: every share, rate and
// change the generated 情况说明 states is what the worksheet functions compute from the same operands.
import { expect } from "../support/expect";
import { before, describe, it } from "mocha";
import { installFakeCustomFunctions } from "./fakeCustomFunctions";
import * as F from "../../src/functions/functions";
import { fixture } from "../fixtures";
import { recognize } from "../../src/core/recognize";
import { generateNarrative, parseInputsSheet, type Narrative } from "../../src/core/narrative";

before(() => installFakeCustomFunctions());

interface SpanText {
  kind: string;
  text: string;
  arithmetic?: string;
  paragraph: string;
}

function spans(n: Narrative): SpanText[] {
  return n.sections.flatMap((s) =>
    s.paragraphs.flatMap((p) => p.spans.map((sp) => ({ kind: sp.kind, text: p.text.slice(sp.start, sp.end), arithmetic: sp.arithmetic, paragraph: p.text }))),
  );
}

describe("CJ.* vs the narrative generator on the seed fixture", () => {
  const f = fixture("seed-sichuan");
  const n = generateNarrative(recognize(f.snapshot), parseInputsSheet(f.snapshot), { style: "sichuan" });
  const all = spans(n);

  it("every percentage equals CJ.PCT of its operands at the printed precision", () => {
    const percents = all.filter((s) => s.kind === "percent" && s.arithmetic);
    expect(percents.length).toBeGreaterThan(20);
    for (const s of percents) {
      // 「x ÷ y × 100 = exact → p%」: the unrounded value, then the printed one
      const m = /^([\d.]+) ÷ ([\d.]+) × 100 = ([\d.]+) → ([\d.]+)%$/.exec(s.arithmetic!);
      expect(m, s.arithmetic).not.toBeNull();
      const [, x, y, exact, p] = m!;
      expect(Math.abs(Number(exact) - (Number(x) / Number(y)) * 100), s.arithmetic).toBeLessThan(0.01);
      const digits = (p.split(".")[1] ?? "").length;
      expect(F.PCT(x, y, digits), s.arithmetic).toBe(Number((Number(p) / 100).toFixed(digits + 2)));
      expect(s.text).toBe(F.AMOUNT(F.PCT(x, y, digits) * 100, "无", digits === 0 ? "0" : `${digits} 去零`) + "%");
    }
  });

  it("every change equals CJ.CHANGE and its sentence tail is what CJ.CHANGETEXT writes", () => {
    const changes = all.filter((s) => s.kind === "change" && s.arithmetic);
    expect(changes.length).toBeGreaterThan(5);
    for (const s of changes) {
      const m = /^([\d.]+) − ([\d.]+) = (-?[\d.]+)$/.exec(s.arithmetic!);
      expect(m, s.arithmetic).not.toBeNull();
      const [, cur, prior, delta] = m!;
      expect(F.CHANGE(cur, prior)).toBe(Number(delta));
      // 「减少2720.74万元，下降40%」 or the seed's 「减少1919.50万元，减少32%」: one of the two styles must match.
      const tails = ["比", "比 减少减少", "比 去零", "比 减少减少 去零"].map((st) => F.CHANGETEXT(cur, prior, "", null, st).replace(/^比上年/, ""));
      expect(
        tails.some((t) => s.paragraph.includes(t)),
        `${s.arithmetic} → ${tails.join(" | ")} in ${s.paragraph.slice(0, 80)}`,
      ).toBe(true);
    }
  });

  it("the seed's headline sentence is reproduced by CJ.CHANGETEXT inside the generated text", () => {
    const s1 = n.sections.find((s) => s.id === "s1")!.paragraphs.map((p) => p.text).join("\n");
    expect(s1).toContain(F.CHANGETEXT(4163.2, 6883.94, "收、支总计", 2018, "各"));
  });
});
