/**
 * The small dialog the ribbon 「校验」 command opens to tell the result (an ExecuteFunction command has no UI of
 * its own). The message comes in the query string and is shown with textContent only: it may quote sheet
 * names, which are untrusted text.
 */
const params = new URLSearchParams(window.location.search);
const kind = params.get("kind") === "pass" ? "pass" : params.get("kind") === "error" ? "error" : "fail";
const en = params.get("lang") === "en-US";
const titles = {
  pass: en ? "Validation passed" : "校验通过",
  fail: en ? "Validation found problems" : "校验发现问题",
  error: en ? "Validation could not run" : "校验未能完成",
};

function show(): void {
  document.body.dataset.kind = kind;
  document.getElementById("title")!.textContent = titles[kind];
  document.getElementById("message")!.textContent = (params.get("msg") ?? "").slice(0, 4000);
  const close = document.getElementById("close")!;
  close.textContent = en ? "OK" : "确定";
  close.addEventListener("click", () => {
    // The parent closes the dialog when it receives this message.
    if (typeof Office !== "undefined" && Office.context?.ui?.messageParent) Office.context.ui.messageParent("close");
  });
}

if (typeof Office !== "undefined" && Office.onReady) void Office.onReady(show);
else show();
