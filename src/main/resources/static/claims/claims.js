// Shared helpers of RDFund's claim pages (政策计算器, 免申即享名单导入). They use the Camunda webapp login: who is
// logged in and their groups come from the webapps' own API, the data from /api/claims with that session.
const Claims = {
  /** The session's CSRF token, as Camunda answered it on making it (who), until the page's own cookie has it. */
  answeredToken: null,

  /** The session's CSRF token, sent with the one write these pages make (a 免申即享 list's import). */
  csrfToken() {
    // RDFund hands it to the claim pages in a cookie for their path (Camunda's own is for /camunda only).
    const cookie = document.cookie.match(/(?:^|;\s*)RDFUND-XSRF-TOKEN=([^;]+)/);
    return cookie ? decodeURIComponent(cookie[1]) : Claims.answeredToken;
  },

  /** The logged-in user: id and Camunda groups (each with its type: role, program-manager). */
  async who() {
    const response = await fetch('/camunda/api/admin/auth/user/default',
      { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' } });
    if (!response.ok) {
      throw new Error('登录已失效或尚未登录：请在登录页重新登录后再试');
    }
    // a session's first request to the webapps makes its CSRF token, and answers it in this header
    Claims.answeredToken = response.headers.get('X-XSRF-TOKEN');
    const user = await response.json();
    const groups = await Claims.get('/camunda/api/engine/engine/default/group?member=' + encodeURIComponent(user.userId));
    return {
      id: user.userId,
      groups,
      applicant: groups.some(g => g.id === 'applicants'),
      // a 处室's group is of type program-manager and named after its unit (市科技局项目处室)
      units: groups.filter(g => g.type === 'program-manager').map(g => g.name),
    };
  },

  /** Whether the measure's lead unit (e.g. 市科技局) is one of the user's 处室. */
  leads(user, leadUnit) {
    return user.units.some(unit => unit.startsWith(leadUnit));
  },

  async get(path) {
    const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' } });
    if (!response.ok) {
      throw new Error(await Claims.problem(response));
    }
    return response.json();
  },

  /** What a refusal says: RDFund's problem detail or message, else the status in words. */
  async problem(response) {
    const body = await response.json().catch(() => null);
    const said = body && (body.detail || body.message);
    if (said) {
      return said;
    }
    if (response.status === 401) {
      return '登录已失效或尚未登录：请在登录页重新登录后再试';
    }
    if (response.status === 403) {
      return '您的角色不能进行此操作';
    }
    if (response.status === 404) {
      return '没有找到，或无权查看';
    }
    return '请求失败（状态 ' + response.status + '）';
  },

  text(value) {
    const span = document.createElement('span');
    span.textContent = value == null ? '' : String(value);
    // also safe inside an attribute's quotes
    return span.innerHTML.replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  },

  time(value) {
    return value ? String(value).replace('T', ' ').substring(0, 19) : '';
  },

  param(name) {
    return new URLSearchParams(location.search).get(name);
  },

  /** Today in the browser's calendar, yyyy-MM-dd. */
  /** Today in Asia/Shanghai, whatever the browser's zone (yyyy-MM-dd). */
  today() {
    return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit',
      day: '2-digit' }).format(new Date());
  },

  isDate(text) {
    return /^\d{4}-\d{2}-\d{2}$/.test(text);
  },

  /**
   * Yuan as the API gives them (a string, two decimals) in 万元, exactly: the decimal point moved four places by
   * string, never through a floating-point number ("833333.20" → "83.33332万元", "3000000.00" → "300.00万元").
   */
  wan(yuan) {
    if (yuan == null || yuan === '') {
      return '';
    }
    let digits = String(yuan).trim();
    let sign = '';
    if (digits.startsWith('-')) {
      sign = '-';
      digits = digits.substring(1);
    }
    if (!/^\d+(\.\d+)?$/.test(digits)) {
      return String(yuan) + '元';
    }
    const [whole, fraction = ''] = digits.split('.');
    const padded = whole.padStart(5, '0');
    const wanWhole = padded.slice(0, -4).replace(/^0+(?=\d)/, '');
    let wanFraction = (padded.slice(-4) + fraction).replace(/0+$/, '');
    if (wanFraction.length < 2) {
      wanFraction = wanFraction.padEnd(2, '0');
    }
    return sign + wanWhole + '.' + wanFraction + '万元';
  },

  nav(current, user) {
    const links = [['calculator.html', '政策计算器']];
    if (!user || !user.applicant) {
      links.push(['award-lists.html', '免申即享名单导入']);
    }
    document.body.insertAdjacentHTML('afterbegin', '<header><strong>RDFund 政策兑现</strong>'
      + links.map(([href, label]) => `<a href="${href}" class="${href === current ? 'current' : ''}">${label}</a>`).join('')
      + '<a href="/camunda/app/tasklist/default/">任务列表</a>'
      + `<span class="who">${user ? '当前登录：' + Claims.text(user.id) : ''}</span></header>`);
  },

  fail(element, error) {
    element.innerHTML = `<p class="result bad">${Claims.text(error.message)}</p>`;
  },
};
