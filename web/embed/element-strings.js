// The words of the <tier-lens> element, per language. The element is a compact view with few
// words of its own, and its language is set per element (its `lang` attribute), not for the
// whole page: so it keeps them here rather than in the page's views/strings.js. Segment names,
// tier names and rules, and error messages come from the engine and the policy, as written.

export const elementStrings = {
  en: {
    locale: 'en-US',
    privacy: 'Your files are read and classified in this browser; nothing is sent anywhere.',
    chooseFiles: 'Choose an orders file (and a customers table)',
    trySample: 'Try the sample data',
    reading: (percent) => `Reading… ${percent}`,
    starting: 'Starting the classifier…',
    loadingPolicy: 'Loading the policy…',
    done: (customers, policy) => `${customers} customers classified under “${policy}”.`,
    facts: (used, skipped, date) => `${used} rows used, ${skipped} skipped; analysis date ${date}.`,
    tiersHeading: 'Tiers',
    noTiers: 'This policy has no tiers.',
    segmentsHeading: 'RFM segments',
    tier: 'Tier',
    rule: 'Rule',
    segment: 'Segment',
    customers: 'Customers',
    customerShare: '% of customers',
    revenue: 'Revenue',
    revenueShare: '% of revenue',
    downloadCustomers: 'Download the classified customers (CSV)',
    errorHeading: 'Could not classify',
    policyNotSameOrigin: (url) => `The policy ${url} is not on this site's origin: TierLens only reads a policy from its own origin.`,
    policyUnreadable: (url, detail) => `The policy ${url} could not be read: ${detail}`,
  },
  zh: {
    locale: 'zh-CN',
    privacy: '文件只在本浏览器中读取和分类，不会发送到任何地方。',
    chooseFiles: '选择订单文件（以及客户表）',
    trySample: '试用示例数据',
    reading: (percent) => `正在读取… ${percent}`,
    starting: '正在启动分类引擎…',
    loadingPolicy: '正在读取策略…',
    done: (customers, policy) => `已按“${policy}”对 ${customers} 位客户分类。`,
    facts: (used, skipped, date) => `使用 ${used} 行，跳过 ${skipped} 行；分析日期 ${date}。`,
    tiersHeading: '客户分级',
    noTiers: '此策略没有分级。',
    segmentsHeading: 'RFM 客户细分',
    tier: '等级',
    rule: '规则',
    segment: '细分',
    customers: '客户数',
    customerShare: '客户占比',
    revenue: '收入',
    revenueShare: '收入占比',
    downloadCustomers: '下载分类结果（CSV）',
    errorHeading: '无法分类',
    policyNotSameOrigin: (url) => `策略 ${url} 不在本站点的源上：TierLens 只读取同源的策略。`,
    policyUnreadable: (url, detail) => `无法读取策略 ${url}：${detail}`,
  },
};

/** The words for a `lang` value: `zh`, `zh-CN`, `zh-Hans` … are Chinese; anything else English. */
export function stringsFor(lang) {
  return /^zh\b/i.test(lang ?? '') ? elementStrings.zh : elementStrings.en;
}
