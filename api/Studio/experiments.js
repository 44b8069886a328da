'use strict';
// The operators' experiment page. The admin key stays in this tab's session storage and travels only in
// the X-Api-Key header; every text from the server goes into the page through textContent, never as HTML.
(() => {
  const keyName = 'platform.adminKey';
  const experimentId = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() || '');
  const form = document.getElementById('key-form');
  const keyInput = document.getElementById('admin-key');
  const status = document.getElementById('status');
  const table = document.getElementById('variants');
  const body = table.querySelector('tbody');
  const stateBadge = document.getElementById('state');
  const started = document.getElementById('started');
  const stop = document.getElementById('stop');
  let timer = null;

  document.getElementById('experiment-id').textContent = experimentId;
  const key = () => sessionStorage.getItem(keyName) || '';
  const percent = (x) => `${(100 * x).toFixed(2)}%`;

  async function admin(path, options = {}) {
    const headers = Object.assign({ 'X-Api-Key': key() }, options.headers || {});
    const response = await fetch(path, Object.assign({}, options, { headers }));
    if (response.status === 401) {
      sessionStorage.removeItem(keyName);
      form.hidden = false;
      throw new Error('The admin key was refused.');
    }
    return response;
  }

  function cell(row, text, className) {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) td.className = className;
    row.appendChild(td);
  }

  function render(report) {
    stateBadge.textContent = report.state;
    stateBadge.className = `state ${report.state}`;
    started.textContent = `Started ${new Date(report.startedAt).toLocaleString()}`
      + (report.stoppedAt ? `, stopped ${new Date(report.stoppedAt).toLocaleString()}` : '');
    body.replaceChildren();
    for (const v of report.variants) {
      const row = document.createElement('tr');
      row.dataset.variant = v.name;
      const name = document.createElement('th');
      name.scope = 'row';
      name.textContent = v.name;
      row.appendChild(name);
      for (const n of [v.weight, v.users, v.impressions, v.views, v.completions, v.likes, v.shares, v.skips]) cell(row, String(n));
      cell(row, percent(v.likeRate), 'like-rate');
      cell(row, `${percent(v.likeRateCi95[0])} – ${percent(v.likeRateCi95[1])}`);
      cell(row, percent(v.completionRate));
      cell(row, percent(v.skipRate));
      const p = v.pValueVsControl;
      cell(row, p == null ? 'control' : p < 0.0001 ? '< 0.0001' : p.toFixed(4), p != null && p < 0.05 ? 'p-value significant' : 'p-value');
      body.appendChild(row);
    }
    table.hidden = false;
    stop.hidden = report.state !== 'running';
  }

  async function load() {
    try {
      const response = await admin(`/v1/admin/experiments/${encodeURIComponent(experimentId)}`);
      if (!response.ok) {
        const problem = await response.json().catch(() => ({}));
        status.textContent = problem.detail || `Loading failed (${response.status}).`;
        return;
      }
      render(await response.json());
      status.textContent = `Updated ${new Date().toLocaleTimeString()}`;
      form.hidden = true;
    } catch (error) {
      status.textContent = error.message;
      clearInterval(timer);
      timer = null;
    }
  }

  function start() {
    load();
    if (!timer) timer = setInterval(load, 1000);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem(keyName, keyInput.value);
    keyInput.value = '';
    start();
  });

  stop.addEventListener('click', async () => {
    try {
      const response = await admin(`/v1/admin/experiments/${encodeURIComponent(experimentId)}/stop`, { method: 'POST' });
      status.textContent = response.ok ? 'Stopped.' : `Stopping failed (${response.status}).`;
    } catch (error) {
      status.textContent = error.message;
    }
    load();
  });

  if (key()) start();
})();
