// npm run demo: the CLI's main job on the sample workbook — check, narrate, verify, and a marked copy in out/.
// Exit codes 0 (clean) and 1 (findings shown) are both a successful demo; only 2 (unreadable / usage) fails it.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const cli = path.join(root, "dist-cli", "caijue.cjs");
const workbook = path.join("examples", "seed-2019-sichuan.xlsx");
const narrative = path.join("examples", "seed-2019-narrative.txt");

function run(args) {
  return spawnSync(process.execPath, args, { cwd: root, stdio: "inherit" });
}

if (!existsSync(cli)) {
  const b = run([path.join("scripts", "build-cli.mjs")]);
  if (b.status !== 0 || !existsSync(cli)) {
    console.error("演示失败：CLI 构建失败（npm run build:cli）");
    process.exit(1);
  }
}
for (const f of [workbook, narrative]) {
  if (!existsSync(path.join(root, f))) {
    console.error(`演示失败：缺少示例文件 ${f}（运行 npm run fixtures 生成）`);
    process.exit(1);
  }
}

const steps = [
  ["1. 校验示例工作簿（四川省某单位 2019 年决算）", ["check", workbook]],
  ["2. 生成情况说明（四川文风）", ["narrate", workbook, "--style", "sichuan"]],
  ["3. 核对该单位自己发布的情况说明", ["verify", workbook, narrative]],
  ["4. 写出带标记的副本到 out/", ["check", workbook, "--mark", "out"]],
];

let failed = false;
for (const [title, args] of steps) {
  console.log(`\n══ ${title} ══`);
  console.log(`$ caijue ${args.join(" ")}\n`);
  const r = run([cli, ...args]);
  const note =
    r.status === 0 ? (args[0] === "narrate" ? "（退出码 0：已生成）" : "（退出码 0：没有强制问题）") : r.status === 1 ? "（退出码 1：发现需要修改的问题，见上）" : `（退出码 ${r.status}：出错）`;
  console.log(`\n${note}`);
  if (r.status !== 0 && r.status !== 1) failed = true;
}
console.log(failed ? "\n演示中有步骤出错。" : "\n演示完成。标记副本：out/seed-2019-sichuan-校验.xlsx");
process.exit(failed ? 1 : 0);
