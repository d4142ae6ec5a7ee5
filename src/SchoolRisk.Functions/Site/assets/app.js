// The risk map page: reads the view functions with the caller's key, draws the region's map (a municipality's
// schools and a school's trend are schools.js's), and uploads a municipality's file straight to Blob storage with a link the
// UploadLink function gives (the function never carries the file), then follows the upload to its end.
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
  return Object.keys(CLASSES).filter((k) => c[k]).map((k) => CLASSES[k]).join(', ');
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
  const municipality = $('upload-municipality');
  if (!municipality.options.length) {
    const own = map.municipalities.find((m) => m.id === map.caller);
    municipality.replaceChildren(...(map.caller ? [new Option(own ? own.name : map.caller, map.caller)] : map.municipalities.map((m) => new Option(m.name, m.id))));
    $('upload-period').value = map.period;
    showUploads().catch(() => {});
  }
  $('upload').hidden = !map.roles.some((r) => r === 'committee' || r === 'municipality');
  drawMap();
  document.dispatchEvent(new CustomEvent('schoolrisk:loaded', { detail: map }));
}

const FINAL = new Set(['completed', 'rejected', 'duplicate', 'superseded']);

async function showUploads(blobName) {
  const uploads = await api(`uploads/${$('upload-municipality').value}/${$('upload-period').value}`);
  const body = $('uploads-table').tBodies[0];
  body.replaceChildren();
  for (const u of uploads) {
    const row = body.insertRow();
    if (u.blobName === blobName) row.className = 'selected';
    cell(row, u.fileName);
    const status = cell(row, u.statusTitle + (u.error ? `: ${u.error}` : ''));
    status.className = `status-${u.status}`;
    [u.dataRows, u.evaluated, u.skippedRows, u.highCount, u.mediumCount].forEach((n) => cell(row, String(n)));
    const report = document.createElement('a');
    if (u.reportUrl) { report.href = u.reportUrl; report.textContent = `замечаний: ${u.problemCount} (CSV)`; }
    cell(row, u.reportUrl ? report : '—');
  }
  return uploads.find((u) => u.blobName === blobName);
}

function put(url, file) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    xhr.setRequestHeader('x-ms-blob-type', 'BlockBlob');
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) $('upload-progress').value = (100 * e.loaded) / e.total; };
    xhr.onload = () => (xhr.status === 201 ? resolve() : reject(new Error(`Хранилище не приняло файл (код ${xhr.status}).`)));
    xhr.onerror = () => reject(new Error('Файл не удалось передать в хранилище: проверьте подключение.'));
    xhr.send(file);
  });
}

async function upload(file) {
  const status = $('upload-status');
  const progress = $('upload-progress');
  const municipality = $('upload-municipality').value;
  const period = $('upload-period').value;
  try {
    const link = await (await request(`uploads/${municipality}/${period}/link`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ fileName: file.name, kind: $('upload-kind').value }),
    })).json();
    if (file.size > link.maxBytes) throw new Error(`Файл больше ${Math.round(link.maxBytes / 1048576)} МБ и не будет принят.`);
    progress.hidden = false;
    status.textContent = `Файл «${file.name}» передаётся…`;
    await put(link.url, file);
    status.textContent = `Файл «${file.name}» загружен, идёт проверка…`;
    const deadline = Date.now() + 180000;
    for (;;) {
      const found = await showUploads(link.blobName);
      if (found && FINAL.has(found.status)) {
        status.textContent = found.status === 'completed'
          ? `Файл «${file.name}» принят: оценено ${found.evaluated}, пропущено строк ${found.skippedRows}, в высокой зоне ${found.highCount}, в средней ${found.mediumCount}.`
          : found.status === 'rejected'
            ? `Файл «${file.name}» не принят: ${found.error} Исправьте файл и загрузите его снова; в силе остаются данные, принятые раньше.`
            : `Файл «${file.name}»: ${found.statusTitle}.`;
        if (found.status === 'completed') await load(map.period || 'latest');
        break;
      }
      if (Date.now() > deadline) { status.textContent = `Файл «${file.name}» ещё обрабатывается; таблица ниже покажет итог.`; break; }
      await new Promise((r) => setTimeout(r, 1000));
    }
  } catch (error) {
    status.textContent = error.message;
  } finally {
    progress.hidden = true;
    progress.value = 0;
  }
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
$('upload-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const file = $('upload-file').files[0];
  if (file) upload(file); else $('upload-status').textContent = 'Выберите файл.';
});
$('drop').addEventListener('dragover', (event) => { event.preventDefault(); $('drop').classList.add('over'); });
$('drop').addEventListener('dragleave', () => $('drop').classList.remove('over'));
$('drop').addEventListener('drop', (event) => {
  event.preventDefault();
  $('drop').classList.remove('over');
  if (event.dataTransfer.files[0]) upload(event.dataTransfer.files[0]);
});
['upload-municipality', 'upload-period'].forEach((id) => $(id).addEventListener('change', () => showUploads().catch(() => {})));
$('logout').addEventListener('click', () => { localStorage.removeItem(KEY); location.reload(); });
$('period').addEventListener('change', () => load($('period').value).then(() => { $('municipality').hidden = true; $('school').hidden = true; }));
$('zone-filter').addEventListener('change', () => { drawMap(); if (schools) drawSchools(); });
$('class-filter').addEventListener('change', () => { if (schools) drawSchools(); });
if (localStorage.getItem(KEY)) start();
