/** caijue: the command-line entry. Parses the command, runs it, sets the exit code; no stack trace unless --debug. */
import type { Lang } from "../core/i18n/lang";
import { COMMANDS, parseCommandArgs, UsageError, type Command } from "./args";
import { runCheck } from "./commands/check";
import { runExplain } from "./commands/explain";
import { runInputs } from "./commands/inputs";
import { runNarrate } from "./commands/narrate";
import { runRecognize } from "./commands/recognize";
import { runRules } from "./commands/rules";
import { runVerify } from "./commands/verify";
import { helpText } from "./help";
import { launchInfo } from "./launch/info";
import { processIo, type Io } from "./io";
import { msg } from "./messages";

declare const __CAIJUE_VERSION__: string;

function langOf(argv: string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = a.startsWith("--lang=") ? a.slice(7) : a === "--lang" ? argv[i + 1] : undefined;
    if (v) return v.startsWith("en") ? "en-US" : "zh-CN";
  }
  return "zh-CN";
}

/** Run the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const lang = langOf(argv);
  const debug = argv.includes("--debug");
  const first = argv[0];
  if (first === "--version" || first === "-V" || first === "-v") {
    io.out(`${typeof __CAIJUE_VERSION__ === "string" ? __CAIJUE_VERSION__ : "dev"}\n`);
    return 0;
  }
  if (first === undefined || first === "--help" || first === "-h" || first === "help" || first.startsWith("--lang")) {
    io.out(helpText(lang) + "\n");
    return first === undefined ? 2 : 0;
  }
  if (!COMMANDS.includes(first as Command)) {
    io.err(`caijue: ${msg(lang, "usage.unknown-command", { arg: first })}\n${msg(lang, "usage.see-help", { cmd: "" }).replace("  ", " ")}\n`);
    return 2;
  }
  const command = first as Command;
  try {
    const args = parseCommandArgs(command, argv.slice(1));
    if (args.options.help) {
      io.out(helpText(lang, command) + "\n");
      return 0;
    }
    switch (command) {
      case "check":
        return await runCheck(args, lang, io);
      case "narrate":
        return await runNarrate(args, lang, io);
      case "verify":
        return await runVerify(args, lang, io);
      case "recognize":
        return await runRecognize(args, lang, io);
      case "inputs":
        return await runInputs(args, lang, io);
      case "rules":
        return await runRules(args, lang, io);
      case "explain":
        return await runExplain(args, lang, io);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`caijue ${command}: ${msg(lang, e.key, e.params)}\n${msg(lang, "usage.see-help", { cmd: command })}\n`);
      return 2;
    }
    io.err(`caijue ${command}: ${msg(lang, "read.internal")}\n`);
    if (debug) io.err(`${(e as Error)?.stack ?? String(e)}\n`);
    return 2;
  }
}

/** Run with the process's arguments and set the exit code (dist-cli/caijue.cjs calls this after loading the bundle). */
export function cli(launch?: { codeCache: string }): void {
  if (launch) launchInfo.codeCache = launch.codeCache;
  // `caijue … | head` closes the pipe early: stop quietly instead of printing an EPIPE stack.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE") process.exit(typeof process.exitCode === "number" ? process.exitCode : 0);
      throw e;
    });
  }
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

// Also runnable directly, without the code cache: node dist-cli/caijue-main.cjs …
if (require.main === module) cli();
