'use strict';
// The moderation page. The admin key stays in this tab's session storage and travels only in the
// X-Api-Key header; every text from the server goes into the page through textContent, never as HTML.
(() => {
  const keyName = 'platform.adminKey';
  const form = document.getElementById('key-form');
  const keyInput = document.getElementById('admin-key');
  const status = document.getElementById('status');
  const queue = document.getElementById('queue');
  const empty = document.getElementById('empty');
  const template = document.getElementById('item-template');

  const key = () => sessionStorage.getItem(keyName) || '';

  async function admin(path, options = {}) {
    const headers = Object.assign({ 'X-Api-Key': key() }, options.headers || {});
    const response = await fetch(path, Object.assign({}, options, { headers }));
    if (response.status === 401) {
      sessionStorage.removeItem(keyName);
      throw new Error('The admin key was refused.');
    }
    return response;
  }

  async function video(id) {
    const response = await fetch(`/v1/videos/${encodeURIComponent(id)}`);
    return response.ok ? response.json() : null;
  }

  function set(root, selector, text) {
    root.querySelector(selector).textContent = text == null ? '' : String(text);
  }

  async function render(entry) {
    const node = template.content.firstElementChild.cloneNode(true);
    node.dataset.videoId = entry.videoId;
    set(node, '.title', entry.title || '(untitled)');
    set(node, '.video-id', entry.videoId);
    set(node, '.creator', entry.creatorId);
    set(node, '.reason', entry.reason);
    set(node, '.reports', entry.reports);
    set(node, '.since', new Date(entry.since).toLocaleString());
    if (entry.duplicateOf) {
      const original = node.querySelector('.original');
      original.hidden = false;
      set(node, '.original-id', entry.duplicateOf);
      const info = await video(entry.duplicateOf);
      if (info) {
        set(node, '.original-title', info.title || '(untitled)');
        set(node, '.original-creator', info.creatorId);
        set(node, '.original-state', info.state);
        set(node, '.original-registered', new Date(info.registeredAt).toLocaleString());
      }
    }
    for (const action of ['approve', 'reject']) {
      node.querySelector(`.${action}`).addEventListener('click', () => decide(node, entry.videoId, action));
    }
    return node;
  }

  async function decide(node, videoId, action) {
    const note = node.querySelector('.note').value.trim();
    try {
      const response = await admin(`/v1/admin/videos/${encodeURIComponent(videoId)}/${action}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(note ? { note } : {}),
      });
      if (!response.ok) {
        const problem = await response.json().catch(() => ({}));
        status.textContent = problem.detail || `${action} failed (${response.status}).`;
      } else {
        status.textContent = `${videoId}: ${action === 'approve' ? 'approved' : 'rejected'}.`;
      }
    } catch (error) {
      status.textContent = error.message;
    }
    await load();
  }

  async function load() {
    if (!key()) {
      status.textContent = 'Enter the admin key to see the queue.';
      return;
    }
    try {
      const response = await admin('/v1/admin/moderation/queue?count=50');
      if (!response.ok) {
        status.textContent = `The queue could not be loaded (${response.status}).`;
        return;
      }
      const body = await response.json();
      const nodes = await Promise.all(body.items.map(render));
      queue.replaceChildren(...nodes);
      empty.hidden = nodes.length > 0;
      queue.dataset.loaded = 'true';
    } catch (error) {
      status.textContent = error.message;
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem(keyName, keyInput.value);
    keyInput.value = '';
    status.textContent = '';
    load();
  });

  load();
})();
