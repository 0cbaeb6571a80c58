/**
 * Sichuan 情况说明 sections (numbering and order of the seed document; formula phrases only).
 * 四 calls 财政拨款 本年收入/本年支出 「总计」 as the seed does (its figures are the 本年 amounts of 财决Z01-1).
 */
import type { NarrativeTemplate } from "../render";

export const SICHUAN_TEMPLATE: NarrativeTemplate = {
  id: "sichuan",
  sections: [
    {
      id: "s1",
      title: "一、收入支出决算总体情况说明",
      paragraphs: [
        "{年度}年度收、支总计{收入总计}。与{上年}年相比，{#if changed(收入总计, 上年收入支出总计)}收、支总计各{change(收入总计, 上年收入支出总计)}。{reason(收支总计变动原因)}{#else}收、支总计持平。{/if}",
      ],
    },
    {
      id: "s2",
      title: "二、收入决算情况说明",
      paragraphs: [
        '{年度}年本年收入合计{本年收入合计}，其中：{#each 收入项目（四川） sep="；"}{item.name}{item.amount}，占{share(item.amount, 本年收入合计):pct.shareIncome}{/each}。',
      ],
    },
    {
      id: "s3",
      title: "三、支出决算情况说明",
      paragraphs: [
        '{年度}年本年支出合计{本年支出合计}，其中：{#each 支出项目 sep="；"}{item.name}{item.amount}，占{share(item.amount, 本年支出合计):pct.shareExpense}{/each}。',
      ],
    },
    {
      id: "s4",
      title: "四、财政拨款收入支出决算总体情况说明",
      paragraphs: [
        "{年度}年财政拨款收入总计{财政拨款本年收入}。与{上年}年相比，{#if changed(财政拨款本年收入, 上年财政拨款收入总计)}财政拨款收入总计{change(财政拨款本年收入, 上年财政拨款收入总计)}。{reason(财政拨款收入变动原因)}{#else}财政拨款收入总计持平。{/if}",
        "{年度}年财政拨款支出总计{财政拨款本年支出}。与{上年}年相比，{#if changed(财政拨款本年支出, 上年财政拨款支出总计)}财政拨款支出总计{change(财政拨款本年支出, 上年财政拨款支出总计)}。{reason(财政拨款支出变动原因)}{#else}财政拨款支出总计持平。{/if}",
      ],
    },
    {
      id: "s5",
      title: "五、一般公共预算财政拨款支出决算情况说明",
      paragraphs: [
        "（一）一般公共预算财政拨款支出决算总体情况",
        "{年度}年一般公共预算财政拨款支出{一般公共预算财政拨款支出}，占本年支出合计的{share(一般公共预算财政拨款支出, 本年支出合计):pct.shareGpb}。与{上年}年相比，{#if changed(一般公共预算财政拨款支出, 上年一般公共预算财政拨款支出)}一般公共预算财政拨款{change(一般公共预算财政拨款支出, 上年一般公共预算财政拨款支出)}。{reason(一般公共预算财政拨款支出变动原因)}{#else}一般公共预算财政拨款持平。{/if}",
        "（二）一般公共预算财政拨款支出决算结构情况",
        '{年度}年一般公共预算财政拨款支出{一般公共预算财政拨款支出}，主要用于以下方面：{#each 一般公共预算类 sep="；" zeros=omit}{item.shortName}（类）支出{item.amount}，占{share(item.amount, 一般公共预算财政拨款支出):pct.structure}{/each}。',
        "（三）一般公共预算财政拨款支出决算具体情况",
        "{年度}年一般公共预算支出决算数为{一般公共预算财政拨款支出}，完成预算{completion(一般公共预算财政拨款支出, 一般公共预算财政拨款支出预算):pct.completion}。其中：",
        { each: "一般公共预算项", zeros: "omit", template: "{index}.{item.path}：支出决算为{item.amount}{#if nonzero(item.budget)}，完成预算{completion(item.amount, item.budget):pct.completion}{/if}。" },
      ],
    },
    {
      id: "s6",
      title: "六、一般公共预算财政拨款基本支出决算情况说明",
      paragraphs: [
        "{年度}年一般公共预算财政拨款基本支出{一般公共预算财政拨款基本支出}，其中：",
        '人员经费{人员经费}，主要包括：{#each 人员经费科目 sep="、"}{item.name}{/each}等。',
        '公用经费{公用经费}，主要包括：{#each 公用经费科目 sep="、"}{item.name}{/each}等。',
      ],
    },
    {
      id: "s7",
      title: "七、“三公”经费财政拨款支出决算情况说明",
      paragraphs: [
        "（一）“三公”经费财政拨款支出决算总体情况说明",
        "{#if nonzero(“三公”经费合计)}{年度}年“三公”经费财政拨款支出决算为{“三公”经费合计}，完成预算{completion(“三公”经费合计, “三公”经费合计预算):pct.completion}。{#else}{年度}年无“三公”经费财政拨款支出。{/if}",
        "（二）“三公”经费财政拨款支出决算具体情况说明",
        '{#if nonzero(“三公”经费合计)}{年度}年“三公”经费财政拨款支出决算中，{#each 三公项目 sep="；"}{item.name}支出决算{item.amount}，占{share(item.amount, “三公”经费合计):pct.sanGong}{/each}。具体情况如下：{/if}',
        {
          each: "三公项目",
          zeros: "list",
          template:
            "{#if nonzero(“三公”经费合计)}{index}.{item.name}支出{item.amount}，完成预算{completion(item.amount, item.budget):pct.completion}。{item.name}支出决算比{上年}年{#if changed(item.amount, item.prior)}{change(item.amount, item.prior):sanGongYoy}。{reason(item.reason)}{#else}持平。{/if}{/if}",
        },
        "{#if nonzero(公务用车购置及运行维护费)}其中：公务用车购置支出{公务用车购置费}，公务用车运行维护费支出{公务用车运行维护费}。{/if}",
      ],
    },
    {
      id: "s8",
      title: "八、政府性基金预算支出决算情况说明",
      paragraphs: ["{年度}年政府性基金预算拨款支出{政府性基金预算财政拨款支出}。"],
    },
    {
      id: "s9",
      title: "九、国有资本经营预算支出决算情况说明",
      paragraphs: ["{年度}年国有资本经营预算拨款支出{国有资本经营预算财政拨款支出}。"],
    },
    {
      id: "s10",
      title: "十、其他重要事项的情况说明",
      paragraphs: [
        "（一）机关运行经费支出情况。",
        "{年度}年，{单位名称}机关运行经费支出{机关运行经费}，比{上年}年{#if changed(机关运行经费, 上年机关运行经费)}{change(机关运行经费, 上年机关运行经费)}。{reason(机关运行经费变动原因)}{#else}持平。{/if}",
        "（二）政府采购支出情况。",
        "{年度}年，{单位名称}政府采购支出总额{政府采购支出总额}，其中：政府采购货物支出{政府采购货物支出}、政府采购工程支出{政府采购工程支出}、政府采购服务支出{政府采购服务支出}。{#if present(政府采购主要用途)}主要用于{政府采购主要用途}。{/if}授予中小企业合同金额{授予中小企业合同金额}，占政府采购支出总额的{share(授予中小企业合同金额, 政府采购支出总额):pct.procurement}，其中：授予小微企业合同金额{授予小微企业合同金额}，占政府采购支出总额的{share(授予小微企业合同金额, 政府采购支出总额):pct.procurement}。",
        "（三）国有资产占有使用情况。",
        "截至{年度}年12月31日，{单位名称}共有车辆{车辆数:int}辆。单价50万元以上通用设备{单价50万元以上通用设备数:int}台（套），单价100万元以上专用设备{单价100万元以上专用设备数:int}台（套）。",
      ],
    },
  ],
};
