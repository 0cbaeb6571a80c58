/** Shanghai 情况说明 sections (order and formula phrases of the 2024 Shanghai template; zero items omitted). */
import type { NarrativeTemplate } from "../render";

export const SHANGHAI_TEMPLATE: NarrativeTemplate = {
  id: "shanghai",
  sections: [
    {
      id: "s1",
      title: "一、收入支出决算总体情况说明",
      paragraphs: [
        "{单位名称}{年度}年度收入支出总计{收入总计}。{#if changed(收入总计, 上年收入支出总计)}与{上年}年度相比，收入支出总计{change(收入总计, 上年收入支出总计)}。{reason(收支总计变动原因)}{#else}收入支出总计与{上年}年度持平。{/if}",
      ],
    },
    {
      id: "s2",
      title: "二、收入决算情况说明",
      paragraphs: ['本年收入合计{本年收入合计}，其中：{#each 收入来源 sep="；"}{item.name}{item.amount}，占{share(item.amount, 本年收入合计):pct.shareIncome}{/each}。'],
    },
    {
      id: "s3",
      title: "三、支出决算情况说明",
      paragraphs: ['本年支出合计{本年支出合计}，其中：{#each 支出项目 sep="；"}{item.name}{item.amount}，占{share(item.amount, 本年支出合计):pct.shareExpense}{/each}。'],
    },
    {
      id: "s4",
      title: "四、财政拨款收入支出决算总体情况说明",
      paragraphs: [
        "{单位名称}{年度}年度财政拨款收入支出总计{财政拨款收入总计}。{#if changed(财政拨款收入总计, 上年财政拨款收入支出总计)}与{上年}年度相比，财政拨款收入支出总计{change(财政拨款收入总计, 上年财政拨款收入支出总计)}。{reason(财政拨款收入支出变动原因)}{#else}财政拨款收入支出总计与{上年}年度持平。{/if}",
      ],
    },
    {
      id: "s5",
      title: "五、一般公共预算财政拨款支出决算情况说明",
      paragraphs: [
        "（一）一般公共预算财政拨款支出决算总体情况",
        "一般公共预算财政拨款支出{一般公共预算财政拨款支出}，占本年支出合计的{share(一般公共预算财政拨款支出, 本年支出合计):pct.shareGpb}。{#if changed(一般公共预算财政拨款支出, 上年一般公共预算财政拨款支出)}与{上年}年度相比，一般公共预算财政拨款支出{change(一般公共预算财政拨款支出, 上年一般公共预算财政拨款支出)}。{reason(一般公共预算财政拨款支出变动原因)}{#else}一般公共预算财政拨款支出与{上年}年度持平。{/if}",
        "（二）一般公共预算财政拨款支出决算结构情况",
        '一般公共预算财政拨款支出{一般公共预算财政拨款支出}，主要用于以下方面：{#each 一般公共预算类 sep="；"}{item.name}（类）{item.amount}，占{share(item.amount, 一般公共预算财政拨款支出):pct.structure}{/each}。',
        "（三）一般公共预算财政拨款支出决算具体情况",
        "一般公共预算财政拨款支出年初预算为{一般公共预算财政拨款支出预算}，支出决算为{一般公共预算财政拨款支出}，完成年初预算的{completion(一般公共预算财政拨款支出, 一般公共预算财政拨款支出预算):pct.completion}。{#if present(预算完成情况原因)}决算数{#if gt(一般公共预算财政拨款支出, 一般公共预算财政拨款支出预算)}大于{#else}小于{/if}预算数的主要原因：{预算完成情况原因}。{/if}其中：",
        { each: "一般公共预算项", zeros: "omit", template: "{index}、{item.path}。年初预算为{item.budget}，支出决算为{item.amount}{#if nonzero(item.budget)}，完成年初预算的{completion(item.amount, item.budget):pct.completion}{/if}。" },
      ],
    },
    {
      id: "s6",
      title: "六、一般公共预算财政拨款基本支出决算情况说明",
      paragraphs: [
        '一般公共预算财政拨款基本支出{一般公共预算财政拨款基本支出}。其中：人员经费{人员经费}，主要包括：{#each 人员经费科目 sep="、"}{item.name}{/each}；公用经费{公用经费}，主要包括：{#each 公用经费科目 sep="、"}{item.name}{/each}。',
      ],
    },
    {
      id: "s7",
      title: "七、财政拨款“三公”经费支出决算情况说明",
      paragraphs: [
        "（一）“三公”经费财政拨款支出决算总体情况说明。",
        '“三公”经费财政拨款支出年初预算为{“三公”经费合计预算}，支出决算为{“三公”经费合计}，完成预算的{completion(“三公”经费合计, “三公”经费合计预算):pct.completion}，其中：{#each 三公项目 sep="；" zeros=list}{item.name}支出决算为{item.amount}，完成预算的{completion(item.amount, item.budget):pct.completion}{/each}。{#if present(“三公”经费预算完成原因)}{年度}年度“三公”经费支出决算数{#if gt(“三公”经费合计, “三公”经费合计预算)}大于{#else}小于{/if}预算数的主要原因：{“三公”经费预算完成原因}。{/if}',
        '{年度}年度“三公”经费财政拨款支出决算数{#if changed(“三公”经费合计, 上年“三公”经费合计)}比{上年}年度{change(“三公”经费合计, 上年“三公”经费合计):sanGongYoy}{#else}与{上年}年度持平{/if}，其中：{#each 三公项目 sep="；" zeros=list}{item.name}支出决算{#if changed(item.amount, item.prior)}{change(item.amount, item.prior):sanGongYoy}{#else}持平{/if}{/each}。{#each 三公项目 zeros=omit}{#if changed(item.amount, item.prior)}{#if present(item.reason)}{item.name}支出变动的主要原因是{item.reason}。{/if}{/if}{/each}',
        "（二）“三公”经费财政拨款支出决算具体情况说明。",
        '{#if nonzero(“三公”经费合计)}“三公”经费财政拨款支出决算中，{#each 三公项目 sep="；" zeros=list}{item.name}支出决算{item.amount}，占{share(item.amount, “三公”经费合计):pct.sanGong}{/each}。{#else}{单位名称}{年度}年度无“三公”经费财政拨款支出。{/if}',
        "{#if nonzero(公务用车购置及运行维护费)}公务用车购置及运行维护费支出{公务用车购置及运行维护费}。其中：公务用车购置支出为{公务用车购置费}；公务用车运行维护支出{公务用车运行维护费}。{/if}",
      ],
    },
    {
      id: "s8",
      title: "八、政府性基金预算财政拨款收入支出决算情况说明",
      paragraphs: [
        "{#if nonzero(政府性基金预算财政拨款支出)}政府性基金预算财政拨款支出{政府性基金预算财政拨款支出}。{#else}{单位名称}{年度}年度无政府性基金预算财政拨款收入和支出。{/if}",
      ],
    },
    {
      id: "s9",
      title: "九、国有资本经营预算财政拨款收入支出决算情况说明",
      paragraphs: [
        "{#if nonzero(国有资本经营预算财政拨款支出)}国有资本经营预算财政拨款支出{国有资本经营预算财政拨款支出}。{#else}{单位名称}{年度}年度无国有资本经营预算财政拨款收入和支出。{/if}",
      ],
    },
    {
      id: "s10",
      title: "十一、其他重要事项的情况说明",
      paragraphs: [
        "（一）机关运行经费支出情况",
        "{#if nonzero(机关运行经费)}机关运行经费支出{机关运行经费}，{#if changed(机关运行经费, 上年机关运行经费)}比{上年}年度{change(机关运行经费, 上年机关运行经费)}。{reason(机关运行经费变动原因)}{#else}与{上年}年度持平。{/if}{#else}{单位名称}{年度}年度无机关运行经费支出。{/if}",
        "（二）政府采购支出情况",
        "{单位名称}{年度}年度政府采购金额（以合同签订为准）为{政府采购支出总额}，其中：货物采购金额{政府采购货物支出}、工程采购金额{政府采购工程支出}、服务采购金额{政府采购服务支出}。",
        "（三）国有资产占有使用情况说明",
        "截至{年度}年12月31日，{单位名称}共有车辆{车辆数:int}辆。单价100万元（含）以上设备（不含车辆）{单价100万元以上设备数:int}台（套）。",
      ],
    },
  ],
};
