// RDFund: Camunda Forms (form-js), as bundled in Tasklist 7.24, has no translations: its checks, the "Select"
// placeholder and the date picker's calendar are English, and it reads and writes dates in the browser's format
// (12/01/2026 in an English browser). Loaded by scripts/config.js (customScripts) before any form is shown, this
// script makes the form's date fields read and write yyyy-MM-dd and puts form-js's own words into Chinese as they
// appear. The server checks every completed form again and answers in Chinese whatever this script does.

// form-js asks Intl for the "default" locale's date pattern; Swedish is the locale whose pattern is yyyy-MM-dd.
const NativeDateTimeFormat = Intl.DateTimeFormat;
function DateTimeFormatWithIsoDates(locales, options) {
  return new NativeDateTimeFormat(locales === 'default' ? 'sv-SE' : locales, options);
}
DateTimeFormatWithIsoDates.prototype = NativeDateTimeFormat.prototype;
DateTimeFormatWithIsoDates.supportedLocalesOf = NativeDateTimeFormat.supportedLocalesOf;
Intl.DateTimeFormat = DateTimeFormatWithIsoDates;

const MESSAGES = [
  [/^Field is required\.$/, () => '此项为必填项。'],
  [/^Field must have minimum value of (.+)\.$/, (m) => `不得小于${m[1]}。`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `不得大于${m[1]}。`],
  [/^Field must have minimum length of (.+)\.$/, (m) => `至少${m[1]}个字符。`],
  [/^Field must have maximum length of (.+)\.$/, (m) => `最多${m[1]}个字符。`],
  [/^Field must match pattern .+\.$/, () => '格式不符合要求。'],
  [/^Field must be a valid email\.$/, () => '请填写有效的电子邮箱地址。'],
  [/^Field must be a valid +international phone number\..*$/, () => '请填写有效的电话号码（含国家代码，如 +86）。'],
  [/^Value is not a number\.$/, () => '请填写数字。'],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    (m) => `请填写有效值，最接近的两个有效值为${m[1]}和${m[2]}。`]
];
// form-js's own words that case data could also be: translated only where form-js writes them.
const PLACES = [
  ['.fjs-select-display', 'Select', '请选择'],
  ['label.fjs-form-field-label', 'Date', '日期'],
  ['label.fjs-form-field-label', 'Time', '时间']
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];
const WEEKDAYS = { Sun: '日', Mon: '一', Tue: '二', Wed: '三', Thu: '四', Fri: '五', Sat: '六' };

function chinese(text, inCalendar, parent) {
  const trimmed = text.trim();
  for (const [place, english, words] of PLACES) {
    if (trimmed === english && parent.matches(place)) {
      return words;
    }
  }
  if (inCalendar) {
    const month = MONTHS.indexOf(trimmed);
    if (month >= 0) {
      return `${month + 1}月`;
    }
    if (WEEKDAYS[trimmed]) {
      return WEEKDAYS[trimmed];
    }
  }
  for (const [pattern, words] of MESSAGES) {
    const match = trimmed.match(pattern);
    if (match) {
      return words(match);
    }
  }
  return null;
}

function translate(node) {
  if (node.nodeType === Node.TEXT_NODE) {
    const parent = node.parentElement;
    const inCalendar = !!(parent && parent.closest('.flatpickr-calendar'));
    if (parent && (inCalendar || parent.closest('.fjs-container'))) {
      const words = chinese(node.nodeValue, inCalendar, parent);
      if (words !== null) {
        node.nodeValue = words;
      }
    }
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  if (node.matches('.fjs-container input[placeholder="Search"]')) {
    node.placeholder = '搜索';
  }
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let next = walker.nextNode(); next; next = walker.nextNode()) {
    if (next.nodeType === Node.TEXT_NODE) {
      translate(next);
    } else if (next.matches('.fjs-container input[placeholder="Search"]')) {
      next.placeholder = '搜索';
    }
  }
}

new MutationObserver((changes) => {
  for (const change of changes) {
    if (change.type === 'characterData') {
      translate(change.target);
    } else {
      change.addedNodes.forEach(translate);
    }
  }
}).observe(document.documentElement, { childList: true, subtree: true, characterData: true });

// Camunda Forms applies what is typed into a field after a short pause, or when the field is left. A 完成 or 保存
// triggered while a field still has the focus (a script's click, a click that does not move the focus) would submit
// the value from before the last keys: the field is left first, and the button pressed once that has been applied.
document.addEventListener('click', (event) => {
  const button = event.target instanceof Element
    && event.target.closest('button[ng-click="complete()"], button[ng-click="save($event)"]');
  const field = document.activeElement;
  if (!button || button.dataset.rdfundFieldLeft || !field || !field.closest || !field.closest('.fjs-container')) {
    return;
  }
  event.preventDefault();
  event.stopImmediatePropagation();
  field.blur();
  setTimeout(() => {
    button.dataset.rdfundFieldLeft = 'true';
    button.click();
    delete button.dataset.rdfundFieldLeft;
  }, 50);
}, true);

export default [];
