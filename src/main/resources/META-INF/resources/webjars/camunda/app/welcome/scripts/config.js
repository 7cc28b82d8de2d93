// RDFund: the welcome page (after logging in to Camunda) links to RDFund's own pages, which use the same login.
// In Simplified Chinese for every browser, like Tasklist, Cockpit and Admin (docs/operations.md).
export default {
  app: {
    name: '欢迎',
    vendor: 'RDFund'
  },
  locales: {
    availableLocales: ['zh'],
    fallbackLocale: 'zh'
  },
  links: [
    {
      label: '审计与监督（RDFund）',
      href: '/audit/index.html',
      description: '案件时间线、资金台账与校验、导出、看板：审计、财务、系统管理员可查看全部，处室查看本单位案件'
    },
    {
      label: '政策计算器（RDFund）',
      href: '/claims/calculator.html',
      description: '某一日期可申领的政策措施、本单位的申领和1000万元上限内的余额，按所填情况试算奖励金额；处室可代企业试算'
    },
    {
      label: '免申即享名单导入（RDFund）',
      href: '/claims/award-lists.html',
      description: '牵头处室导入认定名单，为名单上的企业开启申领；审计和系统管理员可查看导入结果'
    }
  ]
};
