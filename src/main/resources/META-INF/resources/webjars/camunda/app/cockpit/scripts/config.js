// RDFund: Cockpit in Simplified Chinese for every browser (locales/zh.json, written for the project), dates
// yyyy-MM-dd and 24-hour times (docs/operations.md, "Language of the webapps").
export default {
  app: {
    name: '流程监控',
    vendor: 'RDFund'
  },
  locales: {
    availableLocales: ['zh'],
    fallbackLocale: 'zh'
  },
  dateFormat: {
    monthName: 'M月',
    day: 'D',
    abbr: 'YYYY-MM-DD HH:mm',
    normal: 'YYYY-MM-DD HH:mm:ss',
    long: 'YYYY-MM-DD dddd HH:mm:ss',
    short: 'YYYY-MM-DD'
  }
};
