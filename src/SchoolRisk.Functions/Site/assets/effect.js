// The panel «Эффект поддержки»: for the support decided in the period shown and the two before it (the SupportEffect
// function, GET support/{period}/effect), what became of the supported schools one and two periods later beside
// comparable schools without support: a chart of the share whose results are no longer low, and a table with every count,
// the change of the results index and, per row, of each indicator. The committee sees the region's supported schools, a
// municipality its own (the comparison is the region's either way). The comparison's shares and means come standardised
// to the supported schools' strata, and a comparison of too few schools comes withheld (docs/management-cycle.md).
// A classic script loaded after app.js: it uses app.js's $, api and cell, and draws itself on the 'schoolrisk:loaded' event.
// Everything a person reads is in Russian.
// Its names stay inside this function: the panels' scripts share the page's global scope with app.js.
(() => {
  'use strict';

  let chart = null;
  let latest = 0;
  const NOTHING_DECIDED = 'Решений о поддержке за эти периоды нет.';
  const NO_COMPARISON = 'сопоставимых нет: в регионе нет школ без поддержки той же классификации и уровня';

  function shifted(period, years) {
    const start = Number(period.slice(0, 4)) + years;
    return `${start}-${start + 1}`;
  }

  // A share as the percentage first, then the counts it comes from: «50 % (1 из 2)»; a comparison's percentage is
  // standardised, so it need not be the counts' ratio.
  // A group with ШНОР none of which has data of the later period says so, not «none» (its count in brackets says there were).
  function share(value, count, of, inGroup) {
    if (!inGroup) return 'ШНОР не было';
    if (!of) return 'у ШНОР нет данных этого периода';
    return value == null ? '—' : `${Math.round(value * 100)} % (${count} из ${of})`;
  }

  // A change with its sign as shown, to `digits` decimals: one that shows as zero has none («0,0»).
  function signed(value, digits) {
    if (value == null) return '—';
    const shown = Number(value.toFixed(digits));
    const text = Math.abs(shown).toLocaleString('ru-RU', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    return shown > 0 ? `+${text}` : shown < 0 ? `−${text}` : text;
  }

  function after(later) {
    return `${later.periodsLater} ${later.periodsLater === 1 ? 'год' : 'года'} (${later.period})`;
  }

  // One table line of a group at a later period: counts, shares and the results index's change, or why there are none.
  function line(body, view, kind, when, title, group, later) {
    const row = body.insertRow();
    [kind, when, title, `${group.schools} (${group.inGroup})`].forEach((text) => cell(row, text));
    if (!group.schools) {
      cell(row, NO_COMPARISON).colSpan = 4;
    } else if (!later) {
      cell(row, 'данных следующего периода ещё нет').colSpan = 4;
    } else if (later.withheld) {
      cell(row, String(later.observed));
      cell(row, `меньше ${view.minimumComparison} школ — не показываем: мало для вывода, и это были бы данные отдельных школ`).colSpan = 3;
    } else {
      [String(later.observed), share(later.leftShare, later.left, later.inGroupObserved, group.inGroup),
        share(later.noLongerLowShare, later.left + later.leaving, later.inGroupObserved, group.inGroup),
        later.meanResultsIndexChange == null ? '—' : `${signed(later.meanResultsIndexChange, 2)} (${later.resultsIndexCompared} шк.)`]
        .forEach((text) => cell(row, text));
    }
    return row;
  }

  // The indicators' mean changes of one row at one later period: supported and comparison side by side, coloured better
  // or worse where the indicator has a better direction (a context indicator has none) and the change shows as non-zero.
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
      const theirs = comparison && !comparison.withheld ? comparison.indicators[i] : null;
      if (!mine.compared && !(theirs && theirs.compared)) return;
      const row = body.insertRow();
      cell(row, indicator.title);
      for (const change of [mine, theirs]) {
        const text = change && change.compared ? `${signed(change.meanChange, 1)}${indicator.changeUnit ? ` ${indicator.changeUnit}` : ''} (${change.compared} шк.)` : '—';
        const td = cell(row, text);
        if (change && change.compared && indicator.worseWhen && Number(change.meanChange.toFixed(1)) !== 0) {
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
          line(body, view, kind, '—', 'получили', row.supported, null).lastElementChild.colSpan = 5;
          continue;
        }
        row.supported.later.forEach((later, i) => {
          const theirs = row.comparison.later[i] || null;
          const mine = line(body, view, kind, after(later), 'получили', row.supported, later);
          line(body, view, kind, after(later), 'без поддержки', row.comparison, theirs);
          cell(mine, indicators(view, later, theirs)).rowSpan = 2;
          if (later.inGroupObserved) {
            const compared = theirs && !theirs.withheld && theirs.noLongerLowShare != null;
            labels.push([row.kindTitle, `${view.period} → ${later.period}`, compared ? '' : '(сравнения нет)']);
            supportedShares.push(Math.round(later.noLongerLowShare * 100));
            comparisonShares.push(compared ? Math.round(theirs.noLongerLowShare * 100) : null);
          }
        });
      }
    }
    const empty = !body.rows.length;
    $('effect-empty').textContent = NOTHING_DECIDED;
    $('effect-empty').hidden = !empty;
    $('effect-table').hidden = empty;
    $('effect-chart-box').hidden = !labels.length;
    $('effect-chart-box').style.height = `${Math.max(240, 90 + labels.length * 80)}px`;
    if (chart) chart.destroy();
    // A share of 0 % keeps a sliver of a bar (minBarLength), so that it does not look like a missing comparison.
    chart = labels.length ? new Chart($('effect-chart'), {
      type: 'bar',
      data: {
        labels,
        datasets: [
          { label: 'получили поддержку', data: supportedShares, backgroundColor: '#337ab7', minBarLength: 3 },
          { label: 'сопоставимые без поддержки', data: comparisonShares, backgroundColor: '#999', minBarLength: 3 },
        ],
      },
      // Bars lie horizontally, each group's label on the left in its own lines: several kinds and periods side by side
      // would overlap under the bars.
      options: {
        indexAxis: 'y',
        animation: false,
        maintainAspectRatio: false,
        plugins: { title: { display: true, text: 'Доля бывших ШНОР, чьи результаты уже не низкие' } },
        scales: {
          x: { min: 0, max: 100, ticks: { callback: (value) => `${value} %` } },
          y: { ticks: { autoSkip: false } },
        },
      },
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
      .then((views) => {
        if (asked !== latest) return;
        $('effect-whose').textContent = views.length && !views[0].region ? 'вашего муниципалитета' : 'региона';
        draw(views);
      })
      .catch((error) => {
        if (asked !== latest) return;
        draw([]);
        $('effect-empty').textContent = `Эффект поддержки не загрузился: ${error.message}`;
      });
  });
})();
