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
  // Fluent's Link (as a button), tiny Spinner: components/Controls
  link: "cj-link",
  spinner: "cj-spinner",
  spinnerRing: "cj-spinner-ring",
  spinnerTail: "cj-spinner-tail",
  spinnerLabel: "cj-spinner-label",
  // Fluent's MessageBar (layout auto) and MessageBarBody
  bar: "cj-bar",
  barMultiline: "cj-bar-multiline",
  barIcon: "cj-bar-icon",
  barBody: "cj-bar-body",
  barSpacer: "cj-bar-spacer",
  // Fluent's Switch (medium, label after)
  switchRoot: "cj-switch",
  switchInput: "cj-switch-input",
  switchIndicator: "cj-switch-indicator",
  switchLabel: "cj-switch-label",
  // Fluent's RadioGroup (vertical) and Radio (label after)
  radioGroup: "cj-radio-group",
  radio: "cj-radio",
  radioInput: "cj-radio-input",
  radioIndicator: "cj-radio-indicator",
  radioLabel: "cj-radio-label",
  // Fluent's Select (small, outline)
  select: "cj-select",
  selectControl: "cj-select-control",
  selectIcon: "cj-select-icon",
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

.cj-link{background-color:transparent;box-sizing:border-box;color:var(--colorBrandForegroundLink);cursor:pointer;display:inline;font-family:var(--fontFamilyBase);font-size:var(--fontSizeBase300);font-weight:var(--fontWeightRegular);margin:0;padding:0;overflow:inherit;text-align:left;text-decoration-line:none;text-decoration-thickness:var(--strokeWidthThin);text-overflow:inherit;user-select:text;border-style:none}
.cj-link:hover{text-decoration-line:underline;color:var(--colorBrandForegroundLinkHover)}
.cj-link:active{text-decoration-line:underline;color:var(--colorBrandForegroundLinkPressed)}
.cj-link:focus{outline-style:none}
.cj-link:focus-visible{text-decoration-color:var(--colorStrokeFocus2);text-decoration-line:underline;text-decoration-style:double}

.cj-spinner{display:flex;align-items:center;justify-content:center;line-height:0;gap:8px;overflow:hidden;min-width:min-content}
.cj-spinner-ring{position:relative;flex-shrink:0;height:20px;width:20px;--cj-stroke:var(--strokeWidthThick);mask-image:radial-gradient(closest-side,transparent calc(100% - var(--cj-stroke) - 1px),white calc(100% - var(--cj-stroke)) calc(100% - 1px),transparent 100%);background-color:var(--colorBrandStroke2Contrast);color:var(--colorBrandStroke1);animation:cj-spin 1.5s linear infinite}
.cj-spinner-tail{position:absolute;display:block;width:100%;height:100%;mask-image:conic-gradient(transparent 105deg,white 105deg);animation:cj-tail 1.5s var(--curveEasyEase) infinite}
.cj-spinner-tail::before,.cj-spinner-tail::after{content:"";position:absolute;display:block;width:100%;height:100%;animation:inherit;background-image:conic-gradient(currentcolor 135deg,transparent 135deg)}
.cj-spinner-tail::before{animation-name:cj-tail-b}
.cj-spinner-tail::after{animation-name:cj-tail-a}
.cj-spinner-label{font-family:var(--fontFamilyBase);font-size:var(--fontSizeBase300);font-weight:var(--fontWeightRegular);line-height:var(--lineHeightBase300);color:var(--colorNeutralForeground1)}
@keyframes cj-spin{0%{transform:rotate(0deg)}100%{transform:rotate(360deg)}}
@keyframes cj-tail{0%{transform:rotate(-135deg)}50%{transform:rotate(0deg)}100%{transform:rotate(225deg)}}
@keyframes cj-tail-b{0%{transform:rotate(0deg)}50%{transform:rotate(105deg)}100%{transform:rotate(0deg)}}
@keyframes cj-tail-a{0%{transform:rotate(0deg)}50%{transform:rotate(225deg)}100%{transform:rotate(0deg)}}
@media screen and (prefers-reduced-motion:reduce){
.cj-spinner-ring{animation-duration:1.8s}
.cj-spinner-tail{animation-iteration-count:0;background-image:conic-gradient(transparent 120deg,currentcolor 360deg)}
.cj-spinner-tail::before,.cj-spinner-tail::after{content:none}
}
@media screen and (forced-colors:active){
.cj-spinner-ring{background-color:HighlightText;color:Highlight;forced-color-adjust:none}
}

