// The school tables of the risk map page: a municipality's schools (one row per school: its zone, why it is there,
// its classification, the addressed recommendations that apply to it, and one column per indicator, each value coloured by its zone with the thresholds of the rule set
// version it was judged by in its title), sortable by any column and filtered by an indicator in a risk zone; and a
// school's periods, laid out the same way. Uses app.js's globals ($, api, cell, zoneBadge, classification,
// passesFilters, map, schools, ZONES, COLORS). Beside the regional classification, the column «Фед.» shows the school's
// federal status and risk profile from the Federal function, when the period has a federal list. Everything a person
// reads is in Russian.
'use strict';

// Short column labels; the full title is in each header's <abbr title>.
const SHORT_TITLES = {
  ege_below_min_share: 'ЕГЭ ниже мин.',
  oge_fail_share: 'ОГЭ на «2»',
  medalists_below70_share: 'Медалисты < 70',
  min_level_share: 'Мин. уровень',
  high_level_share: 'Высокий уровень',
  vpr_fail_share: 'ВПР на «2»',
  vpr_lowered_share: 'ВПР ниже журнала',
  functional_literacy_share: 'Функц. грамотность',
  retention_share: 'Сохранность',
  offences_per_1000: 'Правонаруш. на 1000',
  teachers_top_category_share: 'Учителя высш. кат.',
  supervision_orders: 'Предписания',
  inspection_zone: 'Реестр надзора',
  social_wellbeing_index: 'Индекс благопол.',
  ovz_share: 'ОВЗ',
  migrant_share: 'Дети мигрантов',
  has_sports_club: 'ШСК',
  has_theatre: 'Театр',
  has_museum: 'Музей',
  spt_participation: 'СПТ',
  olympiad_regional_winners: 'Олимпиады',
};
const ZONE_ORDER = { high: 2, medium: 1, none: 0 };
const UNIT_AFTER_VALUE = new Set(['percent', 'count', 'perThousand']);
let schoolSort = { key: 'zone', descending: true };
// The municipality's schools of the period's federal list by id, with the factors' titles; null when the period has none.
let federalSchools = null;
const FEDERAL_LEVELS = { high: 'высокий', medium: 'средний', low: 'низкий' };
// The schools whose recommendations list is unfolded, kept across sorting and filtering; cleared with each municipality.
const openRecommendations = new Set();

const number = (value) => Number(value).toLocaleString('ru-RU');

function withUnit(value, indicator) {
  return UNIT_AFTER_VALUE.has(indicator.unit) ? `${number(value)} ${indicator.unitSymbol}` : number(value);
}

// A value as a person reads it: a decimal comma, «да»/«нет» for a flag, a zone's word for a zone.
function formatValue(indicator) {
  if (indicator.value === null || indicator.value === undefined) return '—';
  if (indicator.unit === 'flag') return indicator.value ? 'да' : 'нет';
  if (indicator.unit === 'zone') return ['нет', 'средний', 'высокий'][indicator.value] ?? number(indicator.value);
  return number(indicator.value);
}

// «средний риск от 5 %, высокий риск от 10 %» (higher is worse) or «… ниже 95 %» (lower is worse).
function thresholdText(indicator) {
  const word = indicator.worseWhen === 'lower' ? 'ниже' : 'от';
  const parts = [];
  if (indicator.mediumThreshold !== null && indicator.mediumThreshold !== undefined) parts.push(`средний риск ${word} ${withUnit(indicator.mediumThreshold, indicator)}`);
  if (indicator.highThreshold !== null && indicator.highThreshold !== undefined) parts.push(`высокий риск ${word} ${withUnit(indicator.highThreshold, indicator)}`);
  return parts.length ? parts.join(', ') : 'порога нет: показатель справочный';
}

// The indicators worth a column: those reported for at least one of the rows.
function indicatorColumns(rows) {
  if (!rows.length) return [];
  return rows[0].indicators.filter((indicator, n) => rows.some((row) => row.indicators[n].value !== null && row.indicators[n].value !== undefined));
}

