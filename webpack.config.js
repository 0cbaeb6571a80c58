// Builds the add-in into dist/: one page (taskpane.html) that is also the shared runtime, so it loads the custom
// functions, the ribbon commands and the task pane UI; plus functions.json (+ zh-CN), icons, help pages, the
// ribbon result dialog and the manifest.
//
//   webpack --mode production                 CDN office.js (what Microsoft requires for store/production add-ins)
//   webpack --mode production --env intranet  office.js served from dist/office-js/ (intranets without the CDN)
//   webpack --env origin=https://addin.example.gov.cn   rewrite the manifest origin in dist/manifest.xml
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const DEV_ORIGIN = "https://localhost:3000";
const DEV_PORT = 3000;
const CDN_OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const FUNCTIONS_SOURCE = "./src/functions/functions.ts";

/**
 * Certificates made by `npx office-addin-dev-certs install` live in ~/.office-addin-dev-certs. We read the files
 * ourselves instead of calling the package, because its API installs a CA with sudo when the files are missing.
 */
function devServerHttps() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  const present = Object.values(files).every((f) => fs.existsSync(path.join(dir, f)));
  if (!present) {
    console.warn(
      "[dev-server] 未找到 ~/.office-addin-dev-certs 证书，使用临时自签名证书；Excel 可能拒绝加载。请先运行一次 npx office-addin-dev-certs install。\n" +
        "[dev-server] No certificates in ~/.office-addin-dev-certs; using a throwaway self-signed one that Excel may reject. Run `npx office-addin-dev-certs install` once.",
    );
    return { type: "https" };
  }
  const read = (f) => fs.readFileSync(path.join(dir, f));
  return { type: "https", options: { key: read(files.key), cert: read(files.cert), ca: read(files.ca) } };
}

/** Rewrites the dev origin in emitted JSON (the functions' @helpurl) when the build targets another origin. */
class RewriteOriginPlugin {
  constructor(origin) {
    this.origin = origin;
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("RewriteOriginPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "RewriteOriginPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE },
        (assets) => {
          for (const name of Object.keys(assets).filter((n) => n.endsWith(".json"))) {
            const text = assets[name].source().toString();
            if (text.includes(DEV_ORIGIN)) {
              compilation.updateAsset(name, new sources.RawSource(text.split(DEV_ORIGIN).join(this.origin)));
            }
          }
        },
      );
    });
  }
}

module.exports = async (env = {}, argv = {}) => {
  // zh-CN twin of functions.json (custom functions area); an ES module, hence the async config.
  const { LocalizeFunctionsPlugin } = await import("./scripts/localize-functions.mjs");
  const dev = argv.mode !== "production";
  const intranet = Boolean(env.intranet);
  const officeJsUrl = intranet ? "office-js/office.js" : CDN_OFFICE_JS;
  // Content-Security-Policy of our pages: scripts only from our own origin and office.js's CDN (the intranet build
  // serves office.js itself), no eval, no plugins; styles inline because Fluent UI inserts its rules at run time.
  // Office.js talks to Excel through postMessage, which CSP does not govern; we make no requests of our own.
  const scriptSources = intranet ? "'self'" : `'self' ${new URL(CDN_OFFICE_JS).origin}`;
  const csp = [
    "default-src 'self'",
    `script-src ${scriptSources}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src ${scriptSources}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  const origin = typeof env.origin === "string" ? env.origin.replace(/\/$/, "") : DEV_ORIGIN;

  const copyPatterns = [
    { from: "assets/*.png", to: "assets/[name][ext]" },
    { from: "src/help", to: "help" },
    {
      from: "manifest.xml",
      to: "manifest.xml",
      transform: (content) => (origin === DEV_ORIGIN ? content : content.toString().split(DEV_ORIGIN).join(origin)),
    },
  ];
  if (intranet) {
    // office.js loads host- and locale-specific files next to itself, so the whole dist folder is needed.
    copyPatterns.push({
      from: "node_modules/@microsoft/office-js/dist",
      to: "office-js",
      globOptions: { ignore: ["**/*.debug.js", "**/office-vsdoc.js", "**/*.d.ts"] },
      // Microsoft ships these minified; without this flag terser would spend minutes re-minifying 250 files.
      info: { minimized: true },
    });
  }

  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    entry: {
      functions: FUNCTIONS_SOURCE,
      commands: "./src/commands/commands.ts",
      taskpane: "./src/taskpane/index.tsx",
      // the small result dialog the ribbon 校验 command opens (displayDialogAsync needs a page of its own)
      dialog: "./src/dialog/result.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      // No content hash: the manifest names functions.js directly.
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // The pane renders with Preact through its React-compatible layer: the same components, hooks and DOM, at a
      // fraction of react-dom's weight (the pane's bundle size is a target in bench/). The source keeps React's
      // types and imports; only the bundle swaps the implementation. Fluent UI's context selector asks the
      // `scheduler` package only for runWithPriority, which Preact's compat layer provides.
      alias: {
        "react-dom/client$": "preact/compat/client",
        "react-dom$": "preact/compat",
        "react/jsx-runtime$": "preact/jsx-runtime",
        "react$": "preact/compat",
        scheduler$: "preact/compat/scheduler",
      },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // Type errors are reported by `npm run typecheck`; isolatedModules makes per-file emit safe.
              transpileOnly: true,
              // ES modules let webpack tree-shake (the functions bundle shrinks several-fold).
              // ES2020: webpack's runtime chunk (every page loads it) uses optional chaining and Fluent UI's focus
              // library ships ES2022 (`??=`, static blocks), so the add-in needs a current engine anyway;
              // down-levelling our own code to ES2017 only made it larger.
              compilerOptions: { module: "ESNext", target: "ES2020", sourceMap: dev, noEmit: false },
            },
          },
        },
      ],
    },
    plugins: [
      // functions.json (en-US, from the JSDoc) and functions.zh-CN.json (the manifest's default-locale metadata).
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTIONS_SOURCE }),
      new LocalizeFunctionsPlugin({ input: "functions.json", output: "functions.zh-CN.json" }),
      ...(origin === DEV_ORIGIN ? [] : [new RewriteOriginPlugin(origin)]),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Order matters: functions and commands register before the UI mounts.
        chunks: ["functions", "commands", "taskpane"],
        chunksSortMode: "manual",
        templateParameters: { officeJsUrl, csp },
      }),
      new HtmlWebpackPlugin({
        filename: "dialog.html",
        template: "./src/dialog/result.html",
        chunks: ["dialog"],
        templateParameters: { officeJsUrl, csp },
      }),
      new CopyWebpackPlugin({ patterns: copyPatterns }),
    ],
    // One webpack runtime for the three entries: they run in one page (the shared runtime), so a module they share
    // (e.g. state in src/excel or src/functions) is instantiated once, not once per bundle; shared code is split out.
    // mangleExports "size": the shortest export names for the most used exports (no file name depends on them).
    optimization: { runtimeChunk: "single", splitChunks: { chunks: "all" }, mangleExports: dev ? false : "size" },
    // The bundles are served from localhost or an intranet server, not over a slow link; size is tracked in bench/.
    performance: { hints: false },
    // Only `webpack serve` needs certificates; plain builds must not look for them.
    devServer: env.WEBPACK_SERVE
      ? {
          // Excel reaches the add-in at https://localhost:3000; nothing else on the network needs it.
          host: "localhost",
          port: DEV_PORT,
          server: devServerHttps(),
          headers: { "Access-Control-Allow-Origin": "*" },
          static: false,
          hot: false,
          client: { overlay: false },
        }
      : undefined,
  };
};
