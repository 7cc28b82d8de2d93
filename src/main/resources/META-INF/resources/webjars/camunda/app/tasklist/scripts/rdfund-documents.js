// RDFund: the 材料 tab of a task in Tasklist. Camunda Forms 7.24 has no file field, so documents (申报书, 任务书 scan,
// reports, vouchers, minutes) are attached here, beside the form: the case's documents this user may read, each
// version with its SHA-256, and an upload that the server checks by content (type, size) and keeps as the next
// version of its kind. Talks to RDFund's /api/tasks/{id}/documents with the Tasklist login and its CSRF token.

function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  children.forEach((child) => node.append(child));
  return node;
}

function size(bytes) {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function when(dateTime) {
  return String(dateTime || '').replace('T', ' ').substring(0, 16);
}

async function problem(response) {
  try {
    const body = await response.json();
    return body.detail || body.message || `上传未成功（${response.status}）`;
  } catch (notJson) {
    return `上传未成功（${response.status}）`;
  }
}

function table(documents, uploaders) {
  if (!documents.length) {
    return element('p', { class: 'rdfund-documents-empty' }, '本案尚无材料。');
  }
  const rows = documents.slice().reverse().map((document) => element('tr', {},
    element('td', {}, document.kind),
    element('td', {}, `第${document.version}版`),
    element('td', {}, element('a', { href: `/api/documents/${document.id}`, download: document.fileName },
      document.fileName)),
    element('td', {}, size(document.sizeBytes)),
    element('td', {}, uploaders[document.uploadedBy] || document.uploadedBy),
    element('td', {}, when(document.uploadedAt)),
    element('td', { class: 'rdfund-sha', title: document.sha256 }, document.sha256.substring(0, 12) + '…')));
  return element('table', { class: 'table table-condensed rdfund-documents' },
    element('thead', {}, element('tr', {}, ...['类别', '版本', '文件', '大小', '上传人', '上传时间', 'SHA-256']
      .map((title) => element('th', {}, title)))),
    element('tbody', {}, ...rows));
}

async function show(node, taskId, csrfToken) {
  const response = await fetch(`/api/tasks/${encodeURIComponent(taskId)}/documents`,
    { credentials: 'same-origin', headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' } });
  if (!response.ok) {
    node.replaceChildren(element('p', {}, response.status === 404
      ? '只有办理此任务的人可以在这里上传和查看材料。' : await problem(response)));
    return;
  }
  const tab = await response.json();
  const kind = element('select', { name: 'kind', class: 'form-control', id: 'rdfund-document-kind' },
    ...tab.kinds.map((name) => element('option', { value: name }, name)));
  // The browser's own file button speaks the browser's language: a label in Chinese stands in for it.
  const file = element('input', { type: 'file', name: 'file', class: 'rdfund-file-input', id: 'rdfund-document-file' });
  const chosen = element('span', { class: 'rdfund-file-chosen' }, '未选择文件');
  file.addEventListener('change', () => {
    chosen.textContent = file.files.length ? file.files[0].name : '未选择文件';
  });
  const submit = element('button', { type: 'submit', class: 'btn btn-primary' }, '上传');
  const message = element('p', { class: 'rdfund-documents-message', role: 'status' });
  const form = element('form', { class: 'rdfund-documents-upload' },
    element('label', { for: 'rdfund-document-kind' }, '材料类别'), kind,
    element('label', {}, '文件'),
    element('div', { class: 'rdfund-file' }, file,
      element('label', { for: 'rdfund-document-file', class: 'btn btn-default' }, '选择文件…'), chosen),
    submit,
    element('p', { class: 'help-block' }, `可上传：${tab.accepted}；单个文件不超过${tab.maxSize}。`
      + '同一类别再次上传即为新版本，旧版本保留。'),
    message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!file.files.length) {
      message.textContent = '请选择要上传的文件。';
      return;
    }
    const body = new FormData();
    body.append('kind', kind.value);
    body.append('file', file.files[0]);
    submit.disabled = true;
    message.textContent = '正在上传…';
    const sent = await fetch(`/api/tasks/${encodeURIComponent(taskId)}/documents`,
      { method: 'POST', credentials: 'same-origin', headers: { 'X-XSRF-TOKEN': csrfToken, 'X-Requested-With': 'XMLHttpRequest' }, body });
    submit.disabled = false;
    if (sent.ok) {
      const added = await sent.json();
      await show(node, taskId, csrfToken);
      node.querySelector('.rdfund-documents-message').textContent =
        `已上传：${added.kind} 第${added.version}版（${added.fileName}）`;
    } else {
      message.textContent = `未能上传：${await problem(sent)}`;
    }
  });
  node.replaceChildren(element('h4', {}, '本案材料'), table(tab.documents, tab.uploaders),
    ...(tab.attachable ? [element('h4', {}, '上传材料'), form]
      : [element('p', { class: 'help-block' }, '专家评审和评议任务不接受附件：评审结束前意见不公开，请把意见写在表单中。')]));
}

export default [{
  id: 'rdfund-documents',
  pluginPoint: 'tasklist.task.detail',
  priority: 900,
  properties: { label: '材料' },
  render(node, { api, taskId }) {
    show(node, taskId, api.CSRFToken).catch((error) => {
      node.textContent = `材料未能加载：${error.message}`;
    });
  }
}];