.cj-bar{white-space:nowrap;display:grid;grid-template-columns:auto 1fr auto auto;grid-template-rows:1fr;grid-template-areas:"icon body secondaryActions actions";padding-left:var(--spacingHorizontalM);border:var(--strokeWidthThin) solid var(--colorNeutralStroke1);border-radius:var(--borderRadiusMedium);align-items:center;min-height:36px;box-sizing:border-box;background-color:var(--colorNeutralBackground3)}
.cj-bar-multiline{white-space:normal;align-items:start;padding-top:var(--spacingVerticalMNudge);grid-template-columns:auto 1fr auto;grid-template-areas:"icon body actions" "secondaryActions secondaryActions secondaryActions"}
.cj-bar-error{background-color:var(--colorStatusDangerBackground1);border-color:var(--colorStatusDangerBorder1)}
.cj-bar-warning{background-color:var(--colorStatusWarningBackground1);border-color:var(--colorStatusWarningBorder1)}
.cj-bar-success{background-color:var(--colorStatusSuccessBackground1);border-color:var(--colorStatusSuccessBorder1)}
.cj-bar-icon{grid-area:icon;font-size:var(--fontSizeBase500);margin-right:var(--spacingHorizontalS);color:var(--colorNeutralForeground3);display:flex;align-items:center}
.cj-bar-error .cj-bar-icon{color:var(--colorStatusDangerForeground1)}
.cj-bar-warning .cj-bar-icon{color:var(--colorStatusWarningForeground3)}
.cj-bar-success .cj-bar-icon{color:var(--colorStatusSuccessForeground1)}
.cj-bar-icon svg{display:inline;line-height:0}
@media (forced-colors:active){.cj-bar-icon svg{forced-color-adjust:auto}}
.cj-bar-body{font-family:var(--fontFamilyBase);font-size:var(--fontSizeBase300);font-weight:var(--fontWeightRegular);line-height:var(--lineHeightBase300);grid-area:body;padding-right:var(--spacingHorizontalM)}
.cj-bar-spacer{margin-bottom:var(--spacingVerticalS);grid-area:secondaryActions}

