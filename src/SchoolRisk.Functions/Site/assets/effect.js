// The panel «Эффект поддержки»: for the support decided in the period shown and the two before it (the SupportEffect
// function, GET support/{period}/effect), what became of the supported schools one and two periods later beside
// comparable schools without support: a chart of the share whose results are no longer low, and a table with every count,
// the change of the results index and, per row, of each indicator. The committee sees the region's supported schools, a
// municipality its own (the comparison is the region's either way). A classic script loaded after app.js: it uses
// app.js's $, api and cell, and draws itself on the 'schoolrisk:loaded' event.
// Everything a person reads is in Russian.
// Its names stay inside this function: the panels' scripts share the page's global scope with app.js.
(() => {
  'use strict';

  let chart = null;
  let latest = 0;
  const NOTHING_DECIDED = 'Решений о поддержке за эти периоды нет.';

  function shifted(period, years) {
    const start = Number(period.slice(0, 4)) + years;
    return `${start}-${start + 1}`;
  }

  function share(count, of) {
    return of ? `${count} из ${of} (${Math.round((count / of) * 100)} %)` : '—';
  }

  function signed(value, digits) {
    if (value == null) return '—';
    const text = Math.abs(value).toLocaleString('ru-RU', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
  }

  function after(later) {
    return `${later.periodsLater} ${later.periodsLater === 1 ? 'год' : 'года'} (${later.period})`;
  }

  // One table line of a group at a later period: counts, shares and the results index's change.
  function line(body, kind, when, title, group, later) {
    const row = body.insertRow();
    [kind, when, title, `${group.schools} (${group.inGroup})`].forEach((text) => cell(row, text));
    if (!later) {
      cell(row, group.schools ? 'данных нет' : 'сопоставимых нет').colSpan = 4;
      return;
    }
    [String(later.observed), share(later.left, later.inGroupObserved), share(later.left + later.leaving, later.inGroupObserved),
      later.meanResultsIndexChange == null ? '—' : `${signed(later.meanResultsIndexChange, 2)} (${later.resultsIndexCompared} шк.)`]
      .forEach((text) => cell(row, text));
  }

  // The indicators' mean changes of one row at one later period: supported and comparison side by side, better or worse.
  function indicators(view, supported, comparison) {
    const details = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = 'показатели';
    details.appendChild(summary);
    const table = document.createElement('table');
    table.className = 'effect-indicators';
    const head = table.createTHead().insertRow();
    ['Показатель', 'Получили', 'Без поддержки'].forEach((text) => { const th = document.createElement('th'); th.textContent = text; head.appendChild(th); });
    const body = table.createTBody();
    view.indicators.forEach((indicator, i) => {
      const mine = supported.indicators[i];
      const theirs = comparison ? comparison.indicators[i] : null;
      if (!mine.compared && !(theirs && theirs.compared)) return;
      const row = body.insertRow();
      cell(row, `${indicator.title}, ${indicator.unit}`);
      for (const change of [mine, theirs]) {
        const td = cell(row, change && change.compared ? `${signed(change.meanChange, 1)} (${change.compared} шк.)` : '—');
        if (change && change.meanChange) {
          const better = indicator.worseWhen === 'higher' ? change.meanChange < 0 : change.meanChange > 0;
          td.className = better ? 'better' : 'worse';
        }
      }
    });
    if (!body.rows.length) cell(body.insertRow(), 'Значений в обоих периодах нет.').colSpan = 3;
    details.appendChild(table);
    return details;
  }

  function draw(views) {
    const body = $('effect-table').tBodies[0];
    body.replaceChildren();
    const labels = [];
    const supportedShares = [];
    const comparisonShares = [];
    for (const view of views) {
      for (const row of view.rows) {
        const kind = `${row.kindTitle}, ${view.period}`;
        if (!row.supported.later.length) {
          line(body, kind, 'данных следующего периода ещё нет', 'получили', row.supported, null);
          body.rows[body.rows.length - 1].lastElementChild.colSpan = 5;
          continue;
        }
        row.supported.later.forEach((later, i) => {
          const theirs = row.comparison.later[i] || null;
          line(body, kind, after(later), 'получили', row.supported, later);
          line(body, kind, after(later), 'без поддержки', row.comparison, row.comparison.schools ? theirs : null);
          cell(body.rows[body.rows.length - 2], indicators(view, later, theirs)).rowSpan = 2;
          if (later.inGroupObserved) {
            labels.push(`${row.kindTitle} (${view.period}), через ${after(later)}`);
            supportedShares.push(Math.round(later.noLongerLowShare * 100));
            comparisonShares.push(theirs && theirs.inGroupObserved ? Math.round(theirs.noLongerLowShare * 100) : null);
          }
        });
      }
    }
    const empty = !body.rows.length;
    $('effect-empty').textContent = NOTHING_DECIDED;
    $('effect-empty').hidden = !empty;
    $('effect-table').hidden = empty;
    $('effect-chart-box').hidden = !labels.length;
    if (chart) chart.destroy();
    chart = labels.length ? new Chart($('effect-chart'), {
      type: 'bar',
      data: {
        labels,
        datasets: [
          { label: 'получили поддержку', data: supportedShares, backgroundColor: '#337ab7' },
          { label: 'сопоставимые без поддержки', data: comparisonShares, backgroundColor: '#999' },
        ],
      },
      options: { animation: false, maintainAspectRatio: false,
        scales: { y: { min: 0, max: 100, title: { display: true, text: '% ШНОР, чьи результаты уже не низкие' } } } },
    }) : null;
  }

  document.addEventListener('schoolrisk:loaded', (event) => {
    const loaded = event.detail;
    const panel = $('effect');
    panel.hidden = !loaded.period;
    if (panel.hidden) return;
    $('effect-period').textContent = loaded.period;
    // Only the answer to the latest period shown is drawn: an earlier, slower one is dropped, and a failure clears the panel.
    const asked = ++latest;
    const periods = [-2, -1, 0].map((years) => shifted(loaded.period, years)).filter((p) => loaded.periods.includes(p));
    Promise.all(periods.map((p) => api(`support/${p}/effect`)))
      .then((views) => { if (asked === latest) draw(views); })
      .catch((error) => {
        if (asked !== latest) return;
        draw([]);
        $('effect-empty').textContent = `Эффект поддержки не загрузился: ${error.message}`;
      });
  });
})();
