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
    }
  ]
};
