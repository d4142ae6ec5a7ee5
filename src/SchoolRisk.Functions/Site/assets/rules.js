// The rules administrator's panel (the rules-admin key, or the master key): the rules in force as tables of numbers,
// edited in place (or a file's JSON, for an expert), checked as an activation would check them, previewed on a
// period's stored data, activated with a reason; the journal of activations and rejections, a diff between versions,
// and rollback. Every step goes through the rule functions (CheckRules, PreviewRules, ActivateRules, RollbackRules,
// RuleDiff, RuleVersions), which validate exactly as RulesChanged does: the page never decides what is valid.
// Its names stay inside this function: the panels' scripts share the page's global scope with app.js.
(() => {
  'use strict';

  const rules = { inForce: null, edits: new Map(), files: new Map(), period: null };
  const DIRECTIONS = { higher: 'больше — хуже', lower: 'меньше — хуже' };
  const LEVELS = { municipality: 'муниципалитет', school: 'школа', course: 'курс' };
  const ORIGINS = { functionKey: 'ключ проверен', signedIn: 'вход в Azure', declared: 'не проверено', commandLine: 'командная строка', system: 'система' };
  const SOURCES = { page: 'страница', rollback: 'откат', cli: 'командная строка', container: 'контейнер rules', seed: 'первый запуск' };
  const ASSESSMENT = {
    'Levels|HighFromPercentile': 'Высокий уровень: от процентиля', 'Levels|LowBelowPercentile': 'Низкий уровень: ниже процентиля',
    'Top|Secondary': 'ТОП среди школ со средним общим образованием', 'Top|Basic': 'ТОП среди основных школ', 'Top|Leaders': 'Лидеров в каждом ТОП',
  };

  const decimalText = (n) => String(n).replace('.', ',');
  const when = (t) => new Date(t).toLocaleString('ru-RU');

  function parseDecimal(text) {
    const t = text.trim().replace(/\s/g, '').replace(',', '.');
    return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
  }

  async function rulesCall(path, body) {
    const response = await fetch(`../${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'x-functions-key': localStorage.getItem(KEY) || '', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json().catch(() => ({}));
    return { ok: response.ok, status: response.status, json };
  }

  function numberInput(file, rule, key, value, label) {
    const input = document.createElement('input');
    input.className = 'number';
    input.inputMode = 'decimal';
    input.value = decimalText(value);
    input.setAttribute('aria-label', label);
    input.dataset.rule = rule;
    const id = `${file}|${rule}|${key}`;
    input.addEventListener('change', () => {
      const parsed = parseDecimal(input.value);
      if (Number.isNaN(parsed)) {
        input.setCustomValidity('Нужно число, например 7,5');
        input.reportValidity();
        return;
      }
      input.setCustomValidity('');
      if (parsed === Number(value)) rules.edits.delete(id); else rules.edits.set(id, { file, rule, key, value: parsed });
      input.classList.toggle('edited', rules.edits.has(id));
    });
    return input;
  }

  function markRow(row, file, ...ruleNames) {
    row.dataset.file = file;
    row.dataset.rules = ruleNames.filter(Boolean).join(' ');
  }

  function drawTables(table) {
    const thresholds = $('thresholds-table').tBodies[0];
    thresholds.replaceChildren();
    for (const i of table.indicators) {
      const row = thresholds.insertRow();
      markRow(row, i.file, i.medium?.rule, i.high?.rule);
      [i.title, i.file, i.unitSymbol, DIRECTIONS[i.worseWhen]].forEach((text) => cell(row, text));
      for (const [zone, threshold] of [['средний', i.medium], ['высокий', i.high]]) {
        cell(row, threshold ? numberInput(i.file, threshold.rule, 'Threshold', threshold.threshold, `${i.title}: порог, ${zone} риск`) : '—');
      }
    }
    const cutoffs = $('cutoffs-table').tBodies[0];
    cutoffs.replaceChildren();
    for (const c of table.classifications) {
      for (const p of c.parameters) {
        const row = cutoffs.insertRow();
        markRow(row, c.file, c.rule);
        [c.title, c.rule, p.name].forEach((text) => cell(row, text));
        cell(row, numberInput(c.file, c.rule, p.name, p.value, `${c.title}: ${p.name}`));
      }
    }
    const bands = $('bands-table').tBodies[0];
    bands.replaceChildren();
    for (const r of table.rubrics) {
      r.bands.forEach((b, index) => {
        const row = bands.insertRow();
        markRow(row, r.file, b.ruleName);
        cell(row, index === 0 ? `${r.title} (${r.items} пунктов, максимум ${r.maxScore})` : '');
        cell(row, `${b.label} (${LEVELS[r.level]})`);
        cell(row, zoneBadge(b.zone));
        cell(row, String(b.from));
        cell(row, index < r.bands.length - 1 ? numberInput(r.file, b.ruleName, 'To', b.to, `${r.title}, уровень «${b.label}»: сумма до`) : String(b.to));
      });
    }
    const weights = $('weights-table').tBodies[0];
    weights.replaceChildren();
    const a = table.assessment;
    if (a) {
      for (const d of a.directions) {
        const row = weights.insertRow();
        markRow(row, a.file);
        cell(row, `Вес: ${d.title}`);
        cell(row, numberInput(a.file, d.id, 'Weight', d.weight, `Вес направления «${d.title}»`));
      }
      const values = { 'Levels|HighFromPercentile': a.highFromPercentile, 'Levels|LowBelowPercentile': a.lowBelowPercentile, 'Top|Secondary': a.topSecondary, 'Top|Basic': a.topBasic, 'Top|Leaders': a.leaders };
      for (const [id, title] of Object.entries(ASSESSMENT)) {
        const [section, key] = id.split('|');
        const row = weights.insertRow();
        markRow(row, a.file);
        cell(row, title);
        cell(row, numberInput(a.file, section, key, values[id], title));
      }
    }
  }

  function drawExpert() {
    const select = $('rule-file');
    const chosen = select.value;
    select.replaceChildren(...rules.inForce.files.map((f) => new Option(f.name, f.name, false, f.name === chosen)));
    showFile();
  }

  function showFile() {
    const name = $('rule-file').value;
    const original = rules.inForce.files.find((f) => f.name === name);
    $('rule-json').value = rules.files.get(name) ?? original?.json ?? '';
  }

  function draft() {
    const body = {};
    if (rules.edits.size) body.edits = [...rules.edits.values()];
    if (rules.files.size) body.files = Object.fromEntries(rules.files);
    return body;
  }

  function showProblems(problems) {
    document.querySelectorAll('#rules tr.problem').forEach((row) => { row.classList.remove('problem'); row.title = ''; });
    const list = $('rules-problems');
    list.replaceChildren();
    const fileList = $('rule-file-problems');
    fileList.replaceChildren();
    for (const p of problems) {
      const text = typeof p === 'string' ? p : p.text;
      const item = document.createElement('li');
      item.textContent = text;
      list.appendChild(item);
      if (p.file && p.file === $('rule-file').value) fileList.appendChild(item.cloneNode(true));
      for (const row of document.querySelectorAll('#rules tbody tr')) {
        if (p.file && row.dataset.file === p.file && (!p.rule || row.dataset.rules.split(' ').includes(p.rule))) {
          row.classList.add('problem');
          row.title = row.title ? `${row.title}\n${text}` : text;
        }
      }
    }
  }

  function status(text) {
    $('rules-status').textContent = text;
  }

  async function checkRules() {
    const body = draft();
    if (!body.edits && !body.files) { status('Правок нет: измените число в таблице или файл правил.'); return; }
    status('Проверяю правки, как при активации…');
    const answer = await rulesCall('rules/check', body);
    if (!answer.ok) { status(answer.json.error || `Ошибка ${answer.status}`); return; }
    const c = answer.json;
    status(c.valid
      ? `Правки проходят проверку, как при активации: новая версия ${c.version}; изменятся файлы: ${c.changed.map((f) => f.name).join(', ')}.`
      : `Правки не пройдут активацию: замечаний ${c.problems.length}. Они показаны ниже и у правил, к которым относятся.`);
    showProblems([...c.problems, ...c.removed.map((text) => ({ text }))]);
  }

  async function previewRules() {
    const body = draft();
    if (!body.edits && !body.files) { status('Правок нет: нечего показывать.'); return; }
    const period = $('preview-period').value;
    status(`Считаю предпросмотр на данных за ${period}…`);
    const answer = await rulesCall(`rules/preview/${period}`, body);
    const table = $('preview-table');
    const rows = table.tBodies[0];
    rows.replaceChildren();
    $('preview-recommendations-block').hidden = true;
    if (!answer.ok) {
      table.hidden = true;
      status(answer.json.error || `Ошибка ${answer.status}`);
      showProblems((answer.json.problems || []).map((text) => ({ text })));
      return;
    }
    const p = answer.json;
    showProblems(p.removed.map((r) => ({ text: `Перестанет оцениваться: ${r.description}` })));
    const names = new Map((map?.municipalities || []).map((m) => [m.id, m.name]));
    for (const change of [...p.changes].sort((x, y) => (names.get(x.municipalityId) || x.municipalityId).localeCompare(names.get(y.municipalityId) || y.municipalityId, 'ru'))) {
      const row = rows.insertRow();
      cell(row, names.get(change.municipalityId) || change.municipalityId);
      cell(row, `${change.schoolId} ${change.schoolName}`);
      cell(row, zoneBadge(change.before));
      cell(row, zoneBadge(change.after));
    }
    table.hidden = p.changes.length === 0;
    const recommended = p.recommendationChanges || [];
    $('preview-recommendations').replaceChildren(...recommended.map((c) => {
      const item = document.createElement('li');
      item.textContent = `${names.get(c.municipalityId) || c.municipalityId}: ${c.schoolId} ${c.schoolName}`
        + (c.added.length ? ` — добавится: ${c.added.join('; ')}` : '') + (c.removed.length ? ` — уйдёт: ${c.removed.join('; ')}` : '');
      return item;
    }));
    $('preview-recommendations-title').textContent = `Адресные рекомендации изменятся у ${recommended.length} ${schoolsGenitive(recommended.length)}`;
    $('preview-recommendations-block').hidden = recommended.length === 0;
    status(`Предпросмотр на данных за ${p.period}: зона изменится у ${p.changes.length} из ${p.schoolsEvaluated} ${schoolsGenitive(p.schoolsEvaluated)}`
      + `${recommended.length ? `, адресные рекомендации — у ${recommended.length}` : ''}. Ничего не активировано.`);
  }

  async function activate(path, body) {
    const reason = $('activate-reason').value.trim();
    if (!reason) { status('Укажите причину изменения: она записывается в журнал.'); $('activate-reason').focus(); return; }
    const by = $('activate-by').value.trim();
    status('Проверяю и активирую…');
    const answer = await rulesCall(path, {
      ...body, reason, ...(by ? { by } : {}), ...($('activate-reevaluate').checked ? { reevaluate: $('preview-period').value } : {}),
    });
    if (!answer.ok) {
      status(answer.json.error || `Ошибка ${answer.status}`);
      showProblems((answer.json.problems || []).map((text) => ({ text })));
      await showVersions();
      return;
    }
    rules.edits.clear();
    rules.files.clear();
    $('activate-reason').value = '';
    showProblems([]);
    $('preview-table').hidden = true;
    await loadRules();
    status(answer.json.message);
    if (answer.json.outcome === 'activated' && $('activate-reevaluate').checked) await followRecalculation($('preview-period').value, answer.json.version, answer.json.message);
  }

  // A re-evaluation runs in the background (the Recalculate function): the page watches one municipality's schools until
  // all carry the new version (the whole period is re-evaluated at once), then redraws the map.
  async function followRecalculation(period, version, message) {
    const watched = map.municipalities.find((m) => m.schools > 0);
    const deadline = Date.now() + 120000;
    while (watched && Date.now() < deadline) {
      const shown = await api(`municipalities/${encodeURIComponent(watched.id)}/${period}`);
      if (shown.schools.every((s) => s.ruleSetVersion === version)) {
        await load(period);
        status(`${message} Период ${period} пересчитан; карта обновлена.`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
    status(`${message} Пересчёт периода ${period} ещё идёт; обновите карту позже.`);
  }

  async function showVersions() {
    const answer = await rulesCall('rules/versions');
    if (!answer.ok) return;
    const v = answer.json;
    const entries = [
      ...v.versions.map((e) => ({ at: e.activatedAt, kind: e.source === 'rollback' ? 'откат' : 'активация', ...e })),
      ...v.rejections.map((e) => ({ at: e.at, kind: 'отклонено', version: e.candidateVersion, rejected: true, ...e })),
    ].sort((x, y) => new Date(y.at) - new Date(x.at));
    const versions = [...new Set(v.versions.map((e) => e.version))];
    for (const [id, chosen] of [['diff-from', versions[1]], ['diff-to', versions[0]]]) {
      $(id).replaceChildren(...versions.map((version) => new Option(version === v.active ? `${version} (действует)` : version, version, false, version === chosen)));
    }
    const body = $('versions-table').tBodies[0];
    body.replaceChildren();
    for (const e of entries) {
      const row = body.insertRow();
      if (e.version === v.active && !e.rejected) row.className = 'selected';
      cell(row, when(e.at));
      cell(row, `${e.kind}${e.version === v.active && !e.rejected ? ' (действует)' : ''}; ${SOURCES[e.source] || e.source}`);
      cell(row, e.version || '—');
      cell(row, `${e.by} (${ORIGINS[e.byOrigin] || e.byOrigin})`);
      cell(row, e.rejected ? `${e.reason}. Замечаний: ${e.problemCount}: ${e.problems.slice(0, 3).join(' | ')}` : e.reason);
      const actions = cell(row, '');
      if (!e.rejected && e.previous) actions.appendChild(button('Сравнить с предыдущей', () => showDiff(e.previous, e.version)));
      if (!e.rejected && e.version !== v.active) actions.appendChild(button('Вернуть эту версию', () => activate('rules/rollback', { version: e.version })));
    }
  }

  function button(text, action) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.addEventListener('click', action);
    return b;
  }

  async function showDiff(from, to) {
    const answer = await rulesCall(`rules/diff/${from}/${to}`);
    const pre = $('rules-diff');
    pre.replaceChildren();
    pre.hidden = false;
    if (!answer.ok) { pre.textContent = answer.json.error || `Ошибка ${answer.status}`; return; }
    const line = (text, className) => { const span = document.createElement('span'); span.textContent = `${text}\n`; if (className) span.className = className; pre.appendChild(span); };
    line(`Версия ${from} → ${to}`);
    for (const f of answer.json.files) {
      line(f.change === 'added' ? `+++ ${f.name} (новый файл)` : f.change === 'removed' ? `--- ${f.name} (файл удалён)` : `*** ${f.name}`);
      for (const l of f.lines) line(`${String(l.position ?? '').padStart(5)} ${l.kind === 'added' ? '+' : l.kind === 'removed' ? '-' : ' '} ${l.text}`, l.kind);
    }
    pre.scrollIntoView();
  }

  async function loadRules() {
    const answer = await rulesCall('rules');
    if (!answer.ok) { status(answer.json.error || `Ошибка ${answer.status}`); return; }
    rules.inForce = answer.json;
    const a = rules.inForce.active;
    $('rules-in-force').textContent = a
      ? `Действует версия ${a.version}: активирована ${when(a.activatedAt)}, ${a.by} (${ORIGINS[a.byOrigin] || a.byOrigin}); причина: «${a.reason}».`
      : 'Ни одна версия правил ещё не активирована.';
    if (rules.inForce.table) drawTables(rules.inForce.table);
    drawExpert();
    await showVersions();
  }

  document.addEventListener('schoolrisk:loaded', (event) => {
    const shown = event.detail;
    const admin = shown.roles.includes('rulesAdmin');
    $('rules').hidden = !admin;
    if (!admin) return;
    const select = $('preview-period');
    select.replaceChildren(...shown.periods.map((p) => new Option(p, p, false, p === shown.period)));
    if (!rules.inForce) loadRules();
  });
  $('rule-file').addEventListener('change', showFile);
  $('rule-json').addEventListener('input', () => {
    const name = $('rule-file').value;
    const original = rules.inForce.files.find((f) => f.name === name)?.json;
    if ($('rule-json').value === original) rules.files.delete(name); else rules.files.set(name, $('rule-json').value);
  });
  $('diff-show').addEventListener('click', () => {
    if ($('diff-from').value && $('diff-to').value) showDiff($('diff-from').value, $('diff-to').value);
  });
  $('rules-check').addEventListener('click', checkRules);
  $('rules-preview').addEventListener('click', previewRules);
  $('rules-reset').addEventListener('click', () => { rules.edits.clear(); rules.files.clear(); showProblems([]); status('Правки отменены.'); drawTables(rules.inForce.table); showFile(); });
  $('activate-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const body = draft();
    if (!body.edits && !body.files) { status('Правок нет: активировать нечего.'); return; }
    activate('rules/activate', body);
  });
})();
