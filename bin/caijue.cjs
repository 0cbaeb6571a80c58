#!/usr/bin/env node
"use strict";
// Launcher for the bundled CLI (built by scripts/build-cli.mjs, run automatically by `npm ci` / `npm install`).
const path = require("node:path");
const fs = require("node:fs");
const bundle = path.join(__dirname, "..", "dist-cli", "caijue.cjs");
if (!fs.existsSync(bundle)) {
  process.stderr.write("caijue：命令行尚未构建，请先运行 npm run build:cli（CLI not built yet: run npm run build:cli）\n");
  process.exit(2);
}
require(bundle).cli();
