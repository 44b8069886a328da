// Creator studio, analytics: the server's history of one metric (GET /v1/creators/{id}/timeseries) in three
// ranges, kept current by the live stream's totals (studio.js sends them as 'studio:stats' events) and
// re-read from the server every minute so it stays exact; and a video's analytics (retention, sources).
'use strict';

(() => {
  const SVG = 'http://www.w3.org/2000/svg';
  const RELOAD_MS = 60 * 1000;
  const RANGES = {
    hour: { resolution: 'minute', label: 'by minute, last hour', stepMs: 60 * 1000 },
    '48h': { resolution: 'hour', label: 'by hour, last 48 hours', stepMs: 60 * 60 * 1000 },
    '30d': { resolution: 'day', label: 'by day, last 30 days', stepMs: 24 * 60 * 60 * 1000 },
  };
  // Where each metric's running total is in a live stats frame.
  const TOTALS = {
    views: (s) => s.views,
    watchMs: (s) => s.watchMsTotal,
    likes: (s) => s.likes,
    shares: (s) => s.shares,
    comments: (s) => s.comments,
    followers: (s) => s.followers,
    tipsCents: (s) => (s.earnings ? s.earnings.tipsCents : undefined),
  };
  const SOURCE_TEXT = {
    personalized: 'For you', trending: 'Trending', fresh: 'Fresh', following: 'Following', explore: 'Explore',
    coEngagement: 'Watched together', ad: 'Ads',
  };

  const $ = (id) => document.getElementById(id);
  const number = new Intl.NumberFormat();
  const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
  const creatorId = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] || '');
  const state = { range: 'hour', metric: 'views', points: [], lastTotal: undefined, request: 0, videoId: null };

  function node(name, attributes, text) {
    const el = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attributes)) el.setAttribute(key, String(value));
    if (text !== undefined) el.textContent = text;
    return el;
  }

  function format(metric, value) {
    if (metric === 'watchMs') {
      const minutes = value / 60000;
      return minutes >= 60 ? `${number.format(Math.round(minutes / 6) / 10)} h` : minutes >= 1 ? `${number.format(Math.round(minutes))} min` : `${number.format(Math.round(value / 1000))} s`;
    }
    if (metric === 'tipsCents') return (value / 100).toFixed(2);
    return number.format(value);
  }

  function url(format) {
    const range = RANGES[state.range];
    const query = `metric=${state.metric}&resolution=${range.resolution}${format ? `&format=${format}` : ''}`;
    return `/v1/creators/${encodeURIComponent(creatorId)}/timeseries?${query}`;
  }

  async function load() {
    const request = ++state.request;
    const chart = $('history-chart');
    chart.dataset.loading = 'true';
    try {
      const response = await fetch(url());
      if (!response.ok) throw new Error(String(response.status));
      const series = await response.json();
      if (request !== state.request) return; // a newer range or metric was chosen meanwhile
      state.points = series.points.map((p) => ({ t: Date.parse(p.at), v: p.value }));
      chart.dataset.range = state.range;
      chart.dataset.metric = state.metric;
      draw();
    } catch {
      $('history-total').textContent = 'History unavailable, retrying';
    } finally {
      if (request === state.request) delete chart.dataset.loading;
    }
  }

  // A live change lands in the bucket of now; a new bucket starts when now passes the newest, and the oldest leaves.
  function addLive(delta) {
    if (state.points.length === 0 || delta === 0) return;
    const step = RANGES[state.range].stepMs;
    const now = Date.now();
    let last = state.points[state.points.length - 1];
    while (now >= last.t + step) {
      last = { t: last.t + step, v: 0 };
      state.points.push(last);
      state.points.shift();
    }
    last.v += delta;
    draw();
  }

  function draw() {
    const svg = $('history-chart');
    const points = state.points;
    const width = Math.max(svg.clientWidth, 200);
    const height = Math.max(svg.clientHeight, 120);
    const pad = { left: 46, right: 8, top: 10, bottom: 22 };
    const high = Math.max(1, ...points.map((p) => p.v));
    const plot = width - pad.left - pad.right;
    const slot = plot / Math.max(points.length, 1);
    const y = (v) => pad.top + (1 - v / high) * (height - pad.top - pad.bottom);
    const parts = [];
    for (const v of [0, high / 2, high]) {
      parts.push(node('line', { class: 'grid', x1: pad.left, x2: width - pad.right, y1: y(v), y2: y(v) }));
      parts.push(node('text', { class: 'axis', x: pad.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, format(state.metric, Math.round(v))));
    }
    points.forEach((p, i) => {
      if (p.v <= 0) return;
      const bar = node('rect', {
        class: 'bar', x: pad.left + i * slot + slot * 0.12, width: Math.max(slot * 0.76, 1), y: y(p.v), height: Math.max(y(0) - y(p.v), 1),
      });
      bar.append(node('title', {}, `${new Date(p.t).toLocaleString()}: ${format(state.metric, p.v)}`));
      parts.push(bar);
    });
    if (points.length > 0) {
      const day = state.range === '30d';
      const label = (t) => new Date(t).toLocaleString([], day ? { month: 'short', day: 'numeric' } : { hour: '2-digit', minute: '2-digit' });
      parts.push(node('text', { class: 'axis', x: pad.left, y: height - 4 }, label(points[0].t)));
      parts.push(node('text', { class: 'axis', x: width - pad.right, y: height - 4, 'text-anchor': 'end' }, label(points[points.length - 1].t)));
    }
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    svg.replaceChildren(...parts);
    const total = points.reduce((sum, p) => sum + p.v, 0);
    const name = $('history-metric').selectedOptions[0].textContent;
    svg.dataset.points = String(points.length);
    svg.dataset.total = String(total);
    svg.setAttribute('aria-label', `${name} ${RANGES[state.range].label}: ${format(state.metric, total)} in total`);
    $('history-total').textContent = `${format(state.metric, total)} ${name.toLowerCase()}`;
    $('history-step').textContent = RANGES[state.range].label;
    $('history-csv').href = url('csv');
  }

  function choose(range, metric) {
    state.range = range;
    state.metric = metric;
    state.points = [];
    for (const button of document.querySelectorAll('#history .ranges button')) {
      button.setAttribute('aria-pressed', String(button.dataset.range === range));
    }
    load();
  }

  window.addEventListener('studio:stats', (event) => {
    const total = (TOTALS[state.metric] || (() => undefined))(event.detail);
    if (total === undefined) return;
    if (state.lastTotal !== undefined && state.lastMetric === state.metric) addLive(total - state.lastTotal);
    state.lastTotal = total;
    state.lastMetric = state.metric;
  });

  for (const button of document.querySelectorAll('#history .ranges button')) {
    button.addEventListener('click', () => choose(button.dataset.range, state.metric));
  }
  $('history-metric').addEventListener('change', (event) => {
    state.lastTotal = undefined;
    choose(state.range, event.target.value);
  });

  // A video's analytics: opened from the top videos (studio.js draws them, with data-video-id).
  function drawRetention(retention) {
    const svg = $('retention-chart');
    const width = Math.max(svg.clientWidth, 200);
    const height = Math.max(svg.clientHeight, 100);
    const pad = { left: 40, right: 10, top: 8, bottom: 20 };
    const x = (i) => pad.left + (i / 10) * (width - pad.left - pad.right);
    const y = (v) => pad.top + (1 - v) * (height - pad.top - pad.bottom);
    const parts = [];
    for (const v of [0, 0.5, 1]) {
      parts.push(node('line', { class: 'grid', x1: pad.left, x2: width - pad.right, y1: y(v), y2: y(v) }));
      parts.push(node('text', { class: 'axis', x: pad.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, percent.format(v)));
    }
    const line = retention.map((v, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    parts.push(node('path', { class: 'area', d: `${line} L${x(10).toFixed(1)},${y(0).toFixed(1)} L${x(0).toFixed(1)},${y(0).toFixed(1)} Z` }));
    parts.push(node('path', { class: 'line', id: 'retention-line', d: line }));
    parts.push(node('text', { class: 'axis', x: pad.left, y: height - 4 }, 'start'));
    parts.push(node('text', { class: 'axis', x: width - pad.right, y: height - 4, 'text-anchor': 'end' }, 'end'));
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    svg.replaceChildren(...parts);
    svg.dataset.points = String(retention.length);
    svg.setAttribute('aria-label', `Retention: ${retention.map((v) => percent.format(v)).join(', ')}`);
  }

  async function openVideo(videoId, title) {
    state.videoId = videoId;
    const panel = $('video-detail');
    panel.hidden = false;
    panel.dataset.videoId = videoId;
    $('detail-name').textContent = title || videoId;
    const response = await fetch(`/v1/videos/${encodeURIComponent(videoId)}/analytics`);
    if (!response.ok || state.videoId !== videoId) return;
    const a = await response.json();
    $('detail-impressions').textContent = number.format(a.impressions);
    $('detail-views').textContent = number.format(a.views);
    $('detail-skip-rate').textContent = percent.format(a.skipRate);
    $('detail-completion').textContent = percent.format(a.completionRate);
    $('detail-watched').textContent = percent.format(a.averageWatchFraction);
    $('detail-first-hour').textContent = `${number.format(a.firstHourViews)} (median ${number.format(a.creatorMedianFirstHourViews)})`;
    drawRetention(a.retention);
    const sources = Object.entries(a.impressionsBySource).filter(([, n]) => n > 0).sort((p, q) => q[1] - p[1]);
    const items = sources.map(([source, n]) => {
      const item = document.createElement('li');
      item.dataset.source = source;
      const name = document.createElement('span');
      name.textContent = SOURCE_TEXT[source] || source;
      const count = document.createElement('span');
      count.className = 'num';
      count.textContent = `${number.format(n)} · ${percent.format(a.impressions > 0 ? n / a.impressions : 0)}`;
      const bar = document.createElement('span');
      bar.className = 'share';
      bar.style.width = `${a.impressions > 0 ? (100 * n) / a.impressions : 0}%`;
      item.append(name, count, bar);
      return item;
    });
    if (items.length === 0) {
      const none = document.createElement('li');
      none.className = 'empty';
      none.textContent = 'Not served in a feed yet.';
      items.push(none);
    }
    $('detail-sources').replaceChildren(...items);
    panel.scrollIntoView({ block: 'nearest' });
  }

  $('top-videos').addEventListener('click', (event) => {
    const button = event.target.closest('button.video-link');
    if (button) openVideo(button.dataset.videoId, button.querySelector('.video').textContent);
  });
  $('detail-close').addEventListener('click', () => {
    state.videoId = null;
    $('video-detail').hidden = true;
  });

  new ResizeObserver(() => draw()).observe($('history-chart'));
  setInterval(load, RELOAD_MS);
  choose('hour', 'views');
})();
