/* Tracer report page: renders charts, the network map and the interactive tables from the
 * JSON in #report-data. Every value from traffic or logs goes into the page as text
 * (textContent, createTextNode, setAttribute of non-executable attributes): never as markup. */
(function () {
  'use strict';
  const view = JSON.parse(document.getElementById('report-data').textContent);
  const data = view.report;
  const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'];
  const PAGE_SIZE = 50;

  /** Element with attributes (never event handlers) and children (strings become text nodes). */
  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) if (v !== undefined && v !== null && !k.startsWith('on')) node.setAttribute(k, String(v));
    for (const c of [].concat(children === undefined ? [] : children)) {
      if (c === null || c === undefined || c === false) continue;
      node.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
    }
    return node;
  }
  function fmtTime(ts) {
    if (typeof ts !== 'number' || !isFinite(ts)) return '-';
    return new Date(Math.floor(ts) * 1000).toISOString().replace('T', ' ').slice(0, 19);
  }
  function fmtDuration(s) {
    s = Math.round(s);
    if (s < 60) return s + ' s';
    if (s < 3600) return Math.floor(s / 60) + ' min ' + (s % 60) + ' s';
    return Math.floor(s / 3600) + ' h ' + Math.floor((s % 3600) / 60) + ' min';
  }
  function fmtCount(n) { return Math.round(n).toLocaleString('en-US'); }
  function fmtBytes(n) {
    if (n >= 1e9) return (n / 1e9).toFixed(1) + ' GB';
    if (n >= 1e6) return (n / 1e6).toFixed(1) + ' MB';
    if (n >= 1e3) return (n / 1e3).toFixed(1) + ' kB';
    return n + ' B';
  }
  function badge(sev) { return el('span', { class: 'badge sev-' + sev }, sev); }
  function select(label, options, onChange) {
    const s = el('select', {}, options.map(([value, text]) => el('option', { value: value }, text)));
    s.addEventListener('change', () => onChange(s.value));
    return el('label', {}, [label, s]);
  }
  /** Previous/next buttons and "a–b of n" for a list shown PAGE_SIZE rows at a time. */
  function pager(box, state, count, shown, render) {
    const pages = Math.max(1, Math.ceil(count / PAGE_SIZE));
    const prev = el('button', { type: 'button' }, '‹ Previous');
    const next = el('button', { type: 'button' }, 'Next ›');
    prev.disabled = state.page === 0;
    next.disabled = state.page >= pages - 1;
    prev.addEventListener('click', () => { state.page--; render(); });
    next.addEventListener('click', () => { state.page++; render(); });
    const from = count === 0 ? 0 : state.page * PAGE_SIZE + 1;
    box.replaceChildren(prev, el('span', {}, from + '–' + (state.page * PAGE_SIZE + shown) + ' of ' + fmtCount(count)), next);
  }
  /** The rows of the current page (the page number is clamped to the list). */
  function pageOf(list, state) {
    state.page = Math.max(0, Math.min(state.page, Math.ceil(list.length / PAGE_SIZE) - 1));
    return list.slice(state.page * PAGE_SIZE, (state.page + 1) * PAGE_SIZE);
  }
  function tooltipBox(title, lines) {
    return el('div', { class: 'tooltip-box' }, [el('strong', {}, title)].concat(lines.map((l) => el('div', {}, l))));
  }

  const charts = [];
  function chart(id, option) {
    const node = document.getElementById(id);
    if (!node) return null;
    const c = echarts.init(node, null, { renderer: 'svg' });
    c.setOption(option);
    charts.push(c);
    return c;
  }

  /* Section 2: timeline chart, filters and event list. */
  function timeline() {
    const events = [];
    data.incidents.forEach((inc) => inc.timeline.forEach((e) => events.push(Object.assign({ incident: inc.id }, e))));
    const option = view.charts.timeline;
    const all = option.series.map((s) => s.data);
    option.tooltip = {
      trigger: 'item',
      formatter: (p) => {
        const e = events[Number(p.name)];
        return e ? tooltipBox(fmtTime(e.ts) + ' UTC · ' + (view.tacticLabels[e.tactic] || e.tactic), [e.summary, e.src + ' → ' + e.dst.join(', ')]) : '';
      },
    };
    const c = chart('chart-timeline', option);
    const hostSet = new Set();
    events.forEach((e) => { hostSet.add(e.src); e.dst.forEach((d) => hostSet.add(d)); });
    const tactics = [...new Set(events.map((e) => e.tactic))];
    const filter = { host: '', tactic: '', page: 0 };
    const tableBox = document.getElementById('timeline-table');
    const pagerBox = document.getElementById('timeline-pager');
    function visible(e) {
      return (!filter.host || e.src === filter.host || e.dst.includes(filter.host)) && (!filter.tactic || e.tactic === filter.tactic);
    }
    function render() {
      if (c) c.setOption({ series: all.map((d) => ({ data: d.filter((item) => visible(events[Number(item.name)])) })) });
      const matching = events.filter(visible);
      const rows = pageOf(matching, filter);
      const body = rows.map((e) => el('tr', { id: e.ref && e.ref.alertId ? 'event-' + e.ref.alertId : null }, [
        el('td', {}, fmtTime(e.ts)), el('td', {}, badge(e.severity)), el('td', {}, view.tacticLabels[e.tactic] || e.tactic),
        el('td', {}, el('code', {}, e.src)), el('td', {}, el('code', {}, e.dst.join(', '))),
        el('td', { class: 'explain' }, e.summary), el('td', {}, evidenceRef(e)),
      ]));
      if (matching.length === 0) body.push(el('tr', {}, el('td', { colspan: 7, class: 'muted' }, 'No event matches the filters.')));
      const table = el('table', { class: 'data compact' }, [
        el('thead', {}, el('tr', {}, ['Time (UTC)', 'Severity', 'Tactic', 'From', 'To', 'What happened', 'Evidence'].map((h) => el('th', {}, h)))),
        el('tbody', {}, body),
      ]);
      tableBox.replaceChildren(table);
      pager(pagerBox, filter, matching.length, rows.length, render);
    }
    const hosts = [['', 'all hosts']].concat([...hostSet].sort().map((h) => [h, h]));
    const tacticOptions = [['', 'all tactics']].concat(tactics.map((t) => [t, view.tacticLabels[t] || t]));
    document.getElementById('timeline-filters').replaceChildren(
      select('Host', hosts, (v) => { filter.host = v; filter.page = 0; render(); }),
      select('Tactic', tacticOptions, (v) => { filter.tactic = v; filter.page = 0; render(); }),
      el('span', { class: 'muted' }, fmtCount(events.length) + ' event(s)'),
    );
    render();
  }
  function evidenceRef(e) {
    const r = e.ref || {};
    if (r.alertId) return el('a', { href: '#alert-' + r.alertId }, 'alert ' + r.alertId.slice(0, 8));
    if (r.file) return el('code', {}, r.file + (r.line ? ':' + r.line : ''));
    if (r.uids && r.uids.length) return el('code', {}, r.uids.slice(0, 3).join(' '));
    return '-';
  }

  /* Section 3: sortable, filterable, paginated anomalies. */
  function anomalies() {
    const rows = data.anomalies.rows;
    const state = { text: '', min: 0, detector: '', sort: 'severity', dir: -1, page: 0, open: new Set() };
    const columns = [
      ['severity', 'Severity', (r) => SEVERITIES.indexOf(r.severity) * 10 + r.score],
      ['detector', 'Detector', (r) => r.detector], ['src', 'From', (r) => r.src], ['dst', 'To', (r) => r.dst.join(',')],
      ['ports', 'Ports', (r) => r.ports[0] || 0], ['count', 'Count', (r) => r.count || 0],
      ['firstSeen', 'First seen (UTC)', (r) => r.firstSeen], ['technique', 'Technique', (r) => r.techniqueId],
      ['explanation', 'Explanation', (r) => r.explanation],
    ];
    const box = document.getElementById('anomaly-table');
    const pagerBox = document.getElementById('anomaly-pager');
    function matches(r) {
      if (SEVERITIES.indexOf(r.severity) < state.min) return false;
      if (state.detector && r.detector !== state.detector) return false;
      if (!state.text) return true;
      const hay = [r.src, r.dst.join(' '), r.detector, r.explanation, r.techniqueId, r.ports.join(' '), r.incident || ''].join(' ').toLowerCase();
      return hay.includes(state.text);
    }
    function render() {
      const key = columns.find((c) => c[0] === state.sort)[2];
      const list = rows.filter(matches).sort((a, b) => {
        const x = key(a); const y = key(b);
        return (x < y ? -1 : x > y ? 1 : 0) * state.dir;
      });
      const shown = pageOf(list, state);
      const head = el('tr', {}, columns.map(([k, label]) => {
        const th = el('th', { class: 'sortable', 'aria-sort': state.sort === k ? (state.dir > 0 ? 'ascending' : 'descending') : 'none', scope: 'col' }, label);
        th.addEventListener('click', () => { state.dir = state.sort === k ? -state.dir : (k === 'severity' || k === 'count' ? -1 : 1); state.sort = k; render(); });
        return th;
      }));
      const body = [];
      for (const r of shown) {
        const tr = el('tr', { class: 'clickable', id: 'alert-' + r.id }, [
          el('td', {}, badge(r.severity)), el('td', {}, r.detector), el('td', {}, el('code', {}, r.src)),
          el('td', {}, el('code', {}, r.dst.join(', '))), el('td', { class: 'num' }, r.ports.join(', ')),
          el('td', { class: 'num' }, r.count === null ? '' : fmtCount(r.count)),
          el('td', {}, [fmtTime(r.firstSeen), el('div', { class: 'muted' }, 'for ' + fmtDuration(r.lastSeen - r.firstSeen))]),
          el('td', {}, r.techniqueId), el('td', { class: 'explain' }, r.explanation),
        ]);
        tr.addEventListener('click', () => { if (state.open.has(r.id)) state.open.delete(r.id); else state.open.add(r.id); render(); });
        body.push(tr);
        if (state.open.has(r.id)) body.push(el('tr', { class: 'detail' }, el('td', { colspan: columns.length }, evidence(r))));
      }
      if (shown.length === 0) body.push(el('tr', {}, el('td', { colspan: columns.length, class: 'muted' }, 'No alert matches the filters.')));
      box.replaceChildren(el('table', { class: 'data' }, [el('thead', {}, head), el('tbody', {}, body)]));
      pager(pagerBox, state, list.length, shown.length, render);
    }
    const search = el('input', { type: 'search', placeholder: 'Filter by address, detector, text…', 'aria-label': 'Filter alerts' });
    search.addEventListener('input', () => { state.text = search.value.trim().toLowerCase(); state.page = 0; render(); });
    const detectors = [...new Set(rows.map((r) => r.detector))].sort();
    document.getElementById('anomaly-filters').replaceChildren(
      search,
      select('At least', SEVERITIES.map((s, i) => [String(i), s]), (v) => { state.min = Number(v); state.page = 0; render(); }),
      select('Detector', [['', 'all']].concat(detectors.map((d) => [d, d])), (v) => { state.detector = v; state.page = 0; render(); }),
    );
    render();
  }
  function evidence(r) {
    const items = [['alert id', r.id], ['incident', r.incident || 'none'], ['score', String(r.score)], ['ATT&CK', r.techniqueId + ' (' + r.tactic + ')'], ['last seen', fmtTime(r.lastSeen) + ' UTC']]
      .concat(r.evidence).concat(r.uids.length ? [['connection uids', r.uids.join(' ')]] : []);
    const dl = el('dl', { class: 'evidence' }, []);
    for (const [k, v] of items) { dl.appendChild(el('dt', {}, k)); dl.appendChild(el('dd', {}, v)); }
    const link = r.incident ? el('a', { href: '#event-' + r.id }, 'show in the timeline') : null;
    return el('div', {}, [dl, link]);
  }

  /* Section 5 and 6: traffic charts and the protocol mix. */
  function traffic() {
    for (const m of ['bytes', 'packets', 'connections']) {
      const option = view.charts[m];
      option.tooltip = {
        trigger: 'axis',
        formatter: (ps) => {
          const list = [].concat(ps).filter((p) => p.value && p.value[1] > 0);
          const t = ps.length ? fmtTime(ps[0].value[0] / 1000) + ' UTC' : '';
          return tooltipBox(t, list.map((p) => p.seriesName + ': ' + (m === 'bytes' ? fmtBytes(p.value[1]) : fmtCount(p.value[1]))));
        },
      };
      option.dataZoom = [{ type: 'inside' }];
      if (m === 'bytes') option.yAxis.axisLabel = { formatter: fmtBytes };
      chart('chart-' + m, option);
    }
    const mix = view.charts.protocols;
    mix.tooltip = { trigger: 'item', formatter: (p) => tooltipBox(p.name, [fmtBytes(p.value) + ' (' + p.percent + '%)']) };
    chart('chart-protocols', mix);
  }

  /* Section 7: the network map. */
  function networkMap() {
    const colors = view.colors.role;
    document.getElementById('map-legend').replaceChildren(...Object.keys(colors).map((role) => {
      const swatch = el('span', { class: 'swatch' });
      swatch.style.background = colors[role];
      return el('span', {}, [swatch, role]);
    }));
    const container = document.getElementById('graph');
    if (data.map.nodes.length === 0) { container.replaceChildren(el('p', { class: 'muted' }, 'No attack path to draw.')); return; }
    const elements = data.map.nodes.map((n) => ({ group: 'nodes', data: { id: n.id, role: n.role, label: n.id }, position: { x: n.x, y: n.y } }))
      .concat(data.map.edges.map((e, i) => ({ group: 'edges', data: { id: 'e' + i, source: e.src, target: e.dst, label: e.kind } })));
    const shapes = { attacker: 'diamond', victim: 'round-rectangle', pivot: 'hexagon', c2: 'octagon', internal: 'ellipse', external: 'ellipse' };
    const style = [
      { selector: 'node', style: { label: 'data(label)', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 6, width: 30, height: 30, 'border-width': 2, 'border-color': '#fff', color: '#0f172a' } },
      { selector: 'edge', style: { label: 'data(label)', 'font-size': 9, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', width: 2, 'line-color': '#94a3b8', 'target-arrow-color': '#94a3b8', 'text-background-color': '#fff', 'text-background-opacity': 0.85, color: '#475569' } },
      { selector: 'node:selected', style: { 'border-color': '#0f172a', 'border-width': 3 } },
    ].concat(Object.keys(colors).map((role) => ({ selector: 'node[role = "' + role + '"]', style: { 'background-color': colors[role], shape: shapes[role] || 'ellipse' } })));
    const cy = cytoscape({ container: container, elements: elements, style: style, layout: { name: 'preset', fit: true, padding: 40 } });
    const info = document.getElementById('graph-info');
    cy.on('tap', 'node', (evt) => {
      const n = data.map.nodes.find((x) => x.id === evt.target.id());
      if (!n) return;
      const links = data.map.edges.filter((e) => e.src === n.id || e.dst === n.id).map((e) => e.src + ' → ' + e.dst + ': ' + e.kind + ' (' + e.summary + ')');
      info.replaceChildren(el('strong', {}, n.id), ' · ' + n.role + (n.internal ? ' · internal' : ' · external') + (n.country ? ' · ' + n.country : '') +
        (n.compromised !== null ? ' · compromised (' + Math.round(n.compromised * 100) + '%)' : ''), el('ul', {}, links.map((l) => el('li', {}, l))));
    });
    window.__tracerGraph = cy;
  }

  performance.mark('tracer:start');
  for (const step of [timeline, anomalies, traffic, networkMap]) { step(); performance.mark('tracer:' + step.name); }
  window.addEventListener('resize', () => charts.forEach((c) => c.resize()));
  /* Printing (and report.pdf, whose URL ends in #print) shows every collapsed rule. */
  function openAll() { document.querySelectorAll('details').forEach((d) => { d.open = true; }); }
  window.addEventListener('beforeprint', () => { openAll(); charts.forEach((c) => c.resize()); });
  if (location.hash === '#print') openAll();
  document.documentElement.setAttribute('data-ready', 'true');
})();
