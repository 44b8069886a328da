// Creator studio: live counters from GET /v1/creators/{id}/live (Server-Sent Events), top videos by title,
// and a chart of views over time drawn as SVG; the server's history and a video's analytics are analytics.js.
// Plain script, no build step, no dependencies.
'use strict';

(() => {
  const WINDOW_MS = 30 * 60 * 1000;
  const MIN_SPAN_MS = 10 * 1000;
  const RETRY_MS = 5000;
  const SVG = 'http://www.w3.org/2000/svg';

  const $ = (id) => document.getElementById(id);
  const number = new Intl.NumberFormat();
  const money = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const cents = (amount) => money.format(amount / 100);
  const clock = { hour: '2-digit', minute: '2-digit', second: '2-digit' };
  const creatorId = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] || '');
  const storageKey = `creator-studio:${creatorId}:views`;
  const series = restore();
  let source = null;

  $('creator-id').textContent = creatorId;
  document.title = `${creatorId} · Creator studio`;

  function setStatus(state, text) {
    $('status').dataset.state = state;
    $('status-text').textContent = text;
  }

  // text: a string, or [number, unit] pairs drawn with smaller units ("20 min 30 s").
  function setValue(id, raw, text) {
    const el = $(id);
    const value = String(raw);
    if (el.dataset.value === value) {
      return;
    }

    const changed = el.dataset.value !== '';
    el.dataset.value = value;
    if (typeof text === 'string') {
      el.textContent = text;
    } else {
      el.replaceChildren(...text.flatMap(([amount, unit], i) => {
        const small = document.createElement('span');
        small.className = 'unit';
        small.textContent = unit;
        return [`${i > 0 ? ' ' : ''}${amount} `, small];
      }));
    }

    if (changed) {
      el.classList.remove('bump');
      void el.offsetWidth; // restart the animation
      el.classList.add('bump');
    }
  }

  function duration(ms) {
    if (ms === 0) return [['0', 's']];
    if (ms < 10000) return [[(ms / 1000).toFixed(1), 's']];
    const s = Math.floor(ms / 1000);
    if (s < 60) return [[String(s), 's']];
    const m = Math.floor(s / 60);
    if (m < 60) return [[String(m), 'min'], [String(s % 60), 's']];
    const h = Math.floor(m / 60);
    return [[number.format(h), 'h'], [String(m % 60), 'min']];
  }

  // Titles come from GET /v1/videos/{id}, once per video; until then (or when it fails) the id stands in.
  const titles = new Map();
  function titleOf(videoId, rerender) {
    if (!titles.has(videoId)) {
      titles.set(videoId, null);
      fetch(`/v1/videos/${encodeURIComponent(videoId)}`)
        .then((r) => (r.ok ? r.json() : null))
        .then((info) => {
          if (info && info.title) {
            titles.set(videoId, info.title);
            rerender();
          }
        })
        .catch(() => {});
    }

    return titles.get(videoId);
  }

  let lastTop = [];
  function renderTop(videos) {
    lastTop = videos;
    const body = $('top-videos').tBodies[0];
    const most = videos.reduce((max, v) => Math.max(max, v.views), 0);
    const rows = videos.map((v) => {
      const row = document.createElement('tr');
      row.dataset.videoId = v.videoId;
      const name = document.createElement('td');
      const title = titleOf(v.videoId, () => renderTop(lastTop));
      const open = document.createElement('button');
      open.type = 'button';
      open.className = 'video-link';
      open.dataset.videoId = v.videoId;
      open.title = `Open analytics of ${v.videoId}`;
      const label = document.createElement('span');
      label.className = title ? 'video title' : 'video';
      label.textContent = title || v.videoId;
      open.append(label);
      if (title) {
        const id = document.createElement('span');
        id.className = 'video-id';
        id.textContent = v.videoId;
        open.append(id);
      }
      const bar = document.createElement('span');
      bar.className = 'share';
      bar.style.width = `${most > 0 ? (100 * v.views) / most : 0}%`;
      name.append(open, bar);
      const views = document.createElement('td');
      views.className = 'num';
      views.textContent = number.format(v.views);
      const likes = document.createElement('td');
      likes.className = 'num';
      likes.textContent = number.format(v.likes);
      row.append(name, views, likes);
      return row;
    });
    body.replaceChildren(...rows);
    $('top-empty').hidden = videos.length > 0;
  }

  // The chart survives a reload of the tab (sessionStorage); a new tab starts a new chart.
  function restore() {
    try {
      const saved = JSON.parse(sessionStorage.getItem(storageKey) || '[]');
      const cutoff = Date.now() - WINDOW_MS;
      return Array.isArray(saved) ? saved.filter((p) => Number.isFinite(p.t) && Number.isFinite(p.v) && p.t >= cutoff) : [];
    } catch {
      return [];
    }
  }

  function save() {
    try {
      sessionStorage.setItem(storageKey, JSON.stringify(series));
    } catch {
      // Storage full or disabled: the chart still works for this page.
    }
  }

  function record(views) {
    const now = Date.now();
    const previous = series[series.length - 1];
    if (!previous || previous.v !== views) {
      series.push({ t: now, v: views });
    }

    // Keep one point older than the window so the line still starts at its left edge.
    while (series.length > 2 && series[1].t < now - WINDOW_MS) {
      series.shift();
    }

    save();
    draw();
  }

  function niceStep(span) {
    const raw = Math.max(span / 4, 1);
    const power = 10 ** Math.floor(Math.log10(raw));
    const unit = raw / power;
    return Math.max(1, (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power);
  }

  function node(name, attributes, text) {
    const el = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attributes)) {
      el.setAttribute(key, String(value));
    }

    if (text !== undefined) el.textContent = text;
    return el;
  }

  function draw() {
    const svg = $('views-chart');
    if (series.length === 0) return;
    const width = Math.max(svg.clientWidth, 200);
    const height = Math.max(svg.clientHeight, 120);
    const pad = { left: 52, right: 14, top: 10, bottom: 24 };
    // The page knows the numbers only from when it opened: the line starts at the left edge then,
    // and the time axis stretches until it spans the window, then slides.
    const now = Math.max(Date.now(), series[series.length - 1].t);
    const start = Math.max(series[0].t, now - WINDOW_MS);
    const end = start + Math.max(now - start, MIN_SPAN_MS);
    const values = series.map((p) => p.v);
    let low = Math.min(...values);
    let high = Math.max(...values);
    if (high - low < 4) {
      low = Math.max(0, low - 2);
      high = low + 4;
    }

    const step = niceStep(high - low);
    low = Math.max(0, Math.floor(low / step) * step);
    high = Math.max(Math.ceil(high / step) * step, low + step);

    const x = (t) => pad.left + ((Math.max(t, start) - start) / (end - start)) * (width - pad.left - pad.right);
    const y = (v) => pad.top + (1 - (v - low) / (high - low)) * (height - pad.top - pad.bottom);

    const parts = [];
    for (let v = low; v <= high + step / 2; v += step) {
      parts.push(node('line', { class: 'grid', x1: pad.left, x2: width - pad.right, y1: y(v), y2: y(v) }));
      parts.push(node('text', { class: 'axis', x: pad.left - 8, y: y(v) + 4, 'text-anchor': 'end' }, number.format(v)));
    }

    // A step line: the count holds until the update that changed it.
    const first = series[0];
    let line = `M${x(first.t).toFixed(1)},${y(first.v).toFixed(1)}`;
    for (const p of series.slice(1)) {
      line += ` H${x(p.t).toFixed(1)} V${y(p.v).toFixed(1)}`;
    }

    const lastX = x(now);
    const lastY = y(series[series.length - 1].v);
    line += ` H${lastX.toFixed(1)}`;
    const bottom = y(low).toFixed(1);
    const area = `${line} V${bottom} H${x(first.t).toFixed(1)} Z`;
    parts.push(node('path', { class: 'area', d: area }));
    parts.push(node('path', { class: 'line', id: 'views-line', d: line }));
    parts.push(node('circle', { class: 'last', cx: lastX, cy: lastY, r: 4.5 }));
    parts.push(node('text', { class: 'axis', x: pad.left, y: height - 4 }, new Date(start).toLocaleTimeString([], clock)));
    parts.push(node('text', { class: 'axis', x: width - pad.right, y: height - 4, 'text-anchor': 'end' }, new Date(end).toLocaleTimeString([], clock)));

    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    svg.replaceChildren(...parts);
    svg.dataset.points = String(series.length);
    const current = series[series.length - 1].v;
    svg.setAttribute('aria-label', `Views over time: ${number.format(current)} views now`);

    const minuteAgo = [...series].reverse().find((p) => p.t <= now - 60 * 1000) ?? series[0];
    $('views-rate').textContent = `+${number.format(Math.max(0, current - minuteAgo.v))}`;
  }

  function onStats(stats) {
    setValue('followers', stats.followers, number.format(stats.followers));
    setValue('views', stats.views, number.format(stats.views));
    setValue('likes', stats.likes, number.format(stats.likes));
    setValue('shares', stats.shares, number.format(stats.shares));
    setValue('comments', stats.comments, number.format(stats.comments));
    setValue('videos', stats.videos, number.format(stats.videos));
    setValue('watch-time', stats.watchMsTotal, duration(stats.watchMsTotal));
    const perView = stats.views > 0 ? Math.round(stats.watchMsTotal / stats.views) : 0;
    setValue('watch-per-view', perView, stats.views > 0 ? duration(perView) : '–');
    $('watch-time').title = `${number.format(stats.watchMsTotal)} ms`;
    renderTop(stats.topVideos || []);
    // Earnings come with the stream once the creator has been paid (docs/money.md).
    if (stats.earnings) {
      setValue('tips', stats.earnings.tipsCents, cents(stats.earnings.tipsCents));
      setValue('sales', stats.earnings.salesCents, cents(stats.earnings.salesCents));
      setValue('platform-fee', stats.earnings.platformFeeCents, cents(stats.earnings.platformFeeCents));
      setValue('net', stats.earnings.netCents, cents(stats.earnings.netCents));
    }
    record(stats.views);
    // The history chart (analytics.js) adds what changed to its newest bucket.
    window.dispatchEvent(new CustomEvent('studio:stats', { detail: stats }));
    const updated = new Date();
    $('updated').dateTime = updated.toISOString();
    $('updated').textContent = updated.toLocaleTimeString([], clock);
  }

  // A content notice (a state change or a comment on one of the creator's videos), newest first, at most 20.
  const STATE_TEXT = { published: 'is published', inReview: 'is in review', rejected: 'was rejected', takenDown: 'was taken down' };
  function onContent(notice) {
    const item = document.createElement('li');
    item.dataset.kind = notice.kind;
    item.dataset.videoId = notice.videoId;
    const when = new Date(notice.at);
    const text = notice.kind === 'comment'
      ? `New comment on ${notice.videoId}: “${notice.text || ''}”`
      : `${notice.videoId} ${STATE_TEXT[notice.state] || notice.state}${notice.reason ? ` (${notice.reason})` : ''}`;
    item.textContent = `${when.toLocaleTimeString([], clock)} ${text}`;
    const list = $('activity');
    list.prepend(item);
    while (list.children.length > 20) {
      list.lastElementChild.remove();
    }
    $('activity-empty').hidden = true;
  }

  function connect() {
    source = new EventSource(`/v1/creators/${encodeURIComponent(creatorId)}/live`);
    source.addEventListener('content', (event) => onContent(JSON.parse(event.data)));
    source.addEventListener('open', () => setStatus('live', 'Live'));
    source.addEventListener('stats', (event) => {
      setStatus('live', 'Live');
      onStats(JSON.parse(event.data));
    });
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) {
        // The browser gives up on a refused stream (e.g. a 503); try again a little later.
        setStatus('offline', 'Offline, retrying…');
        source.close();
        setTimeout(connect, RETRY_MS);
      } else {
        setStatus('reconnecting', 'Reconnecting…');
      }
    });
  }

  // Release the server's subscription as soon as the tab goes away.
  window.addEventListener('pagehide', () => source && source.close());
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) connect();
  });
  new ResizeObserver(() => draw()).observe($('views-chart'));
  setInterval(draw, 1000);
  connect();
})();