function indicatorHeader(indicator, sortable) {
  const th = document.createElement('th');
  th.className = 'indicator';
  th.dataset.indicator = indicator.id;
  const label = document.createElement('abbr');
  label.title = indicator.title;
  label.textContent = SHORT_TITLES[indicator.id] || indicator.title;
  const limits = document.createElement('small');
  limits.className = 'limits';
  const sign = indicator.worseWhen === 'lower' ? '<' : '≥';
  const parts = [['medium', indicator.mediumThreshold], ['high', indicator.highThreshold]].filter(([, t]) => t !== null && t !== undefined);
  limits.replaceChildren(...parts.map(([zone, t]) => {
    const span = document.createElement('span');
    span.className = `limit-${zone}`;
    span.textContent = `${sign} ${number(t)}`;
    return span;
  }));
  if (UNIT_AFTER_VALUE.has(indicator.unit) && parts.length) limits.append(` ${indicator.unitSymbol}`);
  limits.title = thresholdText(indicator);
  const content = [label, limits];
  if (sortable) {
    const button = sortButton(`indicator:${indicator.id}`, content);
    button.title = `${indicator.title}: ${thresholdText(indicator)}. Упорядочить школы по этому показателю`;
    th.appendChild(button);
  } else {
    th.append(...content);
  }
  return th;
}

function sortButton(key, content) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'sort';
  button.dataset.sort = key;
  button.append(...content);
  button.addEventListener('click', () => {
    schoolSort = schoolSort.key === key ? { key, descending: !schoolSort.descending } : { key, descending: firstDescending(key) };
    drawSchools();
  });
  return button;
}

// The first click puts the worst first: the highest zone; the highest value where higher is worse, the lowest where lower is.
function firstDescending(key) {
  if (key === 'zone') return true;
  if (key === 'school') return false;
  const indicator = schools.schools[0]?.indicators.find((i) => `indicator:${i.id}` === key);
  return indicator?.worseWhen !== 'lower';
}

function textHeader(text, sortKey) {
  const th = document.createElement('th');
  if (sortKey) th.appendChild(sortButton(sortKey, [text])); else th.textContent = text;
  return th;
}

function indicatorCell(row, indicator) {
  const td = cell(row, formatValue(indicator));
  td.className = `value value-${indicator.value === null || indicator.value === undefined ? 'missing' : indicator.zone}`;
  td.dataset.indicator = indicator.id;
  const value = indicator.value === null || indicator.value === undefined ? 'нет данных' : UNIT_AFTER_VALUE.has(indicator.unit) ? withUnit(indicator.value, indicator) : formatValue(indicator);
  const zone = indicator.value === null || indicator.value === undefined ? '' : ` — ${ZONES[indicator.zone]}`;
  td.title = `${indicator.title}: ${value}${zone}. Пороги: ${thresholdText(indicator)}`;
  return td;
}

function reasonsCell(row, reasons) {
  if (!reasons.length) return cell(row, '—');
  const list = document.createElement('ul');
  list.className = 'reasons';
  list.replaceChildren(...reasons.map((reason) => {
    const item = document.createElement('li');
    item.textContent = reason;
    return item;
  }));
  return cell(row, list);
}

function compareSchools(a, b) {
  const { key, descending } = schoolSort;
  let order;
  if (key === 'school') {
    order = a.schoolName.localeCompare(b.schoolName, 'ru') || a.schoolId.localeCompare(b.schoolId);
  } else if (key === 'zone') {
    order = ZONE_ORDER[a.zone] - ZONE_ORDER[b.zone];
  } else {
    const id = key.slice('indicator:'.length);
    const va = a.indicators.find((i) => i.id === id)?.value;
    const vb = b.indicators.find((i) => i.id === id)?.value;
    const missingA = va === null || va === undefined;
    const missingB = vb === null || vb === undefined;
    if (missingA || missingB) return missingA === missingB ? a.schoolId.localeCompare(b.schoolId) : missingA ? 1 : -1; // no value: last either way
    order = va - vb;
  }
  return (descending ? -order : order) || a.schoolId.localeCompare(b.schoolId);
}

function drawSchoolsHeader(columns) {
  const head = $('schools-table').tHead.rows[0];
  head.replaceChildren(
    textHeader('Школа', 'school'), textHeader('Зона', 'zone'), textHeader('Почему в зоне риска'), textHeader('Классификация'), textHeader('Рекомендации'), textHeader('Фед.'),
    ...columns.map((indicator) => indicatorHeader(indicator, true)));
  for (const th of head.cells) {
    const key = th.querySelector('button.sort')?.dataset.sort;
    th.setAttribute('aria-sort', key && key === schoolSort.key ? (schoolSort.descending ? 'descending' : 'ascending') : 'none');
  }
}

