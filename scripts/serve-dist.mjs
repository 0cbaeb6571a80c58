#!/usr/bin/env node
// A small static https server for the built add-in (dist/) on an intranet host, with nothing but Node:
//
//   node scripts/serve-dist.mjs --cert server.crt --key server.key [--port 443] [--dir dist] [--host 0.0.0.0]
//
// It serves files only (GET and HEAD), with the content types Office expects (manifest XML, JSON metadata,
// scripts, PNG icons), refuses any path that leaves the folder (../, encoded ../, symbolic links out of it,
// NUL bytes) and never lists a directory. Files are sent with `Cache-Control: no-cache` so that, after an update,
// Excel revalidates them instead of keeping the previous version's functions.js (file names carry no hash).
// docs/部署.md describes how to run it as a service; nginx or IIS can do the same job.
import { createReadStream, readFileSync, realpathSync, statSync } from "node:fs";
import { createServer } from "node:https";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** Content types by extension; anything else is application/octet-stream. */
export const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
};

const USAGE = `用法：node scripts/serve-dist.mjs --cert <证书.crt> --key <私钥.key> [--port 443] [--dir dist] [--host 0.0.0.0]

用 https 提供 dist/ 目录中的加载项文件（只读，不列目录，拒绝跳出目录的路径）。
  --cert <文件>   服务器证书（PEM；可含中间证书）
  --key <文件>    证书私钥（PEM）
  --port <端口>   监听端口（默认 443；0 表示任选一个空闲端口）
  --dir <目录>    要提供的目录（默认 dist）
  --host <地址>   监听地址（默认 0.0.0.0，即本机所有网卡）`;

/** Parse the command line; returns the options or an error message (Chinese, for the operator). */
export function parseArgs(argv) {
  const opts = { port: 443, dir: "dist", host: "0.0.0.0" };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") return { help: true };
    const m = /^--(cert|key|port|dir|host)(?:=(.*))?$/.exec(arg);
    if (!m) return { error: `未知参数：${arg}` };
    const value = m[2] ?? argv[++i];
    if (value === undefined || value === "") return { error: `参数 --${m[1]} 缺少值` };
    if (m[1] === "port") {
      if (!/^\d+$/.test(value) || Number(value) > 65535) return { error: `端口无效：${value}` };
      opts.port = Number(value);
    } else opts[m[1]] = value;
  }
  if (!opts.cert || !opts.key) return { error: "必须给出 --cert 和 --key（https 证书与私钥）" };
  return { opts };
}

/**
 * Map a request path to a file inside root, or undefined when it is not a servable file of root.
 * root must be a real path (no symbolic links), so the final realpath comparison catches links that leave it.
 */
export function resolveRequest(root, rawUrl) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(rawUrl, "https://x").pathname);
  } catch {
    return undefined; // malformed %-encoding
  }
  if (pathname.includes("\0") || pathname.includes("\\")) return undefined;
  // Any ".." segment is refused outright rather than normalised away: no legitimate add-in URL contains one.
  if (pathname.split("/").some((seg) => seg === "..")) return undefined;
  const candidate = resolve(join(root, pathname === "/" ? "index.html" : pathname));
  if (candidate !== root && !candidate.startsWith(root + sep)) return undefined;
  let real;
  try {
    real = realpathSync(candidate);
    if (!statSync(real).isFile()) return undefined;
  } catch {
    return undefined;
  }
  if (!real.startsWith(root + sep)) return undefined;
  return real;
}

/** Create (not start) the https server for dir with the given TLS options. */
export function createDistServer(dir, tls) {
  const root = realpathSync(resolve(dir));
  return createServer(tls, (req, res) => {
    const headers = { "X-Content-Type-Options": "nosniff", "Cache-Control": "no-cache" };
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { ...headers, Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8" }).end("method not allowed");
      return;
    }
    const file = resolveRequest(root, req.url ?? "/");
    if (!file) {
      res.writeHead(404, { ...headers, "Content-Type": "text/plain; charset=utf-8" }).end("not found");
      return;
    }
    const stat = statSync(file);
    res.writeHead(200, {
      ...headers,
      "Content-Type": CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
      "Content-Length": stat.size,
      "Last-Modified": stat.mtime.toUTCString(),
    });
    if (req.method === "HEAD") res.end();
    else createReadStream(file).on("error", () => res.destroy()).pipe(res);
  });
}

function main() {
  const parsed = parseArgs(process.argv.slice(2));
  if (parsed.help) {
    console.log(USAGE);
    return;
  }
  if (parsed.error) {
    console.error(`${parsed.error}\n\n${USAGE}`);
    process.exit(2);
  }
  const { opts } = parsed;
  let tls;
  try {
    tls = { cert: readFileSync(opts.cert), key: readFileSync(opts.key) };
  } catch (e) {
    console.error(`无法读取证书或私钥：${e.message}`);
    process.exit(2);
  }
  let dirStat;
  try {
    dirStat = statSync(opts.dir);
  } catch {
    dirStat = undefined;
  }
  if (!dirStat?.isDirectory()) {
    console.error(`目录不存在：${opts.dir}（先运行 npm run build:intranet）`);
    process.exit(2);
  }
  let server;
  try {
    server = createDistServer(opts.dir, tls);
  } catch (e) {
    console.error(`证书或私钥无效：${e.message}`);
    process.exit(2);
  }
  server.on("error", (e) => {
    console.error(`无法监听 ${opts.host}:${opts.port}：${e.message}`);
    process.exit(1);
  });
  server.listen(opts.port, opts.host, () => {
    const { port } = server.address();
    // The test reads this line to learn the port when --port 0 is given.
    console.log(`serving ${resolve(opts.dir)} at https://${opts.host}:${port}/`);
  });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
