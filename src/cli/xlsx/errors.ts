/** Why a file could not be read; rendered to one zh-CN / en-US line by src/cli/messages.ts. */
export type ReadErrorCode =
  | "not-found"
  | "no-access"
  | "empty"
  | "too-large"
  | "encrypted"
  | "old-xls"
  | "not-zip"
  | "truncated"
  | "not-workbook"
  | "xls-no-converter"
  | "xls-convert-failed"
  | "io"
  /** The package would inflate past the expanded-size limit (a probable zip bomb). */
  | "too-expanded"
  /** One part (a worksheet, the shared strings …) could not be read; detail names it. */
  | "part-unreadable"
  /** A part other than a worksheet (shared strings, styles …) could not be read; detail names it. */
  | "package-part-unreadable"
  | "pdf-scanned"
  | "pdf-encrypted"
  | "pdf-damaged"
  | "docx-damaged"
  | "doc-binary"
  | "unsupported-format";

/** A file that cannot be turned into a snapshot. Expected in batches: reported per file, never fatal. */
export class WorkbookReadError extends Error {
  constructor(
    readonly code: ReadErrorCode,
    readonly detail: Record<string, string | number> = {},
  ) {
    super(`read: ${code}`);
  }
}
