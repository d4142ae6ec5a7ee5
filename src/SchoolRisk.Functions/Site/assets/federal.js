// The committee's panel «Федеральный перечень ШНОР»: the period's federal list of low-result schools beside the
// regional group (the Federal function, GET federal/{period}): how many are in each and the two lists of where they
// disagree. A classic script loaded after app.js: it uses app.js's $, api and cell, and draws itself each time app.js
// has loaded a period's map (the 'schoolrisk:loaded' event, whose detail is the map with the caller's roles). The file
// itself arrives through the CLI (schoolrisk federal put) or the registry container (docs/federal-list.md).
// Everything a person reads is in Russian.
// Its names stay inside this function: the panels' scripts share the page's global scope with app.js.
(() => {
  'use strict';

  function drawList(table, schools) {
    const body = table.tBodies[0];
    body.replaceChildren();
    for (const s of schools) {
      const row = body.insertRow();
      cell(row, s.municipalityName);
      cell(row, s.schoolId);
      cell(row, s.schoolName);
    }
    if (!schools.length) cell(body.insertRow(), 'нет').colSpan = 3;
  }

  async function showFederal(period) {
    const summary = $('federal-summary');
    const lists = $('federal-lists');
    $('federal-period').textContent = period;
    let view;
    try {
      view = await api(`federal/${period}`);
    } catch (error) {
      summary.textContent = error.message;
      lists.hidden = true;
      return;
    }
    summary.textContent = `Файл «${view.fileName}» от ${new Date(view.savedAt).toLocaleString('ru-RU')}. ` +
      `В федеральном перечне — ${view.federalCount}, в региональной группе ШНОР — ${view.regionalCount}, в обоих — ${view.both.length}.`;
    $('federal-only-count').textContent = String(view.federalOnly.length);
    $('regional-only-count').textContent = String(view.regionalOnly.length);
    drawList($('federal-only-table'), view.federalOnly);
    drawList($('regional-only-table'), view.regionalOnly);
    lists.hidden = false;
  }

  document.addEventListener('schoolrisk:loaded', (event) => {
    const loaded = event.detail;
    const panel = $('federal');
    panel.hidden = !(loaded.roles || []).includes('committee') || !loaded.period;
    if (!panel.hidden) showFederal(loaded.period);
  });
})();
