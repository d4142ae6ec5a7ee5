// The risk map page: reads the view functions with the caller's key and draws the region's map. A municipality's
// schools and a school's trend are schools.js's; the panels are scripts of their own loaded after this one (upload.js,
// rules.js, deliveries.js), each drawing itself on the 'schoolrisk:loaded' event that load() dispatches with the map.
// Everything a person reads is in Russian.
'use strict';

const KEY = 'schoolrisk-key';
const ZONES = { high: 'высокий риск', medium: 'средний риск', none: 'вне зоны риска' };
const COLORS = { high: '#c9302c', medium: '#ec971f', none: '#449d44' };
const CLASSES = {
  lowResults: 'ШНОР', stablyLowResults: 'устойчиво низкие', unfavourableConditions: 'ШНСУ',
  nonObjectiveResults: 'необъективность', leaderEffective: 'эффективный руководитель',
};
const charts = [];
let map = null;
let schools = null;

const $ = (id) => document.getElementById(id);

function zoneBadge(zone) {
  const badge = document.createElement('span');
  badge.className = `zone zone-${zone}`;
  badge.textContent = ZONES[zone];
  return badge;
}

// «школы» after a number ending in 1 (not 11), else «школ»: «у 1 школы», «у 21 школы», «у 5 школ», «из 11 школ».
function schoolsGenitive(n) {
  return n % 10 === 1 && n % 100 !== 11 ? 'школы' : 'школ';
}

function cell(row, content) {
  const td = row.insertCell();
  if (content instanceof Node) td.appendChild(content); else td.textContent = content;
  return td;
}

// A row or other element that acts when clicked, and likewise from the keyboard (Tab to it, Enter or Space).
function activates(element, action) {
  element.tabIndex = 0;
  element.addEventListener('click', action);
  element.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); action(); }
  });
}

async function request(path, init = {}) {
  const response = await fetch(`../${path}`, { ...init, headers: { 'x-functions-key': localStorage.getItem(KEY) || '', ...init.headers } });
  if (response.status === 401) throw new Error('Ключ не подходит.');
  if (!response.ok) throw new Error((await response.json().catch(() => ({}))).error || `Ошибка ${response.status}`);
  return response;
}

async function api(path) {
  return (await request(path)).json();
}

function classification(c) {
  return [...Object.keys(CLASSES).filter((k) => c[k]).map((k) => CLASSES[k]), riskGroup(c.riskGroup)].filter(Boolean).join(', ');
}

// The school's standing toward the low-result group (RiskGroupStanding), in words; empty when plainly outside it or just entered.
function riskGroup(g) {
  if (!g) return '';
  switch (g.status) {
    case 'reEntered': return `повторно вошла в группу риска (выходила в ${g.exitedIn})`;
    case 'stayed': return g.enteredIn ? `в группе риска с ${g.enteredIn}` : 'остаётся в группе риска';
    case 'leaving': return `выход из группы риска не подтверждён (периодов без низких результатов: ${g.streak})`;
    case 'exited': return `вышла из группы риска в ${g.exitedIn}`;
    case 'watched': return 'под наблюдением: низкие результаты, вход в группу риска не подтверждён';
    default: return '';
  }
}

function passesFilters(zone, classes) {
  const zoneFilter = $('zone-filter').value;
  const classFilter = $('class-filter').value;
  return (!zoneFilter || zone === zoneFilter) && (!classFilter || (classes && classes[classFilter]));
}

function drawMap() {
  charts.splice(0).forEach((c) => c.destroy());
  $('map-period').textContent = map.period;
  const zoneFilter = $('zone-filter').value;
  const rows = map.municipalities.filter((m) => !zoneFilter || m.zone === zoneFilter);
  const body = $('map-table').tBodies[0];
  body.replaceChildren();
  for (const m of rows) {
    const row = body.insertRow();
    row.className = 'clickable';
    row.dataset.municipality = m.id;
    cell(row, m.name);
    cell(row, zoneBadge(m.zone));
    [m.schools, m.high, m.medium, m.none, m.lowResults].forEach((n) => cell(row, String(n)));
    const canvas = document.createElement('canvas');
    canvas.className = 'row-chart';
    canvas.width = 220;
    canvas.height = 28;
    cell(row, canvas);
    charts.push(new Chart(canvas, {
      type: 'bar',
      data: { labels: [''], datasets: ['high', 'medium', 'none'].map((z) => ({ label: ZONES[z], data: [m[z]], backgroundColor: COLORS[z] })) },
      options: { indexAxis: 'y', animation: false, responsive: false, plugins: { legend: { display: false }, tooltip: { enabled: true } },
        scales: { x: { stacked: true, display: false }, y: { stacked: true, display: false } } },
    }));
    activates(row, () => openMunicipality(m.id));
  }
  charts.push(new Chart($('region-chart'), {
    type: 'bar',
    data: { labels: rows.map((m) => m.name), datasets: ['high', 'medium', 'none'].map((z) => ({ label: ZONES[z], data: rows.map((m) => m[z]), backgroundColor: COLORS[z] })) },
    options: { animation: false, maintainAspectRatio: false, scales: { x: { stacked: true }, y: { stacked: true, ticks: { precision: 0 }, title: { display: true, text: 'школ' } } } },
  }));
}

async function load(period) {
  map = await api(`map/${period}`);
  const select = $('period');
  select.replaceChildren(...map.periods.map((p) => new Option(p, p, false, p === map.period)));
  drawMap();
  document.dispatchEvent(new CustomEvent('schoolrisk:loaded', { detail: map }));
}

async function start() {
  try {
    await load('latest');
    $('login').hidden = true;
    $('app').hidden = false;
  } catch (error) {
    $('login-error').textContent = error.message;
  }
}

$('login').addEventListener('submit', (event) => {
  event.preventDefault();
  localStorage.setItem(KEY, $('key').value.trim());
  start();
});
$('note-link').addEventListener('click', async (event) => {
  event.preventDefault();
  const html = await (await request(event.target.dataset.path)).text();
  window.open(URL.createObjectURL(new Blob([html], { type: 'text/html' })), '_blank');
});
$('logout').addEventListener('click', () => { localStorage.removeItem(KEY); location.reload(); });
$('period').addEventListener('change', () => load($('period').value).then(() => { $('municipality').hidden = true; $('school').hidden = true; }));
$('zone-filter').addEventListener('change', () => { drawMap(); if (schools) drawSchools(); });
$('class-filter').addEventListener('change', () => { if (schools) drawSchools(); });
if (localStorage.getItem(KEY)) start();
