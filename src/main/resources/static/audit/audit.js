// Shared helpers of RDFund's audit pages. Data comes from /api/audit (read-only), with the Camunda webapp login.
const Audit = {
  async get(path) {
    const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' } });
    if (response.status === 401 || response.status === 403) {
      throw new Error('无权查看（请先在 Camunda 登录页以审计、财务、处室或管理员身份登录）');
    }
    if (!response.ok) {
      // RDFund answers a refused query with a problem detail that says what to correct.
      const problem = await response.json().catch(() => null);
      throw new Error(problem && problem.detail ? problem.detail : '查询失败：' + response.status);
    }
    return response.json();
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
  query(form) {
    const params = new URLSearchParams();
    new FormData(form).forEach((value, key) => { if (String(value).trim() !== '') params.set(key, String(value).trim()); });
    return params.toString();
  },
  wan(yuan) {
    return yuan == null ? '' : (Number(yuan) / 10000).toFixed(2) + '万元';
  },
  nav(current) {
    const links = [['index.html', '案件查询'], ['ledger.html', '资金台账'], ['dashboard.html', '看板'], ['access.html', '访问记录'], ['verify.html', '报告核验']];
    document.body.insertAdjacentHTML('afterbegin', '<header><strong>RDFund 审计与监督</strong>'
      + links.map(([href, label]) => `<a href="${href}" class="${href === current ? 'current' : ''}">${label}</a>`).join('')
      + '<a href="/camunda/app/tasklist/default/">Tasklist</a><span class="who">只读：本页面不修改任何业务数据（下载的 PDF 报告会登记备查）</span></header>');
  },
  async verify(out) {
    try {
      const v = await Audit.get('/api/ledger/verify');
      const lines = v.intact ? [`台账完整：已校验 ${v.rowsChecked} 行，封存链一致`]
        : [`台账被改动：发现 ${v.findingCount} 处问题`].concat((v.findings || []).map(f => `【${f.label}】${f.message}`));
      if (!v.intact && v.findingCount > (v.findings || []).length) {
        lines.push(`另有 ${v.findingCount - v.findings.length} 处未列出`);
      }
      if (v.checkpoint && v.checkpoint.lastSeq != null) {
        lines.push(`库外检查点：第 ${v.checkpoint.lastSeq} 条封存（${Audit.time(v.checkpoint.lastAt)}）`);
      }
      (v.adminSealings || []).forEach(a => lines.push(
        `管理员 ${a.sealedBy} 于 ${Audit.time(a.sealedAt)} 补封 ${a.rows} 行（第 ${a.firstSeq}–${a.lastSeq} 条封存）`));
      (v.warnings || []).forEach(w => lines.push(`注意：${w}`));
      out.className = 'result ' + (v.intact ? 'ok' : 'bad');
      out.innerHTML = lines.map(line => `<div>${Audit.text(line)}</div>`).join('');
    } catch (error) {
      out.className = 'result bad';
      out.textContent = error.message;
    }
  },
  fail(element, error) {
    element.innerHTML = `<p class="result bad">${Audit.text(error.message)}</p>`;
  },
  facts(c, keys) {
    const all = { 单位: c.organizationName, 统一社会信用代码: c.uscc, 措施: c.measure, 牵头单位: c.leadUnitLabel,
      区县: c.district, 状态: c.statusLabel, 创建: Audit.time(c.createdAt), 流程实例: (c.processInstanceIds || []).join('，') };
    return keys.map(k => `<dt>${k}</dt><dd>${Audit.text(all[k])}</dd>`).join('');
  },
  timelineRows(events) {
    return events.map(e => `<tr class="${e.type}"><td class="time">${Audit.time(e.at)}</td><td>${Audit.text(e.process)}</td>`
      + `<td>${Audit.text(e.kindLabel)}</td><td>${Audit.text(e.title)}</td><td>${Audit.text(e.actor)}</td>`
      + `<td class="details">${(e.details || []).map(d => `<div>${Audit.text(d)}</div>`).join('')}</td>`
      + `<td class="amount">${Audit.text(e.amountDisplay)}</td></tr>`).join('');
  },
};
