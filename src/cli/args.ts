/** Argument parsing for the commands. Small and strict: unknown options are usage errors (exit 2). */
import type { MessageKey } from "./messages";

export type Command = "check" | "narrate" | "verify" | "recognize" | "inputs" | "rules";
export const COMMANDS: Command[] = ["check", "narrate", "verify", "recognize", "inputs", "rules"];

/** A usage problem: rendered with the message key, exit code 2. */
export class UsageError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
  }
}

interface OptionSpec {
  /** "list": repeatable, the values collected in order. */
  kind: "string" | "boolean" | "int" | "list";
  values?: readonly string[];
}

const COMMON: Record<string, OptionSpec> = {
  lang: { kind: "string", values: ["zh", "zh-CN", "en", "en-US"] },
  debug: { kind: "boolean" },
  help: { kind: "boolean" },
  reader: { kind: "string", values: ["lean", "exceljs", "exceljs-stream"] },
  "max-size": { kind: "int" },
  "max-rows": { kind: "int" },
};

const SPECS: Record<Command, Record<string, OptionSpec>> = {
  check: {
    format: { kind: "string", values: ["text", "json", "junit"] },
    mark: { kind: "string" },
    rules: { kind: "string" },
    policy: { kind: "string", values: ["interval", "exact"] },
    jobs: { kind: "int" },
    stats: { kind: "boolean" },
  },
  narrate: {
    style: { kind: "string", values: ["sichuan", "shanghai"] },
    "style-option": { kind: "list" },
    "style-file": { kind: "string" },
    format: { kind: "string", values: ["text", "json"] },
    out: { kind: "string" },
  },
  verify: { format: { kind: "string", values: ["text", "json"] }, style: { kind: "string", values: ["sichuan", "shanghai"] } },
  recognize: { format: { kind: "string", values: ["text", "json"] } },
  inputs: {
    format: { kind: "string", values: ["text", "json"] },
    out: { kind: "string" },
  },
  rules: { format: { kind: "string", values: ["text", "json"] } },
};

export interface ParsedArgs {
  command: Command;
  positionals: string[];
  options: Record<string, string | number | boolean | string[]>;
}

/** Parse argv after the command name. Throws UsageError. */
export function parseCommandArgs(command: Command, argv: string[]): ParsedArgs {
  const spec = { ...COMMON, ...SPECS[command] };
  const positionals: string[] = [];
  const options: Record<string, string | number | boolean | string[]> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === "-h") {
      options.help = true;
      continue;
    }
    if (!arg.startsWith("--") || arg === "-") {
      if (arg.startsWith("-") && arg !== "-") throw new UsageError("usage.unknown-option", { arg });
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const s = spec[name];
    if (!s) throw new UsageError("usage.unknown-option", { arg: `--${name}` });
    if (s.kind === "boolean") {
      options[name] = true;
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length) value = argv[++i];
    if (value === undefined || value === "") throw new UsageError("usage.missing-value", { arg: `--${name}` });
    if (s.kind === "list") {
      const list = (options[name] as string[] | undefined) ?? [];
      list.push(value);
      options[name] = list;
    } else if (s.kind === "int") {
      if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError("usage.bad-number", { arg: `--${name}`, value });
      options[name] = Number(value);
    } else {
      if (s.values && !s.values.includes(value)) {
        throw new UsageError("usage.bad-value", { arg: `--${name}`, value, allowed: s.values.join(", ") });
      }
      options[name] = value;
    }
  }
  return { command, positionals, options };
}