function drawIndicatorFilter(columns) {
  const select = $('indicator-filter');
  const chosen = select.value;
  select.replaceChildren(new Option('любой', ''), ...columns
    .filter((indicator) => schools.schools.some((s) => s.indicators.some((i) => i.id === indicator.id && (i.mediumThreshold !== null || i.highThreshold !== null))))
    .map((indicator) => new Option(indicator.title, indicator.id, false, indicator.id === chosen)));
}

function drawSchools() {
  const all = schools.schools;
  const columns = indicatorColumns(all);
  const indicatorFilter = $('indicator-filter').value;
  drawSchoolsHeader(columns);
  const shown = all
    .filter((s) => passesFilters(s.zone, s.classification))
    .filter((s) => !indicatorFilter || s.indicators.some((i) => i.id === indicatorFilter && i.zone !== 'none'))
    .sort(compareSchools);
  const body = $('schools-table').tBodies[0];
  body.replaceChildren();
  for (const s of shown) {
    const row = body.insertRow();
    row.className = 'clickable';
    row.dataset.school = s.schoolId;
    const open = document.createElement('button');
    open.type = 'button';
    open.className = 'link';
    open.title = 'Динамика школы по годам';
    open.textContent = s.schoolName;
    const id = document.createElement('small');
    id.className = 'school-id';
    id.textContent = s.schoolId;
    const name = cell(row, open);
    name.className = 'school';
    name.appendChild(id);
    cell(row, zoneBadge(s.zone));
    reasonsCell(row, s.zoneReasons);
    cell(row, classification(s.classification) || '—');
    recommendationsCell(row, s);
    federalCell(row, federalSchools?.bySchool.get(s.schoolId));
    for (const column of columns) indicatorCell(row, s.indicators.find((i) => i.id === column.id));
    row.addEventListener('click', () => openSchool(s.schoolId));
  }
  $('schools-count').textContent = `Показано школ: ${shown.length} из ${all.length}`;
}

// One recommendation as a list item: «Кому: мера», the reason on a line of its own.
function recommendationItem(r) {
  const item = document.createElement('li');
  const to = document.createElement('strong');
  to.textContent = `${r.addresseeTitle[0].toUpperCase()}${r.addresseeTitle.slice(1)}: `;
  const reason = document.createElement('small');
  reason.className = 'reason';
  reason.textContent = `основание: ${r.reason}`;
  item.append(to, r.measure, reason);
  return item;
}

// The addressed recommendations about the school (the active rules): how many, unfolding to whom, the measure and why.
// A list unfolded stays so when the table is sorted or filtered (openRecommendations). A school in a risk zone without
// any says why, rather than a bare «—».
function recommendationsCell(row, school) {
  const recommendations = school.recommendations || [];
  if (!recommendations.length) {
    if (school.zone === 'none') return cell(row, '—');
    const td = cell(row, 'нет в правилах');
    td.title = 'Правила рекомендаций не предусматривают меры для этой ситуации; почему школа в зоне риска — в соседнем столбце.';
    return td;
  }
  const details = document.createElement('details');
  details.className = 'recommendations';
  details.open = openRecommendations.has(school.schoolId);
  const summary = document.createElement('summary');
  summary.textContent = `${recommendations.length} ${measuresWord(recommendations.length)}`;
  const list = document.createElement('ul');
  list.replaceChildren(...recommendations.map(recommendationItem));
  details.append(summary, list);
  details.addEventListener('click', (event) => event.stopPropagation());
  details.addEventListener('toggle', () => {
    if (details.open) openRecommendations.add(school.schoolId); else openRecommendations.delete(school.schoolId);
  });
  const td = cell(row, details);
  td.className = 'recommendations-cell';
  return td;
}

// The measures about the municipality as a whole, once above its schools; hidden when there are none.
function drawMunicipalRecommendations(recommendations) {
  const block = $('municipal-recommendations');
  block.hidden = !recommendations.length;
  block.querySelector('ul').replaceChildren(...recommendations.map(recommendationItem));
}

