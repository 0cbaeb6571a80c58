// Offline checks of manifest.xml: what Microsoft's online validator would catch plus what our architecture needs
// (one shared runtime, one origin, every ribbon action registered in the source, icons at their declared sizes).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { expect } from "../support/expect";
import { describe, it } from "mocha";
import { findXmllint, repoRoot, shouldSkip } from "../browser/harness";
import { allElements, child, findAll, findOne, parseXml, pathOf, type XmlElement } from "./xml";
import { itShared, sharedPath } from "../support/shared";

const manifestPath = join(repoRoot, "manifest.xml");
const xsdPath = sharedPath("office-manifest-xsd", "OfficeAppManifestV1_1.xsd");
const manifest = parseXml(readFileSync(manifestPath, "utf8"));
const versionOverrides = findOne(manifest, "VersionOverrides");
const workbookHost = findAll(versionOverrides, "Host").find((h) => h.attrs["xsi:type"] === "Workbook");
const resources = findOne(versionOverrides, "Resources");

type ResourceKind = "Images" | "Urls" | "ShortStrings" | "LongStrings";
function resourceTable(kind: ResourceKind): Map<string, XmlElement> {
  const section = child(resources, kind);
  return new Map((section?.children ?? []).map((e) => [e.attrs.id, e]));
}
const tables: Record<ResourceKind, Map<string, XmlElement>> = {
  Images: resourceTable("Images"),
  Urls: resourceTable("Urls"),
  ShortStrings: resourceTable("ShortStrings"),
  LongStrings: resourceTable("LongStrings"),
};

/** Which resource table a resid must come from, by the element that uses it. */
function expectedKind(user: XmlElement): ResourceKind {
  if (user.name === "Image") return "Images";
  if (["SourceLocation", "FunctionFile", "Runtime", "LearnMoreUrl"].includes(user.name)) return "Urls";
  if (user.name === "Description" && user.parent?.name !== "OfficeApp") return "LongStrings";
  return "ShortStrings";
}

function resolveResid(resid: string): XmlElement | undefined {
  for (const t of Object.values(tables)) if (t.has(resid)) return t.get(resid);
  return undefined;
}

function enUsOverride(el: XmlElement): string | undefined {
  return el.children.find((c) => c.name === "Override" && c.attrs.Locale === "en-US")?.attrs.Value;
}

const CJK = /[\u3400-\u9fff\uff00-\uffef]/;

function walkSource(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walkSource(p) : /\.(ts|tsx|js)$/.test(name) ? [p] : [];
  });
}

