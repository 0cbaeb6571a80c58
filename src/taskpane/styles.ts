/**
 * The pane's own layout rules as one fixed stylesheet. Fluent UI's components bring their styles precompiled;
 * only makeStyles() calls in our code needed Griffel's run-time CSS compiler (stylis, rtl-css-js and the
 * resolver, about a twentieth of the pane's bundle), so our few rules are plain CSS instead. Colours and type
 * sizes are the theme's CSS variables, which FluentProvider defines on its root element.
 *
 * Headings use Fluent's type ramp (Title3, Subtitle2) as two rules here rather than the Text component, whose
 * styles for every size, weight and decoration weigh more than the pane's whole stylesheet. Likewise the filter
 * buttons are Buttons with aria-pressed and ToggleButton's checked colours (appearance "secondary", the only one
 * used), including its forced-colours rules as they render (on focus Button's own ButtonText border colour wins);
 * the extra class in front outranks Button's own single-class rules. Badges (components/Badge) are drawn here too.
 *
 * Each rule is a single class, like Griffel's atomic ones; a modifier (error, warn, placeholder …) comes after
 * its base rule so that it wins.
 */

/** Class names, grouped by the component that uses them. */
export const cls = {
  // App
  root: "cj-root",
  header: "cj-header",
  // headings: Fluent's Title3 and Subtitle2
  title: "cj-title",
  subtitle: "cj-subtitle",
  // ValidateTab
  validateActions: "cj-validate-actions",
  filters: "cj-filters",
  pressed: "cj-pressed",
  summary: "cj-summary",
  // FindingList
  group: "cj-group",
  findingList: "cj-finding-list",
  // FindingItem
  finding: "cj-finding",
  findingError: "cj-finding-error",
  findingWarning: "cj-finding-warning",
  findingExplained: "cj-finding-explained",
  findingHead: "cj-finding-head",
  findingMessage: "cj-finding-message",
  findingActions: "cj-finding-actions",
  // NarrativeTab
  narrativeActions: "cj-narrative-actions",
  preview: "cj-preview",
  para: "cj-para",
  span: "cj-span",
  placeholder: "cj-placeholder",
  details: "cj-details",
  // NarrativeCheck
  checkBox: "cj-check",
  checkList: "cj-check-list",
  mismatch: "cj-mismatch",
  mismatchWarn: "cj-mismatch-warn",
  excerpt: "cj-excerpt",
  // Badge: Fluent's medium circular Badge, filled (danger, warning, informative) or tint (informative)
  badge: "cj-badge",
  badgeDanger: "cj-badge-danger",
  badgeWarning: "cj-badge-warning",
  badgeInformative: "cj-badge-informative",
  badgeTint: "cj-badge-tint",
  // RecognitionReport
  recognition: "cj-recognition",
  recognitionList: "cj-recognition-list",
  recognitionSub: "cj-recognition-sub",
} as const;

