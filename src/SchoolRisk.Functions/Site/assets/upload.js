// The page's upload panel: a municipality's file goes straight to Blob storage with a link the UploadLink function
// gives (the function never carries the file); the panel follows the upload to its end (MunicipalityUploads, every
// second) and shows its outcome (UploadOutcome): what was read, the rows skipped with row, column, value and reason, the
// columns not recognised with the indicator each may have meant, the schools by zone with why, the report as CSV, and
// for a refused file what to do next. The period's uploads are listed, each row opening its outcome (click, Enter or
// Space). The ready-to-fill template (UploadTemplate) downloads as CSV or Excel with the key in its header.
// A classic deferred script loaded after app.js, whose globals it uses: $, api, request, cell, zoneBadge, ZONES, map, load.
// Everything a person reads is in Russian.
// Its names stay inside this function: the panels' scripts share the page's global scope with app.js.
(() => {
  'use strict';

  const FINAL_STATUSES = new Set(['completed', 'rejected', 'duplicate', 'superseded']);
  let shownOutcome = null;

  function uploadFolder() {
    return `${encodeURIComponent($('upload-municipality').value)}/${encodeURIComponent($('upload-period').value)}`;
  }

  function outcomeElement(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function outcomeTable(headers, rows, id) {
    const t = outcomeElement('table');
    if (id) t.id = id;
    const head = t.createTHead().insertRow();
    headers.forEach((h) => head.appendChild(outcomeElement('th', h)));
    const body = t.createTBody();
    rows.forEach((cells) => { const row = body.insertRow(); cells.forEach((c) => cell(row, c)); });
    return t;
  }

  function selectUploadRow(uploadId) {
    for (const row of $('uploads-table').tBodies[0].rows) {
      const selected = row.dataset.upload === uploadId;
      row.classList.toggle('selected', selected);
      if (selected) row.setAttribute('aria-current', 'true'); else row.removeAttribute('aria-current');
    }
  }

  async function showUploads(blobName) {
    const uploads = await api(`uploads/${uploadFolder()}`);
    const body = $('uploads-table').tBodies[0];
    body.replaceChildren();
    for (const u of uploads) {
      const row = body.insertRow();
      row.className = 'clickable';
      row.dataset.upload = u.uploadId;
      row.tabIndex = 0;
      row.title = 'Открыть итог загрузки';
      cell(row, u.fileName);
      const status = cell(row, u.statusTitle + (u.error ? `: ${u.error}` : ''));
      status.className = `status-${u.status}`;
      [u.dataRows, u.evaluated, u.skippedRows, u.highCount, u.mediumCount].forEach((n) => cell(row, String(n)));
      const report = document.createElement('a');
      if (u.reportUrl) { report.href = u.reportUrl; report.textContent = `замечаний: ${u.problemCount} (CSV)`; }
      cell(row, u.reportUrl ? report : '—');
      const open = () => showOutcome(u.uploadId).catch((error) => { $('upload-status').textContent = error.message; });
      row.addEventListener('click', (event) => { if (!(event.target instanceof HTMLAnchorElement)) open(); });
      row.addEventListener('keydown', (event) => {
        if (event.target === row && (event.key === 'Enter' || event.key === ' ')) { event.preventDefault(); open(); }
      });
    }
    if (blobName) {
      const found = uploads.find((u) => u.blobName === blobName);
      if (found) selectUploadRow(found.uploadId);
      return found;
    }
    if (shownOutcome) selectUploadRow(shownOutcome);
    return undefined;
  }

  function drawOutcome(outcome) {
    const box = $('upload-outcome');
    const u = outcome.upload;
    const parts = [outcomeElement('h3', `Итог загрузки «${u.fileName}»: ${u.statusTitle}`), outcomeElement('p', outcome.summary, `outcome-summary status-${u.status}`)];
    if (outcome.rejectionReason) {
      parts.push(outcomeElement('h4', 'Причина'), outcomeElement('p', outcome.rejectionReason, 'outcome-reason'));
    }
    if (outcome.nextSteps.length) {
      const steps = outcomeElement('ol', undefined, 'outcome-steps');
      outcome.nextSteps.forEach((s) => steps.appendChild(outcomeElement('li', s)));
      parts.push(outcomeElement('h4', 'Что сделать'), steps);
    }
    if (u.reportUrl) {
      const link = outcomeElement('a', 'Скачать отчёт о проверке (CSV для Excel)');
      link.href = u.reportUrl;
      link.id = 'outcome-report';
      const paragraph = outcomeElement('p');
      paragraph.appendChild(link);
      parts.push(paragraph);
    }
    if (outcome.problems.length) {
      parts.push(outcomeElement('h4', `Пропущенные строки и замечания: ${outcome.problemCount}`),
        outcomeTable(['Строка', 'Столбец', 'Значение', 'Причина'],
          outcome.problems.map((p) => [String(p.row), p.column ?? '—', p.value ?? '—', p.reason]), 'outcome-problems'));
      if (outcome.problemCount > outcome.problems.length) {
        parts.push(outcomeElement('p', `Ещё ${outcome.problemCount - outcome.problems.length} замечаний — в отчёте о проверке.`));
      }
    }
    if (outcome.unrecognisedColumns.length) {
      parts.push(outcomeElement('h4', 'Столбцы, которые не распознаны и не прочитаны'),
        outcomeTable(['Столбец в файле', 'Возможно, это показатель', 'Что сделать'],
          outcome.unrecognisedColumns.map((c) => [c.header, c.suggestedTitle ? `${c.suggestedTitle} (${c.suggestedIndicator})` : 'похожего показателя нет', c.message]),
          'outcome-columns'));
    }
    if (outcome.leftOut.length) {
      const list = outcomeElement('ul', undefined, 'outcome-left-out');
      outcome.leftOut.forEach((n) => list.appendChild(outcomeElement('li', n.message)));
      parts.push(outcomeElement('h4', 'Строки, которые не являются школами (не учтены)'), list);
    }
    if (outcome.zones.length) {
      parts.push(outcomeElement('h4', 'Школы по зонам риска'));
      for (const zone of outcome.zones) {
        const group = outcomeElement('details');
        group.className = `outcome-zone outcome-zone-${zone.zone}`;
        group.dataset.zone = zone.zone;
        group.open = zone.zone !== 'none' && zone.schools.length > 0;
        const summary = outcomeElement('summary');
        summary.append(zoneBadge(zone.zone), ` школ: ${zone.schools.length}`);
        group.appendChild(summary);
        if (zone.schools.length) {
          group.appendChild(outcomeTable(['Школа', 'Почему в зоне риска', 'Показатели в зоне риска'], zone.schools.map((s) => [
            `${s.schoolId} ${s.schoolName}`,
            s.zoneReasons.join('; ') || '—',
            s.riskIndicators.map((i) => `${i.title}: ${i.value == null ? 'нет данных' : i.value.toLocaleString('ru-RU')} (${ZONES[i.zone]})`).join('; ') || '—',
          ])));
        }
        parts.push(group);
      }
    }
    box.replaceChildren(...parts);
    box.hidden = false;
  }

  async function showOutcome(uploadId) {
    const outcome = await api(`uploads/${uploadFolder()}/${encodeURIComponent(uploadId)}`);
    shownOutcome = uploadId;
    selectUploadRow(uploadId);
    drawOutcome(outcome);
    return outcome;
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
    try {
      const link = await (await request(`uploads/${uploadFolder()}/link`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ fileName: file.name, kind: $('upload-kind').value }),
      })).json();
      if (file.size > link.maxBytes) throw new Error(`Файл больше ${Math.round(link.maxBytes / 1048576)} МБ и не будет принят.`);
      progress.hidden = false;
      $('upload-outcome').hidden = true;
      status.textContent = `Файл «${file.name}» передаётся…`;
      await put(link.url, file);
      status.textContent = `Файл «${file.name}» загружен, идёт проверка…`;
      const deadline = Date.now() + 180000;
      for (;;) {
        const found = await showUploads(link.blobName);
        if (found && FINAL_STATUSES.has(found.status)) {
          const outcome = await showOutcome(found.uploadId);
          status.textContent = outcome.summary;
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

  async function downloadTemplate(format) {
    const status = $('upload-status');
    try {
      const blob = await (await request(`templates/${uploadFolder()}?format=${format}`)).blob();
      const name = $('upload-municipality').selectedOptions[0]?.textContent || $('upload-municipality').value;
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = `Шаблон загрузки — ${name}, ${$('upload-period').value}.${format}`;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
      status.textContent = `Шаблон (${format === 'xlsx' ? 'Excel' : 'CSV'}) со школами муниципалитета скачан: заполните его и загрузите.`;
    } catch (error) {
      status.textContent = error.message;
    }
  }

  document.addEventListener('schoolrisk:loaded', (event) => {
    const loaded = event.detail;
    $('upload').hidden = !loaded.roles.some((r) => r === 'committee' || r === 'municipality');
    const municipality = $('upload-municipality');
    // Every municipality of the registry the key may upload for (a municipality's key: its own), named, data or not.
    if (!municipality.options.length) {
      const own = loaded.registered.find((m) => m.id === loaded.caller);
      municipality.replaceChildren(...(loaded.caller ? [new Option(own ? own.name : loaded.caller, loaded.caller)] : loaded.registered.map((m) => new Option(m.name, m.id))));
      $('upload-period').value = loaded.period;
      showUploads().catch(() => {});
    }
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
  ['upload-municipality', 'upload-period'].forEach((id) => $(id).addEventListener('change', () => {
    shownOutcome = null;
    $('upload-outcome').hidden = true;
    showUploads().catch(() => {});
  }));
  $('template-csv').addEventListener('click', () => downloadTemplate('csv'));
  $('template-xlsx').addEventListener('click', () => downloadTemplate('xlsx'));
})();
