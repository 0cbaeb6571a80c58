/**
 * The checks of 核对 as data: id, severity, basis (MOF 审核公式 / published template or 公开 requirement /
 * convention), a version that changes when a check's meaning changes, and its 公式说明. Shaped like the rule
 * registry's CheckInfo so both lists can be shown together. A 强制 check rests on the published template (the
 * narrative's figures come from the tables, and its arithmetic must hold); a convention is only ever 核实.
 */

export type CheckBasis = "mof" | "template" | "convention";
export type CheckSeverity = "error" | "warning";

export interface NarrativeCheckInfo {
  id: string;
  /** Default severity; some checks raise 强制 only when the figures cannot both be right (see the description). */
  severity: CheckSeverity;
  basis: CheckBasis;
  version: number;
  descriptionZh: string;
  descriptionEn: string;
  /** "narrative-workbook": against the tables; "narrative-text": the text alone (also run with a workbook when noted). */
  scope: "narrative-workbook" | "narrative-text";
}

export const NARRATIVE_CHECKS = [
  // Against the workbook.
  { id: "V-A01", severity: "error", basis: "template", version: 1, scope: "narrative-workbook", descriptionZh: "说明中的金额 = 报表对应单元格（按两位小数四舍五入）", descriptionEn: "An amount in the text equals its table cell (half-up to 2 decimals)" },
  { id: "V-A02", severity: "warning", basis: "convention", version: 1, scope: "narrative-workbook", descriptionZh: "金额与报表相差 0.01：舍入或抄录差异，需核实", descriptionEn: "An amount 0.01 off its cell: a rounding or copying slip" },
  { id: "V-A03", severity: "error", basis: "template", version: 1, scope: "narrative-workbook", descriptionZh: "预算数 = 报表年初预算数或调整预算数（按说明所写口径）", descriptionEn: "A budget equals the table's initial or adjusted budget (the basis the text names)" },
  { id: "V-A04", severity: "error", basis: "template", version: 1, scope: "narrative-workbook", descriptionZh: "占比 = 分子 ÷ 分母 × 100，按所写位数四舍五入", descriptionEn: "A share = part ÷ total × 100, half-up at the written decimals" },
  { id: "V-A05", severity: "error", basis: "template", version: 1, scope: "narrative-workbook", descriptionZh: "增减幅度 = |本年 − 上年| ÷ 上年 × 100", descriptionEn: "A rate of change = |current − prior| ÷ prior × 100" },
  { id: "V-A06", severity: "error", basis: "template", version: 1, scope: "narrative-workbook", descriptionZh: "增减额 = 本年 − 上年（说明数据的上年数）", descriptionEn: "A change = current − prior (prior from the inputs sheet)" },
  { id: "V-A07", severity: "error", basis: "template", version: 1, scope: "narrative-workbook", descriptionZh: "预算完成率 = 决算数 ÷ 预算数 × 100", descriptionEn: "Budget completion = final ÷ budget × 100" },
  { id: "V-A08", severity: "error", basis: "template", version: 1, scope: "narrative-workbook", descriptionZh: "增加/减少、增长/下降的方向与报表一致", descriptionEn: "The direction word agrees with the figures" },
  { id: "V-A09", severity: "error", basis: "template", version: 1, scope: "narrative-workbook", descriptionZh: "写「持平」时本年数 = 上年数", descriptionEn: "「持平」 only when current = prior" },
  { id: "V-A10", severity: "warning", basis: "mof", version: 1, scope: "narrative-workbook", descriptionZh: "科目名称为该年度政府收支分类科目的名称", descriptionEn: "Subject names are the names of that year's classification" },
  { id: "V-A11", severity: "warning", basis: "mof", version: 2, scope: "narrative-workbook", descriptionZh: "说明中的类/款/项名称在该年度报表中存在；不存在的名称按名称报告，即使有同金额的行", descriptionEn: "A 类/款/项 named in the text exists in that year's tables; an unknown name is reported by name even when a row has the same amount" },
  { id: "V-A12", severity: "warning", basis: "convention", version: 1, scope: "narrative-workbook", descriptionZh: "百分比与四舍五入值相差末位一个单位：可能为截尾，需核实；相差更多为强制", descriptionEn: "A percentage one unit of its last digit off the half-up value: perhaps truncated (warning); more is an error" },
  // The text against itself (no workbook needed).
  { id: "V-S01", severity: "warning", basis: "convention", version: 1, scope: "narrative-text", descriptionZh: "「其中」所列各项之和 = 所述合计（按各数书写精度的区间计算；各项之和大于合计为强制）", descriptionEn: "The parts after 其中 add up to the stated total (interval arithmetic on written precision; parts over the total is an error)" },
  { id: "V-S02", severity: "error", basis: "template", version: 1, scope: "narrative-text", descriptionZh: "占比 = 所述金额 ÷ 所述合计 × 100（区间计算；差末位一个单位为核实）", descriptionEn: "A share = stated amount ÷ stated total × 100 (intervals; one unit off the last digit is a warning)" },
  { id: "V-S03", severity: "warning", basis: "convention", version: 1, scope: "narrative-text", descriptionZh: "同一列表的各项占比之和 = 100%（允许各占比的舍入误差）", descriptionEn: "The shares of one list add to 100 % within their rounding" },
  { id: "V-S04", severity: "error", basis: "template", version: 1, scope: "narrative-text", descriptionZh: "增减额 = 所述本年数 − 所述上年数，方向一致", descriptionEn: "A change = stated current − stated prior, in the stated direction" },
  { id: "V-S05", severity: "error", basis: "template", version: 1, scope: "narrative-text", descriptionZh: "增减幅度 = 增减额 ÷（本年数 ∓ 增减额）× 100", descriptionEn: "A rate = change ÷ (current ∓ change) × 100" },
  { id: "V-S06", severity: "error", basis: "template", version: 1, scope: "narrative-text", descriptionZh: "完成预算的百分比 = 所述决算数 ÷ 所述预算数 × 100", descriptionEn: "Completion = stated final ÷ stated budget × 100" },
  { id: "V-S07", severity: "error", basis: "template", version: 1, scope: "narrative-text", descriptionZh: "同一科目两处所述金额一致（同一段内不一致为强制，不同段落为核实）", descriptionEn: "An item stated twice agrees (error within one item, warning across sections)" },
  { id: "V-S08", severity: "warning", basis: "convention", version: 1, scope: "narrative-text", descriptionZh: "年度一致：比较年度为上一年度，本年数据句中的年度为文件年度", descriptionEn: "Years are consistent: comparisons name the prior year, current figures the document's year" },
  // Wording against numbers.
  { id: "V-W01", severity: "error", basis: "template", version: 1, scope: "narrative-text", descriptionZh: "「决算数大于/小于/等于（持平）预算数」与所述决算数、预算数一致", descriptionEn: "「决算数大于/小于/等于预算数」 agrees with the stated final and budget" },
  { id: "V-W02", severity: "error", basis: "template", version: 1, scope: "narrative-text", descriptionZh: "年初预算为 0 时不能写「完成预算的 X%」", descriptionEn: "No completion rate over a zero budget" },
  { id: "V-W03", severity: "error", basis: "template", version: 1, scope: "narrative-text", descriptionZh: "写「持平」的句子不能同时写出非零的增减额或增减幅度", descriptionEn: "A clause saying 持平 states no non-zero change" },
  { id: "V-W04", severity: "error", basis: "template", version: 2, scope: "narrative-text", descriptionZh: "模板的选择性用语与填写说明已删改（「增加（减少）」「（或与预算数持平）」「（如持平作持平表述）」等）", descriptionEn: "Template alternatives and instructions are resolved (增加（减少）, （或与预算数持平）, …)" },
  { id: "V-W05", severity: "warning", basis: "convention", version: 1, scope: "narrative-text", descriptionZh: "以「元」为单位的段落中出现「万元」，需核实单位", descriptionEn: "万元 inside a paragraph written in 元" },
  { id: "V-W06", severity: "warning", basis: "template", version: 1, scope: "narrative-text", descriptionZh: "“三公”经费决算数大于预算数，需核实并说明", descriptionEn: "“三公” spending above its budget" },
  { id: "V-W07", severity: "warning", basis: "template", version: 1, scope: "narrative-text", descriptionZh: "决算数与预算数相差超过 30% 时须说明原因", descriptionEn: "A final more than 30 % off its budget needs a reason" },
  { id: "V-W08", severity: "error", basis: "template", version: 1, scope: "narrative-text", descriptionZh: "增减用词不自相矛盾（「减增加」「增长下降」）", descriptionEn: "No contradictory change wording" },
  { id: "V-W09", severity: "error", basis: "template", version: 1, scope: "narrative-text", descriptionZh: "无未填写的占位符（XXX、××、【请填写…】）", descriptionEn: "No placeholders left (XXX, ××, 【请填写…】)" },
  { id: "V-W10", severity: "warning", basis: "convention", version: 1, scope: "narrative-text", descriptionZh: "百分比最多两位小数", descriptionEn: "Percentages have at most two decimals" },
  { id: "V-W11", severity: "warning", basis: "convention", version: 2, scope: "narrative-text", descriptionZh: "「增长/下降/减少/增加/占/完成/为」后的百分比带 % 号", descriptionEn: "A percentage after 增长/下降/减少/增加/占/完成/为 carries its % sign" },
  // Completeness.
  { id: "N-S01", severity: "warning", basis: "template", version: 1, scope: "narrative-text", descriptionZh: "情况说明包含模板规定的各部分（四川：一至十；上海：一至十一，含预算绩效管理情况，以及名词解释）", descriptionEn: "The narrative has every section of its template (Sichuan 一–十; Shanghai 一–十一 incl. 预算绩效管理情况, plus 名词解释)" },
  { id: "N-S02", severity: "warning", basis: "template", version: 1, scope: "narrative-text", descriptionZh: "各部分按模板顺序排列，小标题编号连续不重复", descriptionEn: "Sections in template order; sub-heading numbers consecutive, none repeated" },
  { id: "N-S03", severity: "warning", basis: "template", version: 1, scope: "narrative-text", descriptionZh: "其他重要事项包括机关运行经费、政府采购（货物/工程/服务、中小企业/小微企业）、国有资产占有使用（车辆、单价50万元以上设备）及预算绩效", descriptionEn: "其他重要事项 covers 机关运行经费, 政府采购 (goods/works/services, SMEs and micro firms), 国有资产 (vehicles, equipment) and performance" },
  { id: "N-S04", severity: "warning", basis: "template", version: 1, scope: "narrative-text", descriptionZh: "政府性基金、国有资本经营、“三公”经费无数据时，说明须写明「本单位无…」", descriptionEn: "An empty 政府性基金 / 国有资本经营 / 三公 section says so (本单位无…)" },
  { id: "N-R01", severity: "warning", basis: "template", version: 1, scope: "narrative-text", descriptionZh: "每处与上年相比的增减后须说明原因（「主要原因」「主要变动原因」「原因是」…）", descriptionEn: "Every year-over-year change is followed by its reason" },
  { id: "N-R02", severity: "warning", basis: "template", version: 1, scope: "narrative-text", descriptionZh: "决算数与预算数不同时须说明原因", descriptionEn: "Every final-vs-budget difference is followed by its reason" },
] as const satisfies readonly NarrativeCheckInfo[];

export type CheckId = (typeof NARRATIVE_CHECKS)[number]["id"];

/** Metadata of one check. */
export function narrativeCheck(id: CheckId): NarrativeCheckInfo {
  return NARRATIVE_CHECKS.find((c) => c.id === id)!;
}