.cj-switch{align-items:flex-start;box-sizing:border-box;display:inline-flex;position:relative}
.cj-switch:focus-within:has(:focus-visible)::after{content:"";position:absolute;pointer-events:none;z-index:1;border:2px solid var(--colorStrokeFocus2);border-radius:var(--borderRadiusMedium);top:-2px;right:-2px;bottom:-2px;left:-2px}
.cj-switch-indicator{border-radius:var(--borderRadiusCircular);border:1px solid;line-height:0;box-sizing:border-box;fill:currentColor;flex-shrink:0;font-size:18px;height:20px;margin:var(--spacingVerticalS) var(--spacingHorizontalS);pointer-events:none;transition:background var(--durationNormal) var(--curveEasyEase),border var(--durationNormal) var(--curveEasyEase),color var(--durationNormal) var(--curveEasyEase);width:40px}
.cj-switch-indicator>*{transition:transform var(--durationNormal) var(--curveEasyEase)}
.cj-switch-input{box-sizing:border-box;cursor:pointer;height:100%;margin:0;opacity:0;position:absolute;width:calc(40px + 2 * var(--spacingHorizontalS));left:0;top:0}
.cj-switch-input:checked~.cj-switch-indicator>*{transform:translateX(20px)}
.cj-switch-input:enabled:not(:checked)~.cj-switch-indicator{color:var(--colorNeutralStrokeAccessible);border-color:var(--colorNeutralStrokeAccessible)}
.cj-switch-input:enabled:not(:checked)~.cj-switch-label{color:var(--colorNeutralForeground1)}
.cj-switch-input:enabled:not(:checked):hover~.cj-switch-indicator{color:var(--colorNeutralStrokeAccessibleHover);border-color:var(--colorNeutralStrokeAccessibleHover)}
.cj-switch-input:enabled:not(:checked):hover:active~.cj-switch-indicator{color:var(--colorNeutralStrokeAccessiblePressed);border-color:var(--colorNeutralStrokeAccessiblePressed)}
.cj-switch-input:enabled:checked~.cj-switch-indicator{background-color:var(--colorCompoundBrandBackground);color:var(--colorNeutralForegroundInverted);border-color:var(--colorTransparentStroke)}
.cj-switch-input:enabled:checked:hover~.cj-switch-indicator{background-color:var(--colorCompoundBrandBackgroundHover);border-color:var(--colorTransparentStrokeInteractive)}
.cj-switch-input:enabled:checked:hover:active~.cj-switch-indicator{background-color:var(--colorCompoundBrandBackgroundPressed);border-color:var(--colorTransparentStrokeInteractive)}
.cj-switch-input:disabled{cursor:default}
.cj-switch-input:disabled~.cj-switch-indicator{color:var(--colorNeutralForegroundDisabled)}
.cj-switch-input:disabled~.cj-switch-label{cursor:default;color:var(--colorNeutralForegroundDisabled)}
.cj-switch-input:disabled:not(:checked)~.cj-switch-indicator{border-color:var(--colorNeutralStrokeDisabled)}
.cj-switch-input:disabled:checked~.cj-switch-indicator{background-color:var(--colorNeutralBackgroundDisabled);border-color:var(--colorTransparentStrokeDisabled)}
.cj-switch-label{font-family:var(--fontFamilyBase);font-size:var(--fontSizeBase300);font-weight:var(--fontWeightRegular);line-height:var(--lineHeightBase300);color:var(--colorNeutralForeground1);cursor:pointer;margin:calc((20px - var(--lineHeightBase300)) / 2) 0;padding:var(--spacingVerticalS) var(--spacingHorizontalS) var(--spacingVerticalS) var(--spacingHorizontalXS)}
@media screen and (prefers-reduced-motion:reduce){.cj-switch-indicator,.cj-switch-indicator>*{transition-duration:.01ms}}
@media (forced-colors:active){
.cj-switch:focus-within:has(:focus-visible)::after{border-color:Highlight}
.cj-switch-indicator{color:CanvasText}
.cj-switch-input:hover,.cj-switch-input:hover:active{color:CanvasText}
.cj-switch-input:disabled~.cj-switch-indicator{color:GrayText;border-color:GrayText}
.cj-switch-input:disabled~.cj-switch-label{color:GrayText}
.cj-switch-input:enabled:checked~.cj-switch-indicator,.cj-switch-input:enabled:checked:hover~.cj-switch-indicator,.cj-switch-input:enabled:checked:hover:active~.cj-switch-indicator{background-color:Highlight;color:Canvas}
.cj-switch-indicator svg{forced-color-adjust:auto}
}

.cj-radio-group{display:flex;align-items:flex-start;flex-direction:column}
.cj-radio{display:inline-flex;position:relative}
.cj-radio:focus-within:has(:focus-visible)::after{content:"";position:absolute;pointer-events:none;z-index:1;border:2px solid var(--colorStrokeFocus2);border-radius:var(--borderRadiusMedium);top:-2px;right:-2px;bottom:-2px;left:-2px}
.cj-radio-input{position:absolute;left:0;top:0;width:calc(16px + 2 * var(--spacingHorizontalS));height:100%;box-sizing:border-box;margin:0;opacity:0}
.cj-radio-input:enabled,.cj-radio-input:enabled~.cj-radio-label{cursor:pointer}
.cj-radio-input:enabled:not(:checked)~.cj-radio-label{color:var(--colorNeutralForeground3)}
.cj-radio-input:enabled:not(:checked)~.cj-radio-indicator{border-color:var(--colorNeutralStrokeAccessible)}
.cj-radio-input:enabled:not(:checked):hover~.cj-radio-label{color:var(--colorNeutralForeground2)}
.cj-radio-input:enabled:not(:checked):hover~.cj-radio-indicator{border-color:var(--colorNeutralStrokeAccessibleHover)}
.cj-radio-input:enabled:not(:checked):hover:active~.cj-radio-label{color:var(--colorNeutralForeground1)}
.cj-radio-input:enabled:not(:checked):hover:active~.cj-radio-indicator{border-color:var(--colorNeutralStrokeAccessiblePressed)}
.cj-radio-input:enabled:checked~.cj-radio-label{color:var(--colorNeutralForeground1)}
.cj-radio-input:enabled:checked~.cj-radio-indicator{border-color:var(--colorCompoundBrandStroke);color:var(--colorCompoundBrandForeground1)}
.cj-radio-input:enabled:checked:hover~.cj-radio-indicator{border-color:var(--colorCompoundBrandStrokeHover);color:var(--colorCompoundBrandForeground1Hover)}
.cj-radio-input:enabled:checked:hover:active~.cj-radio-indicator{border-color:var(--colorCompoundBrandStrokePressed);color:var(--colorCompoundBrandForeground1Pressed)}
.cj-radio-input:checked~.cj-radio-indicator::after{content:""}
.cj-radio-indicator{position:relative;width:16px;height:16px;font-size:12px;box-sizing:border-box;flex-shrink:0;display:flex;align-items:center;justify-content:center;overflow:hidden;border:var(--strokeWidthThin) solid;border-radius:var(--borderRadiusCircular);margin:var(--spacingVerticalS) var(--spacingHorizontalS);fill:currentColor;pointer-events:none}
.cj-radio-indicator::after{position:absolute;width:16px;height:16px;border-radius:var(--borderRadiusCircular);transform:scale(.625);background-color:currentColor}
.cj-radio-label{font-family:var(--fontFamilyBase);font-size:var(--fontSizeBase300);font-weight:var(--fontWeightRegular);line-height:var(--lineHeightBase300);color:var(--colorNeutralForeground1);align-self:center;padding:var(--spacingVerticalS) var(--spacingHorizontalS) var(--spacingVerticalS) var(--spacingHorizontalXS);margin:calc((16px - var(--lineHeightBase300)) / 2) 0}
@media (forced-colors:active){
.cj-radio:focus-within:has(:focus-visible)::after{border-color:Highlight}
.cj-radio-input:enabled:not(:checked)~.cj-radio-indicator{border-color:ButtonBorder}
.cj-radio-input:enabled:checked~.cj-radio-indicator{border-color:Highlight;color:Highlight}
.cj-radio-input:enabled:checked~.cj-radio-indicator::after{background-color:Highlight}
}

