#!/usr/bin/env node
"use strict";
// Launcher for the bundled CLI (built by scripts/build-cli.mjs, run automatically by `npm ci` / `npm install`).
const path = require("node:path");
const fs = require("node:fs");
const dist = path.join(__dirname, "..", "dist-cli");
if (!fs.existsSync(path.join(dist, "caijue.cjs")) || !fs.existsSync(path.join(dist, "caijue-main.cjs"))) {
  process.stderr.write("caijue：命令行尚未构建，请先运行 npm run build:cli（CLI not built yet: run npm run build:cli）\n");
  process.exit(2);
}
require(path.join(dist, "caijue.cjs")).cli();