// «ШНОР» when the school is on the federal list, and how many factors of its federal risk profile are high; the whole profile in the title.
function federalCell(row, school) {
  if (!school) return cell(row, '—');
  const high = Object.values(school.profile).filter((level) => level === 'high').length;
  const td = cell(row, [school.onFederalList ? 'ШНОР' : '', high ? `${high} ↑` : ''].filter(Boolean).join(' ') || 'нет');
  td.className = `federal${school.onFederalList ? ' federal-listed' : ''}`;
  const profile = federalSchools.factors.filter((f) => school.profile[f.id]).map((f) => `${f.title}: ${FEDERAL_LEVELS[school.profile[f.id]]}`);
  td.title = `${school.onFederalList ? 'В федеральном перечне ШНОР' : 'Не в федеральном перечне ШНОР'}` + (profile.length ? `. Профиль рисков:\n${profile.join('\n')}` : '');
  return td;
}

async function openMunicipality(id) {
  const [loaded, federal] = await Promise.all([
    api(`municipalities/${encodeURIComponent(id)}/${map.period}`),
    api(`federal/${map.period}?municipality=${encodeURIComponent(id)}`).catch(() => null),
  ]);
  schools = loaded;
  federalSchools = federal && { factors: federal.factors, bySchool: new Map(federal.schools.map((s) => [s.schoolId, s])) };
  schoolSort = { key: 'zone', descending: true };
  openRecommendations.clear();
  drawMunicipalRecommendations(schools.municipalRecommendations || []);
  $('municipality-title').textContent = `${schools.name}: школы, ${schools.period}`;
  $('note-link').dataset.path = `notes/${encodeURIComponent(id)}/${map.period}`;
  $('municipality').hidden = false;
  $('school').hidden = true;
  drawIndicatorFilter(indicatorColumns(schools.schools));
  drawSchools();
  $('municipality').scrollIntoView();
}

let trend = null;
async function openSchool(id) {
  const history = await api(`schools/${encodeURIComponent(id)}/history`);
  $('school-title').textContent = `${history.schoolId} ${history.schoolName}: динамика по годам`;
  trend?.destroy();
  const level = { none: 0, medium: 1, high: 2 };
  trend = new Chart($('trend-chart'), {
    type: 'line',
    data: {
      labels: history.periods.map((p) => p.period),
      datasets: [{ label: 'зона риска', data: history.periods.map((p) => level[p.zone]), borderColor: '#333', pointBackgroundColor: history.periods.map((p) => COLORS[p.zone]), pointRadius: 7 }],
    },
    options: { animation: false, maintainAspectRatio: false,
      scales: { y: { min: 0, max: 2, ticks: { stepSize: 1, callback: (v) => ['вне зоны', 'средний', 'высокий'][v] } } } },
  });
  const columns = indicatorColumns(history.periods);
  const latest = history.periods[history.periods.length - 1];
  $('history-table').tHead.rows[0].replaceChildren(
    textHeader('Учебный год'), textHeader('Зона'), textHeader('Почему в зоне риска'), textHeader('Классификация'),
    ...columns.map((indicator) => indicatorHeader(latest.indicators.find((i) => i.id === indicator.id), false)));
  const body = $('history-table').tBodies[0];
  body.replaceChildren();
  for (const p of history.periods) {
    const row = body.insertRow();
    cell(row, p.period);
    cell(row, zoneBadge(p.zone));
    reasonsCell(row, p.zoneReasons);
    cell(row, (p.classification ? classification(p.classification) : p.lowResults ? 'ШНОР' : '') || '—');
    for (const column of columns) indicatorCell(row, p.indicators.find((i) => i.id === column.id));
  }
  $('school').hidden = false;
  $('school').scrollIntoView();
}

$('indicator-filter').addEventListener('change', () => { if (schools) drawSchools(); });

/** «мера», «меры» or «мер» after a count, by Russian plural rules (1, 21 мера; 2–4, 22 меры; 5–20, 25 мер). */
function measuresWord(count) {
  const lastTwo = count % 100;
  const last = count % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return 'мер';
  if (last === 1) return 'мера';
  return last >= 2 && last <= 4 ? 'меры' : 'мер';
}