const STYLES = `
.cj-root{padding:12px;min-height:100vh;box-sizing:border-box;max-width:100vw;overflow-x:hidden}
.cj-header{display:flex;align-items:center;gap:8px}
.cj-title,.cj-subtitle{font-family:var(--fontFamilyBase);font-weight:var(--fontWeightSemibold);text-align:start;display:inline;white-space:normal;overflow:visible;text-overflow:clip}
.cj-title{font-size:var(--fontSizeBase600);line-height:var(--lineHeightBase600)}
.cj-subtitle{font-size:var(--fontSizeBase400);line-height:var(--lineHeightBase400)}

.cj-validate-actions{display:flex;gap:8px;flex-wrap:wrap;align-items:center;margin:8px 0}
.cj-filters{display:flex;gap:4px;flex-wrap:wrap;margin:8px 0}
.cj-filters .cj-pressed{background-color:var(--colorNeutralBackground1Selected);border-color:var(--colorNeutralStroke1);color:var(--colorNeutralForeground1Selected);border-width:var(--strokeWidthThin)}
.cj-filters .cj-pressed:hover{background-color:var(--colorNeutralBackground1Hover);border-color:var(--colorNeutralStroke1Hover);color:var(--colorNeutralForeground1Hover)}
.cj-filters .cj-pressed:hover:active,.cj-filters .cj-pressed:active:focus-visible{background-color:var(--colorNeutralBackground1Pressed);border-color:var(--colorNeutralStroke1Pressed);color:var(--colorNeutralForeground1Pressed)}
@media (forced-colors:active){
.cj-filters .cj-pressed{background-color:Highlight;border-color:Highlight;color:HighlightText;forced-color-adjust:none}
.cj-filters .cj-pressed:hover,.cj-filters .cj-pressed:hover:active,.cj-filters .cj-pressed:active:focus-visible{background-color:HighlightText;border-color:Highlight;color:Highlight}
.cj-filters .cj-pressed:focus{border-width:1px;border-style:solid;outline-color:Highlight}
}
.cj-summary{font-weight:600;margin:8px 0;overflow-wrap:anywhere}

.cj-group{margin-top:10px;min-width:0}
.cj-finding-list{list-style-type:none;padding:0;margin:0;min-width:0}

.cj-finding{border-left:3px solid var(--colorNeutralStroke2);padding:6px 8px;margin:6px 0;background-color:var(--colorNeutralBackground1);min-width:0}
.cj-finding-error{border-left-color:var(--colorPaletteRedBorder2)}
.cj-finding-warning{border-left-color:var(--colorPaletteMarigoldBorder2)}
.cj-finding-explained{border-left-color:var(--colorNeutralStroke1);opacity:.85}
.cj-finding-head{display:flex;gap:6px;align-items:center;flex-wrap:wrap;min-width:0}
.cj-finding-message{margin:4px 0;font-family:var(--fontFamilyBase);font-size:var(--fontSizeBase300);min-width:0}
.cj-finding-actions{display:flex;gap:6px;margin-top:4px;flex-wrap:wrap}

.cj-narrative-actions{display:flex;gap:8px;flex-wrap:wrap;margin:8px 0}
.cj-preview{max-height:50vh;overflow-y:auto;overflow-x:hidden;border:1px solid var(--colorNeutralStroke2);padding:8px;min-width:0}
.cj-para{margin:6px 0;line-height:1.7;overflow-wrap:anywhere}
.cj-span{background-color:var(--colorPaletteLightGreenBackground1);cursor:pointer;border:none;padding:0;font:inherit;color:inherit}
.cj-placeholder{background-color:var(--colorPaletteYellowBackground2)}
.cj-details{margin:8px 0;padding:6px 8px;background-color:var(--colorNeutralBackground3);white-space:pre-wrap;overflow-wrap:anywhere}

.cj-check{margin-top:16px;min-width:0}
.cj-check-list{list-style-type:none;padding:0;margin:8px 0;min-width:0}
.cj-mismatch{border-left:3px solid var(--colorPaletteRedBorder2);padding:4px 8px;margin:6px 0}
.cj-mismatch-warn{border-left-color:var(--colorPaletteMarigoldBorder2)}
.cj-excerpt{color:var(--colorNeutralForeground3);margin:2px 0}

.cj-badge{display:inline-flex;box-sizing:border-box;align-items:center;justify-content:center;position:relative;font-family:var(--fontFamilyBase);font-size:var(--fontSizeBase200);font-weight:var(--fontWeightSemibold);line-height:var(--lineHeightBase200);height:20px;min-width:20px;padding:0 calc(var(--spacingHorizontalXS) + var(--spacingHorizontalXXS));border-radius:var(--borderRadiusCircular);border-color:var(--colorTransparentStroke)}
.cj-badge::after{content:"";position:absolute;top:0;left:0;bottom:0;right:0;border-style:solid;border-color:inherit;border-width:var(--strokeWidthThin);border-radius:inherit}
.cj-badge-danger{background-color:var(--colorPaletteRedBackground3);color:var(--colorNeutralForegroundOnBrand)}
.cj-badge-warning{background-color:var(--colorPaletteYellowBackground3);color:var(--colorNeutralForeground1Static)}
.cj-badge-informative{background-color:var(--colorNeutralBackground5);color:var(--colorNeutralForeground3)}
.cj-badge-tint{background-color:var(--colorNeutralBackground4);color:var(--colorNeutralForeground3);border-color:var(--colorNeutralStroke2)}

.cj-recognition{margin-top:16px;padding-top:8px;border-top:1px solid var(--colorNeutralStroke2);min-width:0}
.cj-recognition-list{margin:4px 0;padding:0;list-style-type:none;min-width:0;font-size:var(--fontSizeBase200)}
.cj-recognition-sub{padding-left:16px;color:var(--colorNeutralForeground3)}
`;

/** Add the stylesheet to the page once (a fixed string: no workbook text ever reaches it). */
export function installStyles(doc: Document): void {
  if (doc.getElementById("cj-styles")) return;
  const style = doc.createElement("style");
  style.id = "cj-styles";
  style.textContent = STYLES;
  doc.head.appendChild(style);
}
