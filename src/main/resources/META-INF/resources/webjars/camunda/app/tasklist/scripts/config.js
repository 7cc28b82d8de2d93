// RDFund: Tasklist in Simplified Chinese for every browser (locales/zh.json, written for the project), dates
// yyyy-MM-dd and 24-hour times, the header naming RDFund. To offer Camunda's English to English browsers as well,
// list "en" after "zh" in availableLocales (docs/operations.md, "Language of the webapps").
export default {
  app: {
    name: '任务列表',
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
    normal: 'YYYY-MM-DD HH:mm',
    long: 'YYYY-MM-DD dddd HH:mm',
    short: 'YYYY-MM-DD'
  },
  // Camunda Forms' own words (required, limits, "Select", the calendar) in Chinese and dates typed as yyyy-MM-dd;
  // the 材料 tab of every task (documents attached to its case).
  customScripts: ['scripts/rdfund-forms-zh', 'scripts/rdfund-documents'],
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '将焦点移到第一个筛选器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '将焦点移到任务列表的第一个任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '将焦点移到任务表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开“发起流程”对话框'
    }
  }
};
