// The committee's support panel «Поддержка школ»: proposed mentor pairs to confirm or change, the period's decisions
// with a form to record any kind of support and a button to withdraw one, the audit trail, and the schools that meet
// the subsidy's criteria with their Excel file (the Support, SupportRecord, SupportWithdraw, SupportAudit and
// SupportSubsidy functions). A classic script loaded after app.js: it uses app.js's $, api, request, cell and KEY, and
// draws itself each time app.js has loaded a period's map (the 'schoolrisk:loaded' event). The committee records; any
// other key sees what it may (a municipality its own schools' decisions and subsidy rows) without the controls to write.
// Every answer shows in one place (#support-answer), which is scrolled into view, and the panel's buttons are disabled
// while a request is on its way, so that a second click never lands on the row that slid under the mouse.
// Everything a person reads is in Russian.
// Its names stay inside this function: the panels' scripts share the page's global scope with app.js.
(() => {
  'use strict';

  let supportPeriod = null;
  let supportView = null;

  function when(time) {
    return time ? new Date(time).toLocaleString('ru-RU') : '—';
  }

  function roubles(amount) {
    return amount == null ? '' : `${amount.toLocaleString('ru-RU', { minimumFractionDigits: 2 })} ₽`;
  }

  function button(text, action) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.addEventListener('click', action);
    return b;
  }

  // The mentors a mentee may have: candidates of its programme level, the proposed one first.
  function mentorSelect(level, proposed, label) {
    const select = document.createElement('select');
    select.className = 'mentor-choice';
    select.setAttribute('aria-label', label);
    const candidates = supportView.mentors.filter((m) => m.level === level);
    for (const m of candidates) {
      select.add(new Option(`${m.name} (${m.schoolId}), подопечных: ${m.mentees}`, m.schoolId, false, m.schoolId === proposed));
    }
    if (!candidates.length) select.add(new Option('нет подходящих наставников', ''));
    return select;
  }

  // Shows an answer (a message and the problems, if any) where the user looks: in #support-answer, scrolled into view.
  function answer(message, problems = []) {
    $('support-status').textContent = message;
    $('support-problems').replaceChildren(...problems.map((problem) => {
      const item = document.createElement('li');
      item.textContent = problem;
      return item;
    }));
    $('support-answer').scrollIntoView({ block: 'center' });
  }

  // Roubles as people type them: «250 000», «250 000,50», «250000.5 ₽», «300 тыс.» is not; NaN for anything else.
  function parseRoubles(text) {
    const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(/(₽|руб\.?|р\.?)$/i, '').replace(',', '.');
    return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : NaN;
  }

  // Sends a decision or a withdrawal; shows the message, or every problem of a refused decision. The name is required
  // here (the audit says who); the panel's buttons wait for the answer.
  async function send(path, body) {
    const by = $('support-by').value.trim();
    if (!by) {
      answer('Укажите ваше имя: оно записывается в журнал изменений вместе с решением.');
      $('support-by').focus();
      return false;
    }
    const buttons = [...$('support').querySelectorAll('button')].filter((b) => !b.disabled);
    buttons.forEach((b) => { b.disabled = true; });
    try {
      const response = await fetch(`../${path}`, {
        method: 'POST',
        headers: { 'x-functions-key': localStorage.getItem(KEY) || '', 'content-type': 'application/json' },
        body: JSON.stringify({ ...body, by }),
      });
      const result = await response.json().catch(() => ({}));
      if (response.ok) await showSupport();
      answer(response.ok ? result.message : (result.error || `Ошибка ${response.status}`), result.problems || []);
      return response.ok;
    } finally {
      buttons.forEach((b) => { if (b.isConnected) b.disabled = false; });
    }
  }

  function drawProposals() {
    const body = $('support-proposals').tBodies[0];
    body.replaceChildren();
    for (const p of supportView.proposals) {
      const row = body.insertRow();
      row.dataset.mentee = p.menteeId;
      cell(row, `${p.menteeName} (${p.menteeId}), ${p.level}` + (p.resultsIndex == null ? '' : `, индекс ${p.resultsIndex.toLocaleString('ru-RU')}`));
      const select = mentorSelect(p.level, p.mentorId, `Наставник для ${p.menteeName}`);
      const mentor = cell(row, select);
      if (p.mentorId) {
        const why = document.createElement('span');
        why.className = 'hint';
        why.textContent = ` ${p.proximityTitle}; ${p.mentorReason}`;
        mentor.appendChild(why);
      } else {
        const none = document.createElement('p');
        none.className = 'problems';
        none.textContent = `Наставник не найден: ${p.notFound}`;
        mentor.appendChild(none);
      }
      const confirm = button('Подтвердить', () => send(`support/${supportPeriod}`, {
        school: p.menteeId, kind: 'mentoring', mentor: select.value, comment: 'Пара подтверждена по предложению',
      }).catch(report));
      confirm.className = 'confirm-pair';
      confirm.disabled = !select.value;
      cell(row, confirm);
    }
    if (!supportView.proposals.length) cell(body.insertRow(), 'Все школы с низкими результатами уже получили наставников.').colSpan = 3;
  }

  function drawDecisions() {
    const body = $('support-decisions').tBodies[0];
    body.replaceChildren();
    for (const d of supportView.decisions) {
      const row = body.insertRow();
      row.dataset.school = d.schoolId;
      row.dataset.kind = d.kind;
      cell(row, `${d.schoolName} (${d.schoolId})`);
      cell(row, d.kindTitle + (d.amount == null ? '' : `: ${roubles(d.amount)}`) + (d.mentorId ? `, наставник ${d.mentorName || ''} (${d.mentorId})` : ''));
      cell(row, d.comment);
      cell(row, `${d.decidedBy}, ${when(d.decidedAt)}`);
      if (supportView.canRecord) {
        const withdraw = button('Отозвать', () => {
          if (window.confirm(`Отозвать решение «${d.kindTitle}» для школы «${d.schoolName}» (${d.schoolId})?`)) {
            send(`support/${supportPeriod}/withdraw`, { school: d.schoolId, kind: d.kind }).catch(report);
          }
        });
        withdraw.className = 'withdraw';
        cell(row, withdraw);
      } else {
        cell(row, '');
      }
    }
    if (!supportView.decisions.length) cell(body.insertRow(), `Решений за ${supportView.period} нет.`).colSpan = 5;
  }

  function drawSubsidy() {
    const body = $('support-subsidy').tBodies[0];
    body.replaceChildren();
    for (const s of supportView.subsidy) {
      const row = body.insertRow();
      row.dataset.school = s.schoolId;
      [s.municipalityName, `${s.schoolName} (${s.schoolId})`, s.level, s.classification, s.reason, s.decided.join(', ') || '—'].forEach((text) => cell(row, text));
    }
    if (!supportView.subsidy.length) cell(body.insertRow(), 'Школ, отвечающих критериям субсидии, нет.').colSpan = 6;
  }

  async function drawAudit() {
    const audit = await api(`support/${supportPeriod}/audit`);
    const list = $('support-audit');
    list.replaceChildren();
    for (const e of audit.entries.slice().reverse()) {
      const item = document.createElement('li');
      const after = e.after || e.before;
      const was = e.before && e.after ? e.before : null;
      const changed = (field, text) => (was && was[field] !== e.after[field] ? `${text(was)} → ` : '');
      item.textContent = `${when(e.at)}: ${e.actionTitle} — ${e.kindTitle}, школа «${after.schoolName}» (${e.schoolId})`
        + (after.amount != null ? `, ${changed('amount', (d) => roubles(d.amount))}${roubles(after.amount)}` : '')
        + (after.mentorId ? `, наставник ${changed('mentorId', (d) => `${d.mentorName || ''} (${d.mentorId})`)}${after.mentorName || ''} (${after.mentorId})` : '')
        + (was && was.comment !== e.after.comment ? `, комментарий «${was.comment}» → «${e.after.comment}»` : '')
        + `; ${e.by}`;
      list.appendChild(item);
    }
    if (!audit.entries.length) list.textContent = 'Изменений не было.';
  }

  async function showSupport() {
    supportView = await api(`support/${supportPeriod}`);
    $('support-period').textContent = supportView.period;
    for (const id of ['support-writer', 'support-proposals-block', 'support-form']) $(id).hidden = !supportView.canRecord;
    $('support-readonly').hidden = supportView.canRecord;
    $('support-capacity').textContent = `Для каждой школы с низкими результатами (сначала самые слабые) — ближайший наставник той же ступени: свой муниципалитет, затем образовательный округ, затем регион; не больше ${supportView.maxMenteesPerMentor} подопечных у наставника. Можно выбрать другого наставника и подтвердить.`;
    const kind = $('support-kind');
    if (!kind.options.length) supportView.kinds.forEach((k) => kind.add(new Option(k.title, k.key)));
    $('support-schools').replaceChildren(...[...new Map([...supportView.proposals.map((p) => [p.menteeId, p.menteeName]),
      ...supportView.subsidy.map((s) => [s.schoolId, s.schoolName]), ...supportView.mentors.map((m) => [m.schoolId, m.name])])]
      .map(([id, name]) => new Option(name, id)));
    drawProposals();
    drawDecisions();
    drawSubsidy();
    await drawAudit();
  }

  function showKindFields() {
    const kind = $('support-kind').value;
    $('support-amount-field').hidden = kind !== 'subsidy';
    $('support-mentor-field').hidden = kind !== 'mentoring';
  }

  function report(error) {
    answer(error.message);
  }

  document.addEventListener('schoolrisk:loaded', (event) => {
    const loaded = event.detail;
    const panel = $('support');
    panel.hidden = !loaded.period;
    if (panel.hidden) return;
    supportPeriod = loaded.period;
    showSupport().then(showKindFields).catch(report);
  });
  $('support-kind').addEventListener('change', showKindFields);
  $('support-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const kind = $('support-kind').value;
    const amountText = $('support-amount').value.trim();
    const amount = parseRoubles(amountText);
    if (kind === 'subsidy' && amountText && Number.isNaN(amount)) {
      answer(`Сумма «${amountText}» не похожа на число рублей: напишите, например, 250 000 или 250 000,50.`);
      $('support-amount').focus();
      return;
    }
    send(`support/${supportPeriod}`, {
      school: $('support-school').value.trim(),
      kind,
      amount: kind === 'subsidy' && amountText ? amount : null,
      mentor: kind === 'mentoring' ? $('support-mentor').value.trim() || null : null,
      comment: $('support-comment').value.trim(),
    }).then((done) => { if (done) $('support-form').reset(); showKindFields(); }).catch(report);
  });
  $('support-xlsx').addEventListener('click', async (event) => {
    event.preventDefault();
    try {
      const blob = await (await request(`support/${supportPeriod}/subsidy.xlsx`)).blob();
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = `subsidy-${supportPeriod}.xlsx`;
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (error) {
      report(error);
    }
  });
})();