/** PNG width and height from the IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const buf = readFileSync(file);
  const signature = "89504e470d0a1a0a";
  if (buf.subarray(0, 8).toString("hex") !== signature || buf.subarray(12, 16).toString("ascii") !== "IHDR") {
    throw new Error(`${file} is not a PNG`);
  }
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** Every URL written in the manifest (attribute values and text), with where it was found. */
function allUrls(): { url: string; where: string }[] {
  const out: { url: string; where: string }[] = [];
  for (const el of allElements(manifest)) {
    for (const [name, value] of Object.entries(el.attrs)) {
      if (/^\w+:\/\//.test(value) && !name.startsWith("xmlns")) out.push({ url: value, where: `${pathOf(el)}@${name}` });
    }
    const text = el.text.trim();
    if (/^\w+:\/\//.test(text)) out.push({ url: text, where: pathOf(el) });
  }
  return out;
}

describe("manifest.xml", () => {
  it("is a task pane add-in for Excel with zh-CN as default locale", () => {
    expect(manifest.name).toBe("OfficeApp");
    expect(manifest.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(findOne(manifest, "DefaultLocale").text.trim()).toBe("zh-CN");
    expect(child(child(manifest, "Hosts")!, "Host")?.attrs.Name).toBe("Workbook");
    expect(workbookHost).toBeDefined();
  });

  it("requires SharedRuntime 1.1", () => {
    const top = child(manifest, "Requirements");
    const set = top && findAll(top, "Set").find((s) => s.attrs.Name === "SharedRuntime");
    expect(set?.attrs.MinVersion).toBe("1.1");
  });

  it("has <Runtimes> as the first child of <Host>, with one long-lived runtime", () => {
    for (const host of findAll(versionOverrides, "Host")) {
      expect(host.children[0]?.name, pathOf(host)).toBe("Runtimes");
    }
    const runtimes = findAll(workbookHost!, "Runtime");
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0].attrs.lifetime).toBe("long");
  });

  it("uses one resid for the runtime, the custom-functions page, the function file and the task pane", () => {
    const runtime = findOne(workbookHost!, "Runtime").attrs.resid;
    const customFunctions = findAll(workbookHost!, "ExtensionPoint").find((e) => e.attrs["xsi:type"] === "CustomFunctions");
    expect(customFunctions, "CustomFunctions extension point").toBeDefined();
    const page = findOne(child(customFunctions!, "Page")!, "SourceLocation").attrs.resid;
    const functionFile = findOne(workbookHost!, "FunctionFile").attrs.resid;
    const showTaskpane = findAll(workbookHost!, "Action")
      .filter((a) => a.attrs["xsi:type"] === "ShowTaskpane")
      .map((a) => child(a, "SourceLocation")!.attrs.resid);
    expect(new Set([runtime, page, functionFile, ...showTaskpane])).toEqual(new Set([runtime]));
    // The runtime page is the task pane page named in DefaultSettings.
    const defaultPage = findOne(child(manifest, "DefaultSettings")!, "SourceLocation").attrs.DefaultValue;
    expect(tables.Urls.get(runtime)?.attrs.DefaultValue).toBe(defaultPage);
  });

  it("declares the custom functions with namespace CJ and metadata functions.json", () => {
    const cf = findAll(workbookHost!, "ExtensionPoint").find((e) => e.attrs["xsi:type"] === "CustomFunctions")!;
    const ns = tables.ShortStrings.get(child(cf, "Namespace")!.attrs.resid);
    expect(ns?.attrs.DefaultValue).toBe("CJ");
    expect(enUsOverride(ns!)).toBe("CJ");
    // One metadata file per language: zh-CN names by default, the JSDoc-generated English file for en-US.
    const metadata = tables.Urls.get(findOne(child(cf, "Metadata")!, "SourceLocation").attrs.resid)!;
    expect(new URL(metadata.attrs.DefaultValue).pathname).toBe("/functions.zh-CN.json");
    expect(new URL(enUsOverride(metadata)!).pathname).toBe("/functions.json");
    const script = tables.Urls.get(findOne(child(cf, "Script")!, "SourceLocation").attrs.resid)!;
    expect(new URL(script.attrs.DefaultValue).pathname).toBe("/functions.js");
  });

  it("defines every resid it uses, in the right resource table, and uses every resource it defines", () => {
    const used = allElements(versionOverrides).filter((e) => e.attrs.resid !== undefined);
    const missing = used
      .filter((e) => !tables[expectedKind(e)].has(e.attrs.resid))
      .map((e) => `${pathOf(e)} resid=${e.attrs.resid} (expected in ${expectedKind(e)})`);
    expect(missing).toEqual([]);
    const usedIds = new Set(used.map((e) => e.attrs.resid));
    const unused = Object.values(tables).flatMap((t) => [...t.keys()].filter((id) => !usedIds.has(id)));
    expect(unused).toEqual([]);
    for (const id of usedIds) expect(id.length, id).toBeLessThanOrEqual(32);
  });

  it("puts every URL on https and one origin", () => {
    const urls = allUrls();
    expect(urls.length).toBeGreaterThan(5);
    const notHttps = urls.filter((u) => !u.url.startsWith("https://")).map((u) => `${u.where}: ${u.url}`);
    expect(notHttps).toEqual([]);
    const origins = new Set(urls.map((u) => new URL(u.url).origin));
    expect([...origins]).toHaveLength(1);
    const appDomains = findAll(manifest, "AppDomain").map((d) => d.text.trim());
    expect(appDomains.every((d) => origins.has(d))).toBe(true);
  });

  it("points each URL at a file the build produces", () => {
    // Source of each dist/ path (see webpack.config.js): templates, entries, copied folders, generated metadata.
    const sourceOf = (path: string): string | undefined => {
      if (path === "/taskpane.html") return "src/taskpane/taskpane.html";
      if (path === "/functions.js" || path === "/functions.json") return "src/functions/functions.ts";
      if (path === "/functions.zh-CN.json") return "src/functions/locale-zh-CN.json";
      if (path.startsWith("/assets/")) return path.slice(1);
      if (path.startsWith("/help/")) return "src" + path;
      return undefined;
    };
    const problems = allUrls()
      .filter((u) => !/^https:\/\/[^/]+\/?$/.test(u.url)) // origin-only URLs (AppDomain) name no file
      .map((u) => ({ ...u, source: sourceOf(new URL(u.url).pathname) }))
      .filter((u) => !u.source || !existsSync(join(repoRoot, u.source)))
      .map((u) => `${u.where}: ${u.url} → ${u.source ?? "no build rule"}`);
    expect(problems).toEqual([]);
  });

  it("has a 财决 tab with 校验, 清除标记 (ExecuteFunction) and 助手 (ShowTaskpane)", () => {
    const tab = findOne(workbookHost!, "CustomTab");
    const tabLabel = tables.ShortStrings.get(child(tab, "Label")!.attrs.resid)!;
    expect(tabLabel.attrs.DefaultValue).toBe("财决");
    expect(enUsOverride(tabLabel)).toBe("Final Accounts");
    const buttons = findAll(tab, "Control").map((c) => ({
      label: tables.ShortStrings.get(child(c, "Label")!.attrs.resid)!.attrs.DefaultValue,
      action: child(c, "Action")!,
    }));
    const byLabel = new Map(buttons.map((b) => [b.label, b.action]));
    expect(byLabel.get("校验")?.attrs["xsi:type"]).toBe("ExecuteFunction");
    expect(child(byLabel.get("校验")!, "FunctionName")?.text.trim()).toBe("validateWorkbook");
    expect(byLabel.get("清除标记")?.attrs["xsi:type"]).toBe("ExecuteFunction");
    expect(byLabel.get("助手")?.attrs["xsi:type"]).toBe("ShowTaskpane");
  });

  it("registers each ExecuteFunction FunctionName with Office.actions.associate in src, and no others", () => {
    const declared = findAll(workbookHost!, "FunctionName").map((f) => f.text.trim());
    expect(declared.length).toBeGreaterThan(0);
    const registered = new Map<string, string>();
    const re = /Office\.actions\.associate\(\s*["'`]([^"'`]+)["'`]/g;
    for (const file of walkSource(join(repoRoot, "src"))) {
      for (const m of readFileSync(file, "utf8").matchAll(re)) registered.set(m[1], relative(repoRoot, file));
    }
    expect(declared.filter((name) => !registered.has(name))).toEqual([]);
    expect([...registered.keys()].filter((name) => !declared.includes(name))).toEqual([]);
  });

  it("has icons that exist at their declared sizes", () => {
    const checks: { file: string; size: number; where: string }[] = [];
    const fileOf = (url: string) => join(repoRoot, new URL(url).pathname.slice(1));
    for (const image of findAll(workbookHost!, "Image")) {
      const resource = tables.Images.get(image.attrs.resid)!;
      const size = Number(image.attrs.size);
      for (const url of [resource.attrs.DefaultValue, enUsOverride(resource)!]) {
        checks.push({ file: fileOf(url), size, where: `${pathOf(image)} ${image.attrs.resid}` });
      }
    }
    checks.push({ file: fileOf(findOne(manifest, "IconUrl").attrs.DefaultValue), size: 32, where: "IconUrl" });
    checks.push({ file: fileOf(findOne(manifest, "HighResolutionIconUrl").attrs.DefaultValue), size: 64, where: "HighResolutionIconUrl" });
    // Every control and group carries the three ribbon sizes.
    for (const icon of findAll(workbookHost!, "Icon")) {
      expect(findAll(icon, "Image").map((i) => i.attrs.size).sort(), pathOf(icon.parent!)).toEqual(["16", "32", "80"]);
    }
    const wrong = checks
      .map((c) => {
        if (!existsSync(c.file)) return `${c.where}: missing ${relative(repoRoot, c.file)}`;
        const { width, height } = pngSize(c.file);
        return width === c.size && height === c.size ? undefined : `${c.where}: ${width}×${height}, declared ${c.size}`;
      })
      .filter(Boolean);
    expect(wrong).toEqual([]);
    // Nothing in assets/ that the manifest does not name (unused icons only confuse whoever edits them).
    const named = new Set(checks.map((c) => relative(repoRoot, c.file)));
    expect(readdirSync(join(repoRoot, "assets")).map((f) => `assets/${f}`).filter((f) => !named.has(f))).toEqual([]);
  });

  it("ships icons that scripts/gen-icons.mjs reproduces byte for byte", async () => {
    const script = pathToFileURL(join(repoRoot, "scripts/gen-icons.mjs")).href;
    const { renderIcons } = (await import(script)) as { renderIcons(): Map<string, Buffer> };
    const icons = renderIcons();
    expect(icons.size).toBe(10);
    const stale = [...icons].filter(([file, png]) => !readFileSync(join(repoRoot, "assets", file)).equals(png)).map(([f]) => f);
    expect(stale, "run node scripts/gen-icons.mjs").toEqual([]);
  });

  it("gives every user-visible zh-CN string an en-US override in English", () => {
    const localized = allElements(manifest).filter((e) => e.attrs.DefaultValue !== undefined);
    expect(localized.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const el of localized) {
      const en = enUsOverride(el);
      const label = `${pathOf(el)}${el.attrs.id ? `#${el.attrs.id}` : ""}`;
      if (!en) problems.push(`${label}: no en-US override`);
      else if (CJK.test(en)) problems.push(`${label}: en-US override still contains Chinese: ${en}`);
    }
    expect(problems).toEqual([]);
    // The strings people read are Chinese by default.
    for (const id of ["Tab.Label", "Validate.Label", "Clear.Label", "Pane.Label"]) {
      expect(resolveResid(id)?.attrs.DefaultValue, id).toMatch(CJK);
    }
  });

  const xmllint = findXmllint();
  const skipXmllint = shouldSkip(xmllint, "REQUIRE_XMLLINT", "manifest.xml schema validation with xmllint");
  (skipXmllint ? it.skip : itShared)("validates against the Office manifest schemas with xmllint", () => {
    if (!xmllint.path) throw new Error(`REQUIRE_XMLLINT=1 but ${xmllint.reason}`);
    expect(existsSync(xsdPath), xsdPath).toBe(true);
    const r = spawnSync(xmllint.path, ["--noout", "--schema", xsdPath, manifestPath], { encoding: "utf8" });
    expect(r.stderr.trim()).toBe(`${manifestPath} validates`);
    expect(r.status).toBe(0);
  });
});
