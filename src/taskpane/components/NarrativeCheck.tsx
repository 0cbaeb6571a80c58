import { Button, Field, Textarea } from "@fluentui/react-components";
import { LinkButton, MessageBar, MessageBarBody } from "./Controls";
import { useRef, useState } from "react";
import { findNarrativeSheet, narrativeTextFromSheet, parseInputsSheet, verifyNarrative, type VerifyResult } from "../../core/narrative/index";
import type { Outcome, ValidationSession } from "../../excel/session";
import type { Strings } from "../i18n";
import { verifyView } from "../../app/verify";
import { Badge } from "./Badge";
import { SafeText } from "./SafeText";
import { cls } from "../styles";

/** 「sheet!A1」 (as the verifier names a source) → sheet and address, if it is one. */
function cellOf(text: string | undefined): { sheet: string; address: string } | undefined {
  if (!text) return undefined;
  const t = text.replace(/^「|」$/g, "");
  const bang = t.lastIndexOf("!");
  if (bang <= 0) return undefined;
  const address = t.slice(bang + 1);
  return /^\$?[A-Z]{1,3}\$?\d+$/.test(address) ? { sheet: t.slice(0, bang), address: address.replace(/\$/g, "") } : undefined;
}

/** A .txt as UTF-8, or GB18030 as older Chinese Windows tools save it. */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\ufeff/, "");
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/** 核对 of a pasted, hand-written narrative — or one read from a Word/text file the user picks — against the tables. */
export function NarrativeCheck({ session, outcome, t }: { session: ValidationSession; outcome: Outcome; t: Strings }) {
  const [text, setText] = useState("");
  /** The sheet text last put into the box: anything else in the box is the user's own and is never replaced silently. */
  const [loaded, setLoaded] = useState<string | null>(null);
  const [pendingSheet, setPendingSheet] = useState<{ text: string; snapshot: typeof outcome.snapshot } | null>(null);
  const [result, setResult] = useState<{ text: string; result: VerifyResult } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const check = (narrative = text, snapshot = outcome.snapshot) => {
    setError(null);
    try {
      setResult({ text: narrative, result: verifyNarrative(narrative, outcome.recognition, parseInputsSheet(snapshot), { style: session.state?.settings.style ?? "sichuan", lang: session.lang }) });
    } catch (e) {
      setResult(null);
      setError(t.failed + (e instanceof Error ? e.message : String(e)));
    }
  };
  const view = result ? verifyView(result.text, result.result, session.lang) : null;
  // A narrative the user keeps in Word (or a .txt): read here in the pane, nothing is uploaded anywhere.
  const fileInput = useRef<HTMLInputElement>(null);
  const takeText = (fileText: string) => {
    if (text.trim() !== "" && text !== loaded && text !== fileText) {
      setPendingSheet({ text: fileText, snapshot: outcome.snapshot }); // ask before replacing what the user pasted
      return;
    }
    setText(fileText);
    setLoaded(fileText);
    check(fileText);
  };
  const openFile = async (file: File) => {
    setError(null);
    const name = file.name;
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (/\.pdf$/i.test(name) || (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46)) {
      setError(t.narrativeFilePdf(name));
      return;
    }
    let fileText: string;
    if (/\.docx$/i.test(name) || (bytes[0] === 0x50 && bytes[1] === 0x4b)) {
      try {
        // loaded on first use: the Word reader (zip + XML) is not needed by anyone who only validates
        const { readDocx } = await import("../read-docx");
        fileText = readDocx(bytes, name).narrative;
      } catch {
        setError(t.narrativeFileUnreadable(name));
        return;
      }
    } else if (/\.docx?$/i.test(name)) {
      setError(t.narrativeFileUnreadable(name));
      return;
    } else {
      fileText = decodeText(bytes);
    }
    if (fileText.trim() === "") {
      setError(t.narrativeFileNoText(name));
      return;
    }
    takeText(fileText);
  };
  // 核对工作表中的说明: a fresh read (the user may have edited the sheet since the last 校验), shown in the box too.
  const checkSheet = () => {
    setError(null);
    session.host.readSnapshot().then(
      (snapshot) => {
        const sheet = findNarrativeSheet(snapshot);
        const sheetText = sheet ? narrativeTextFromSheet(sheet) : "";
        if (!sheet || sheetText === "") {
          setResult(null);
          setError(sheet ? t.narrativeSheetEmpty(sheet.name) : t.narrativeSheetMissing);
          return;
        }
        if (text.trim() !== "" && text !== loaded && text !== sheetText) {
          setPendingSheet({ text: sheetText, snapshot }); // ask before replacing what the user pasted or typed
          return;
        }
        setText(sheetText);
        setLoaded(sheetText);
        check(sheetText, snapshot);
      },
      (e: unknown) => setError(t.failed + (e instanceof Error ? e.message : String(e))),
    );
  };
  return (
    <section className={cls.checkBox} data-testid="narrative-check">
      <h3 className={cls.subtitle}>{t.narrativeCheckTitle}</h3>
      <Field hint={t.narrativeCheckHint}>
        <Textarea value={text} onChange={(_, d) => setText(d.value)} resize="vertical" rows={6} data-testid="narrative-check-input" />
      </Field>
      <div style={{ display: "flex", gap: 8, flexWrap: "wrap", marginTop: 8 }}>
        <Button disabled={text.trim() === ""} onClick={() => check()} data-testid="narrative-check-run">
          {t.narrativeCheck}
        </Button>
        <Button onClick={checkSheet} data-testid="narrative-check-sheet">
          {t.narrativeCheckSheet}
        </Button>
        <Button onClick={() => fileInput.current?.click()} data-testid="narrative-check-file">
          {t.narrativeCheckFile}
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".docx,.txt,.pdf"
          hidden
          data-testid="narrative-file-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = ""; // the same file can be picked again after an edit
            if (file) openFile(file).catch((err: unknown) => setError(t.failed + (err instanceof Error ? err.message : String(err))));
          }}
        />
      </div>
      {pendingSheet && (
        <MessageBar intent="warning" data-testid="narrative-replace-ask">
          <MessageBarBody>
            {t.replaceTextTitle}{" "}
            <Button
              size="small"
              data-testid="narrative-replace-yes"
              onClick={() => {
                setText(pendingSheet.text);
                setLoaded(pendingSheet.text);
                check(pendingSheet.text, pendingSheet.snapshot);
                setPendingSheet(null);
              }}
            >
              {t.replaceText}
            </Button>{" "}
            <Button size="small" data-testid="narrative-replace-no" onClick={() => setPendingSheet(null)}>
              {t.keepText}
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <SafeText text={error} />
          </MessageBarBody>
        </MessageBar>
      )}
      {view && result && (
        <div data-testid="narrative-check-result">
          <p>{t.narrativeCheckCounts(result.result.claims.length, view.mismatches.length, view.unverified.length)}</p>
          {view.mismatches.length === 0 && <p>{t.narrativeNoProblems}</p>}
          <ul className={cls.checkList}>
            {view.mismatches.map((m, i) => {
              const cell = cellOf(m.cell);
              return (
                <li key={i} className={`${cls.mismatch} ${m.severity === "warning" ? cls.mismatchWarn : ""}`} data-testid="narrative-mismatch">
                  <Badge appearance="filled" color={m.severity === "error" ? "danger" : "warning"}>
                    {m.severity === "error" ? t.error : t.warning}
                  </Badge>{" "}
                  <span data-testid="narrative-line">{t.lineLabel(m.line)}</span>{" "}
                  <SafeText text={m.message} />
                  <p className={cls.excerpt}>
                    「<SafeText text={m.excerpt} max={200} />」
                  </p>
                  {m.suggestion && (
                    <p className={cls.excerpt}>
                      → <SafeText text={m.suggestion} />
                    </p>
                  )}
                  {cell && (
                    <LinkButton onClick={() => void session.host.selectCells(cell.sheet, [cell.address]).catch((e: unknown) => setError(t.failed + String(e)))}>
                      <SafeText text={`${cell.sheet}!${cell.address}`} max={120} />
                    </LinkButton>
                  )}
                </li>
              );
            })}
          </ul>
          {view.unverified.length > 0 && (
            <details data-testid="narrative-unverified">
              <summary>{t.unverifiedTitle(view.unverified.length)}</summary>
              <ul className={cls.checkList}>
                {view.unverified.map((u, i) => (
                  <li key={i} className={`${cls.mismatch} ${cls.mismatchWarn}`} data-testid="narrative-unverified-item">
                    {t.lineLabel(u.line)}：「<SafeText text={u.excerpt} max={200} />」 <SafeText text={u.reason} />
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
    </section>
  );
}
