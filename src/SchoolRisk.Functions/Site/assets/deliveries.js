// The committee's deliveries panel: a period's notices and letters with their status, the failed ones with their
// reason, what waits in the poison queues, and replay (the Deliveries and DeliveryReplay functions, committee key
// only). A classic script loaded after app.js: it uses app.js's $, api, request and cell, and draws itself each
// time app.js has loaded a period's map (the 'schoolrisk:loaded' event, whose detail is the map with the caller's roles).
// Everything a person reads is in Russian.
// Its names stay inside this function: the panels' scripts share the page's global scope with app.js.
(() => {
  'use strict';

  let deliveriesPeriod = null;
  let deliveriesFollow = 0;

  function when(time) {
    return time ? new Date(time).toLocaleString('ru-RU') : '—';
  }

  /** The recipient as people call it: «комитет», or the municipality's name (its id when the map does not know it). */
  function recipientName(id) {
    return id === 'committee' ? 'комитет' : ((map.municipalities.find((m) => m.id === id) || {}).name || id);
  }

  function deliveryLines(deliveries) {
    const list = document.createElement('ul');
    list.className = 'delivery-list';
    for (const d of deliveries) {
      const item = document.createElement('li');
      item.className = `delivery-${d.status}`;
      const kind = d.kind === 'alert' ? 'оповещение комитету, ' : d.kind === 'digest' ? 'сводка, ' : '';
      item.textContent = `${d.channelTitle} (${kind}${recipientName(d.recipientId)}) ${d.address}: ${d.statusTitle}, попыток ${d.attempts}` + (d.reason ? ` — ${d.reason}` : '');
      list.appendChild(item);
    }
    return list;
  }

  function drawPoison(queues) {
    const box = $('poison-list');
    box.replaceChildren();
    if (!queues.length) {
      const none = document.createElement('p');
      none.textContent = 'В очередях недоставленных сообщений ничего нет.';
      box.appendChild(none);
      return;
    }
    for (const q of queues) {
      const block = document.createElement('div');
      block.className = 'poison-queue';
      block.dataset.queue = q.queue;
      const title = document.createElement('h4');
      title.textContent = `${q.poisonQueue}: сообщений ${q.count}`;
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'replay-queue';
      button.dataset.queue = q.queue;
      button.textContent = `Вернуть в очередь ${q.queue}`;
      button.addEventListener('click', () => replay({ queue: q.queue }));
      title.append(' ', button);
      const table = document.createElement('table');
      table.createTHead().insertRow().append(...['Перенесено', 'Что это', 'Причина'].map((text) => {
        const th = document.createElement('th');
        th.textContent = text;
        return th;
      }));
      const body = table.createTBody();
      for (const m of q.messages) {
        const row = body.insertRow();
        row.dataset.message = m.messageId;
        cell(row, when(m.poisonedAt));
        cell(row, m.what);
        cell(row, m.reason).className = 'reason';
      }
      block.append(title, table);
      box.appendChild(block);
    }
  }

  function drawNotices(view) {
    const body = $('deliveries-table').tBodies[0];
    body.replaceChildren();
    for (const n of view.notices) {
      const row = body.insertRow();
      row.dataset.notice = n.noticeId;
      row.dataset.recipient = n.recipientId;
      cell(row, recipientName(n.recipientId));
      cell(row, `${n.kindTitle}, ${when(n.statusAt || n.recordedAt)}`);
      const status = cell(row, n.statusTitle + (n.reason ? `: ${n.reason}` : ''));
      status.className = `notice-${n.status.toLowerCase()}`;
      cell(row, n.deliveries.length ? deliveryLines(n.deliveries) : '—');
    }
    if (!view.notices.length) {
      const row = body.insertRow();
      cell(row, `Уведомлений за ${view.period} нет.`).colSpan = 4;
    }
  }

  async function showDeliveries() {
    const view = await api(`deliveries/${deliveriesPeriod}`);
    $('deliveries-period').textContent = view.period;
    $('deliveries-summary').textContent = `Уведомлений: ${view.notices.length}; не доставлено и ждут исправления причины: ${view.failedCount}; отправка повторяется: ${view.retryingCount}; `
      + `в очередях недоставленных: ${view.poison.reduce((sum, q) => sum + q.count, 0)}.`;
    $('replay-failed').disabled = view.failedCount === 0;
    drawPoison(view.poison);
    drawNotices(view);
    return view;
  }

  // After a replay the page follows what was sent again for up to two minutes, until nothing is retrying or waiting.
  async function follow() {
    const ticket = ++deliveriesFollow;
    const deadline = Date.now() + 120000;
    while (ticket === deliveriesFollow && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 2000));
      if (ticket !== deliveriesFollow) return;
      const view = await showDeliveries();
      const pending = view.notices.some((n) => n.status === 'Recorded' || n.status === 'Retrying') || view.poison.length > 0;
      if (!pending) return;
    }
  }

  async function replay(what) {
    const status = $('deliveries-status');
    try {
      const answer = await (await request('deliveries/replay', {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(what),
      })).json();
      status.textContent = answer.message;
      await showDeliveries();
      if (answer.replayed > 0) follow().catch((error) => { status.textContent = error.message; });
    } catch (error) {
      status.textContent = error.message;
    }
  }

  document.addEventListener('schoolrisk:loaded', (event) => {
    const loaded = event.detail;
    const panel = $('deliveries');
    panel.hidden = !(loaded.roles || []).includes('committee') || !loaded.period;
    if (panel.hidden) return;
    deliveriesPeriod = loaded.period;
    deliveriesFollow++;
    showDeliveries().catch((error) => { $('deliveries-status').textContent = error.message; });
  });
  $('deliveries-refresh').addEventListener('click', () => showDeliveries().catch((error) => { $('deliveries-status').textContent = error.message; }));
  $('replay-failed').addEventListener('click', () => replay({ failed: true, period: deliveriesPeriod }));
})();
