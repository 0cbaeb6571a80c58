import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "../support/expect";
import { describe, it } from "mocha";
import { parseCommandArgs, UsageError } from "../../src/cli/args";
import { collectInputs } from "../../src/cli/batch/walk";
import { msg } from "../../src/cli/messages";
import { displayWidth, safeText } from "../../src/cli/output/color";
import { tempDir } from "./helpers";

describe("argument parsing", () => {
  it("reads options in both --name value and --name=value forms", () => {
    const a = parseCommandArgs("check", ["a.xlsx", "--format=json", "--jobs", "3", "dir/", "--mark", "out", "--debug", "--", "--odd-name.xlsx"]);
    expect(a.positionals).toEqual(["a.xlsx", "dir/", "--odd-name.xlsx"]);
    expect(a.options).toEqual({ format: "json", jobs: 3, mark: "out", debug: true });
  });

  it("rejects unknown options, bad values and missing values with a message key", () => {
    const bad: [string[], string][] = [
      [["--nope"], "usage.unknown-option"],
      [["--format", "xml"], "usage.bad-value"],
      [["--jobs", "0"], "usage.bad-number"],
      [["--jobs", "two"], "usage.bad-number"],
      [["--mark"], "usage.missing-value"],
      [["-x"], "usage.unknown-option"],
    ];
    for (const [argv, key] of bad) {
      try {
        parseCommandArgs("check", argv);
        throw new Error(argv.join(" "));
      } catch (e) {
        expect(e).toBeInstanceOf(UsageError);
        expect((e as UsageError).key).toBe(key);
        expect(msg("zh-CN", (e as UsageError).key, (e as UsageError).params)).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    // --style belongs to narrate only
    expect(() => parseCommandArgs("check", ["--style", "sichuan"])).toThrow(UsageError);
    expect(parseCommandArgs("narrate", ["f.xlsx", "--style", "shanghai"]).options.style).toBe("shanghai");
  });
});

describe("input collection", () => {
  it("walks folders recursively for workbooks, skipping lock files, and reports empty folders and missing paths", async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, "a", "b"), { recursive: true });
    mkdirSync(path.join(dir, "empty"));
    for (const f of ["a/x.xlsx", "a/b/y.XLSM", "a/b/z.et", "a/~$x.xlsx", "a/notes.txt", "old.xls"]) writeFileSync(path.join(dir, f), "x");
    const r = await collectInputs([path.join(dir, "a"), path.join(dir, "old.xls"), path.join(dir, "a", "x.xlsx"), path.join(dir, "empty"), path.join(dir, "missing")]);
    expect(r.files.map((f) => path.relative(dir, f))).toEqual([path.join("a", "b", "y.XLSM"), path.join("a", "b", "z.et"), path.join("a", "x.xlsx"), "old.xls"]);
    expect(r.problems.map((p) => p.code)).toEqual(["no-workbooks", "not-found"]);
  });
});

describe("terminal text", () => {
  it("strips control and bidi characters from untrusted text and measures CJK width", () => {
    expect(safeText("表\u001b[31m一\u202e\u0007")).toBe("表[31m一");
    expect(displayWidth("表1")).toBe(3);
  });
});