.cj-select{align-items:center;box-sizing:border-box;display:flex;flex-wrap:nowrap;font-family:var(--fontFamilyBase);position:relative}
.cj-select::after{background-image:linear-gradient(0deg,var(--colorCompoundBrandStroke) 0%,var(--colorCompoundBrandStroke) 50%,transparent 50%,transparent 100%);border-radius:0 0 var(--borderRadiusMedium) var(--borderRadiusMedium);box-sizing:border-box;content:"";height:var(--borderRadiusMedium);position:absolute;bottom:0;left:0;right:0;transform:scaleX(0);transition-property:transform;transition-duration:var(--durationUltraFast);transition-delay:var(--curveAccelerateMid)}
.cj-select:focus-within::after{transform:scaleX(1);transition-property:transform;transition-duration:var(--durationNormal);transition-delay:var(--curveDecelerateMid)}
.cj-select-control{appearance:none;border-radius:var(--borderRadiusMedium);box-shadow:none;box-sizing:border-box;color:var(--colorNeutralForeground1);cursor:pointer;flex-grow:1;max-width:100%;padding-bottom:0;padding-top:0;height:24px;padding-left:calc(var(--spacingHorizontalSNudge) + var(--spacingHorizontalXXS));padding-right:calc(var(--spacingHorizontalSNudge) + 16px + var(--spacingHorizontalXXS) + var(--spacingHorizontalXXS));font-family:var(--fontFamilyBase);font-size:var(--fontSizeBase200);font-weight:var(--fontWeightRegular);line-height:var(--lineHeightBase200);background-color:var(--colorNeutralBackground1);border:1px solid var(--colorNeutralStroke1);border-bottom-color:var(--colorNeutralStrokeAccessible)}
.cj-select-control:focus{outline:2px solid transparent}
.cj-select-control:hover{border-color:var(--colorNeutralStroke1Hover);border-bottom-color:var(--colorNeutralStrokeAccessible)}
.cj-select-control:active{border-color:var(--colorNeutralStroke1Pressed);border-bottom-color:var(--colorNeutralStrokeAccessible)}
.cj-select-icon{box-sizing:border-box;color:var(--colorNeutralStrokeAccessible);display:block;position:absolute;pointer-events:none;font-size:16px;height:16px;right:var(--spacingHorizontalSNudge);width:16px}
.cj-select-icon svg{display:block}
@media (forced-colors:active){.cj-select-icon svg{forced-color-adjust:auto}}
@media screen and (prefers-reduced-motion:reduce){.cj-select::after,.cj-select:focus-within::after{transition-duration:.01ms;transition-delay:.01ms}}

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
