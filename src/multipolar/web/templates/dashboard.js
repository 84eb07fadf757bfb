"use strict";
const form = document.getElementById('filters');
const FIELDS = ['actor','a','b','type','since','until','hub','freq','limit'];
function val(name){ return form.elements[name].value.trim(); }
function fmt(x, d, signed){ if (x === null || x === undefined) return '–'; const s = Number(x).toFixed(d); return signed && x > 0 ? '+' + s : s; }
function cell(tr, text, cls){ const td = document.createElement('td'); td.textContent = text; if (cls) td.className = cls; tr.appendChild(td); return td; }
async function getJSON(path, params){
  const q = new URLSearchParams(); for (const [k, v] of Object.entries(params)) if (v !== '' && v !== null && v !== undefined) q.set(k, v);
  const r = await fetch(path + '?' + q.toString());
  if (!r.ok) { let d = r.statusText; try { d = JSON.stringify((await r.json()).detail); } catch (e) {} throw new Error(path + ': ' + d); }
  return r.json();
}
function window_(){ return {since: val('since'), until: val('until')}; }
async function loadStats(){
  const s = await getJSON('/api/stats', {});
  document.getElementById('stats').textContent = `${s.articles} articles · ${s.events} events · ${s.quantities} trade figures · ${s.first_date || '–'} to ${s.last_date || '–'}`;
  const acts = await getJSON('/api/actors', {});
  const dl = document.getElementById('actor-list'); dl.replaceChildren();
  for (const a of acts) { const o = document.createElement('option'); o.value = a.actor; o.label = a.actor + ' (' + a.n + ')'; dl.appendChild(o); }
}
async function loadEvents(){
  const dyad = val('a') && val('b') ? val('a') + ',' + val('b') : '';
  const d = await getJSON('/api/events', {actor: val('actor'), dyad: dyad, type: val('type'), limit: val('limit') || 200, ...window_()});
  const tbody = document.querySelector('#events tbody'); tbody.replaceChildren();
  for (const e of d.events) {
    const tr = document.createElement('tr');
    cell(tr, e.date || ''); cell(tr, e.source || ''); cell(tr, e.plover || e.cameo || ''); cell(tr, e.target || '');
    cell(tr, fmt(e.goldstein, 1, true), e.goldstein < 0 ? 'neg' : (e.goldstein > 0 ? 'pos' : ''));
    const notes = [e.modality !== 'asserted' ? e.modality : '', e.negated ? 'negated' : '', e.reciprocal ? 'reciprocal' : ''].filter(Boolean).join(' ');
    cell(tr, notes); cell(tr, e.sentence || '', 'sentence'); cell(tr, (e.article_id || '') + ':' + e.sentence_index);
    tbody.appendChild(tr);
  }
  document.getElementById('event-count').textContent = d.count >= d.limit ? `(first ${d.count}; raise the limit for more)` : `(${d.count})`;
}
const LAYOUT = {margin: {l: 40, r: 10, t: 10, b: 40}, template: 'plotly_white', hovermode: 'closest'};
async function loadNetwork(){
  const d = await getJSON('/api/network', {hub: val('hub'), ...window_()});
  const pos = {}; for (const n of d.nodes) pos[n.actor] = [n.x, n.y];
  const maxN = Math.max(1, ...d.edges.map(e => e.n_events));
  const traces = [];
  const mid = {x: [], y: [], text: [], customdata: [], color: []};
  for (const e of d.edges) {
    if (!pos[e.a] || !pos[e.b]) continue;
    const c = e.net_cooperation > 0 ? '#1a9850' : (e.net_cooperation < 0 ? '#d73027' : '#888');
    traces.push({x: [pos[e.a][0], pos[e.b][0]], y: [pos[e.a][1], pos[e.b][1]], mode: 'lines', hoverinfo: 'skip', showlegend: false,
                 opacity: 0.6, line: {color: c, width: 1 + 7 * Math.sqrt(e.n_events / maxN)}});
    mid.x.push((pos[e.a][0] + pos[e.b][0]) / 2); mid.y.push((pos[e.a][1] + pos[e.b][1]) / 2); mid.color.push(c);
    mid.customdata.push([e.a, e.b]);
    mid.text.push(`${e.a}–${e.b}: ${e.n_events} events, net cooperation ${fmt(e.net_cooperation, 1, true)}`);
  }
  traces.push({x: mid.x, y: mid.y, mode: 'markers', hoverinfo: 'text', hovertext: mid.text, customdata: mid.customdata,
               marker: {size: 9, color: mid.color, opacity: 0.5}, showlegend: false, name: 'edges'});
  const colour = d.nodes.map(n => d.hub ? (n.with_hub || 0) : n.net_cooperation);
  const bound = Math.max(1, ...colour.map(Math.abs));
  traces.push({x: d.nodes.map(n => n.x), y: d.nodes.map(n => n.y), mode: 'markers+text', text: d.nodes.map(n => n.actor),
               textposition: 'top center', customdata: d.nodes.map(n => [n.actor]), hoverinfo: 'text', name: 'actors', showlegend: false,
               hovertext: d.nodes.map(n => `${n.actor}: ${n.n_events} events, ${n.degree} partners<br>net cooperation ${fmt(n.net_cooperation, 1, true)}` +
                 (d.hub ? `<br>with ${d.hub} ${fmt(n.with_hub, 1, true)}, with others ${fmt(n.with_others, 1, true)}` : '')),
               marker: {size: d.nodes.map(n => 12 + 4 * Math.sqrt(n.n_events)), color: colour, colorscale: [[0, '#d73027'], [0.5, '#ffffbf'], [1, '#1a9850']], cmin: -bound, cmax: bound,
                        line: {color: '#222', width: d.nodes.map(n => n.actor === d.hub ? 3 : 1)}, colorbar: {thickness: 10, title: {text: 'with ' + (d.hub || 'all')}}}});
  await Plotly.react('network', traces, {...LAYOUT, xaxis: {visible: false}, yaxis: {visible: false, scaleanchor: 'x'}}, {displaylogo: false, responsive: true});
}
async function loadDyad(){
  const a = val('a'), b = val('b');
  if (!a || !b) { Plotly.purge('dyad'); document.getElementById('dyad-title').textContent = 'Dyad over time'; return; }
  const d = await getJSON('/api/dyads', {a: a, b: b, freq: val('freq'), ...window_()});
  document.getElementById('dyad-title').textContent = `${d.a}–${d.b} per ${d.freq}`;
  document.getElementById('dyad-note').textContent = d.series.length ? 'Goldstein-weighted cooperation (up) and conflict (down); the line is net cooperation.' : 'No events between these two.';
  const x = d.series.map(r => r.period);
  await Plotly.react('dyad', [
    {type: 'bar', x: x, y: d.series.map(r => r.cooperation), name: 'cooperation', marker: {color: '#1a9850'}},
    {type: 'bar', x: x, y: d.series.map(r => -r.conflict), name: 'conflict', marker: {color: '#d73027'}},
    {type: 'scatter', mode: 'lines+markers', x: x, y: d.series.map(r => r.net_cooperation), name: 'net', line: {color: '#333'}},
  ], {...LAYOUT, barmode: 'relative', legend: {orientation: 'h', y: -0.15}}, {displaylogo: false, responsive: true});
}
async function loadHedging(){
  const d = await getJSON('/api/hedging', {hub: val('hub') || 'USA', ...window_()});
  document.getElementById('hedging-title').textContent = `Hedging against ${d.hub}`;
  const tbody = document.querySelector('#hedging tbody'); tbody.replaceChildren();
  for (const r of d.rows) {
    const tr = document.createElement('tr');
    cell(tr, r.actor + (r.is_hedging ? ' ⚑' : ''));
    cell(tr, `${fmt(r.hub_first, 1, true)} → ${fmt(r.hub_second, 1, true)}`, r.hub_second < r.hub_first ? 'neg' : '');
    cell(tr, `${fmt(r.others_first, 1, true)} → ${fmt(r.others_second, 1, true)}`, r.others_second > r.others_first ? 'pos' : '');
    cell(tr, fmt(r.hedging, 1, true)); cell(tr, fmt(r.hub_slope_per_month, 2, true)); cell(tr, fmt(r.others_slope_per_month, 2, true));
    cell(tr, r.partners || ''); cell(tr, `${r.n_hub} / ${r.n_others}`);
    tbody.appendChild(tr);
  }
}
function saveState(){
  const q = new URLSearchParams(); for (const k of FIELDS) if (val(k)) q.set(k, val(k));
  history.replaceState(null, '', '?' + q.toString());
}
function restoreState(){
  const q = new URLSearchParams(location.search); for (const k of FIELDS) if (q.has(k)) form.elements[k].value = q.get(k);
}
async function apply(){
  document.getElementById('error').textContent = '';
  form.dataset.state = 'loading'; saveState();
  const results = await Promise.allSettled([loadEvents(), loadNetwork(), loadDyad(), loadHedging()]);
  const errs = results.filter(r => r.status === 'rejected').map(r => r.reason.message);
  document.getElementById('error').textContent = errs.join('; ');
  form.dataset.state = 'ready';
}
form.addEventListener('submit', ev => { ev.preventDefault(); apply(); });
document.getElementById('reset').addEventListener('click', () => { form.reset(); apply(); });
async function init(){
  restoreState();
  try { await loadStats(); } catch (e) { document.getElementById('error').textContent = e.message; }
  await apply();
  document.getElementById('network').on('plotly_click', ev => {
    const p = ev.points && ev.points[0]; if (!p || !p.customdata) return;
    if (p.customdata.length === 1) { form.elements.actor.value = p.customdata[0]; }
    else { form.elements.a.value = p.customdata[0]; form.elements.b.value = p.customdata[1]; form.elements.actor.value = ''; }
    apply();
  });
}
init();
