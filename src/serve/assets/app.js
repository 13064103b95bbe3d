// The page of `allot serve`. It computes nothing: every number, amount and
// message comes from the server (allot's own library), already formatted in
// the chosen language. The page keeps the scenario being edited as the text
// of its file (the "draft"), sends it with each edit, and lays out what comes
// back. Everything is built with textContent: no data ever becomes HTML.
'use strict';

(function () {
  const S = window.ALLOT_STRINGS;
  const state = {
    lang: 'en',
    describe: null, // the model and the scenarios to start from
    baseline: 'model',
    draft: null, // the YAML text of the scenario file being edited
    info: null, // what the server says about the draft
    view: null, // the last results
    saved: null, // the draft's text when last saved or started
    undo: [], // earlier drafts
    queue: [], // requests waiting for the one in flight
    busy: false,
    smaaTimer: null,
    smaaSeq: 0,
    lineRows: new Map(), // line id -> the cells to update in place
    lineKey: '', // the line ids the table was built for
    lines: null, // every line, as the last views gave them
  };

  const $ = (id) => document.getElementById(id);

  // A message in the current language with {name} filled in.
  function t(key, values) {
    let text = (S[state.lang] && S[state.lang][key]) || S.en[key] || key;
    for (const [name, value] of Object.entries(values || {})) {
      text = text.split('{' + name + '}').join(String(value));
    }
    return text;
  }

  // An element with properties and children (strings become text nodes).
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(props || {})) {
      if (name === 'class') node.className = value;
      else if (name === 'dataset') Object.assign(node.dataset, value);
      else if (name.startsWith('aria-') || name === 'scope' || name === 'role') node.setAttribute(name, value);
      else node[name] = value;
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
    }
    return node;
  }

  function replaceChildren(node, children) {
    node.replaceChildren(...children.filter((c) => c !== null && c !== undefined));
  }

  function option(value, label) {
    return el('option', { value, textContent: label });
  }

  // --- talking to the server -------------------------------------------------

  async function post(path, body) {
    let response;
    try {
      response = await fetch(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        credentials: 'same-origin',
      });
    } catch (e) {
      return { status: 0, data: { error: t('offline') } };
    }
    let data = null;
    try {
      data = await response.json();
    } catch (e) {
      data = { error: response.statusText };
    }
    return { status: response.status, data };
  }

  // Requests that change the draft run one after another, each on the draft
  // the previous one returned. A slider sends many amounts for one cell: only
  // the last one still waiting is kept.
  function enqueue(item) {
    const last = state.queue[state.queue.length - 1];
    if (last && item.edit && last.edit && item.edit.kind === 'set_amount' && last.edit.kind === 'set_amount' &&
        last.edit.line === item.edit.line && last.edit.year === item.edit.year) {
      state.queue[state.queue.length - 1] = item;
    } else {
      state.queue.push(item);
    }
    pump();
  }

  async function pump() {
    if (state.busy || state.queue.length === 0) return;
    state.busy = true;
    const item = state.queue.shift();
    const body = { baseline: state.baseline, lang: state.lang };
    if (item.newFrom !== undefined) body.new_from = item.newFrom;
    else body.draft = item.draft !== undefined ? item.draft : state.draft;
    if (item.edit) body.edit = item.edit;
    // A new amount changes only its line and the balancing line: only those
    // come back (a model may have thousands of lines).
    if (item.edit && item.edit.kind === 'set_amount' && state.view) {
      body.lines = [item.edit.line].concat(item.edit.balance ? [item.edit.balance] : []);
    }
    const started = performance.now();
    const { status, data } = await post('/api/evaluate', body);
    const ms = performance.now() - started;
    if (status === 200) {
      if (item.undoable && state.draft !== null && data.draft.yaml !== state.draft) state.undo.push(state.draft);
      if (item.newFrom !== undefined) {
        state.saved = data.draft.yaml;
        state.undo = [];
      }
      show(data, ms);
    } else {
      showRefused([t('request_failed', { error: (data && data.error) || status })]);
    }
    state.busy = false;
    document.body.dataset.busy = state.queue.length ? 'yes' : 'no';
    pump();
  }

  function edit(change) {
    document.body.dataset.busy = 'yes';
    enqueue({ edit: change, undoable: true });
  }

  // The balancing line when budget-neutral is on.
  function balance() {
    return $('neutral').checked && $('balance').value ? $('balance').value : undefined;
  }

  // --- showing results ---------------------------------------------------------

  function show(data, ms) {
    state.draft = data.draft.yaml;
    state.info = data.draft;
    state.view = data.view;
    mergeLines(data.view);
    if (data.refused) showRefused([t('edit_refused')].concat(data.refused.messages));
    else $('refused').hidden = true;
    renderDraft();
    renderResults();
    renderLines();
    $('timing').textContent = t('timing', { ms: ms.toFixed(0) });
    document.body.dataset.draft = state.info.changes;
    scheduleSmaa();
  }

  function showRefused(messages) {
    const box = $('refused');
    replaceChildren(box, messages.map((m) => el('p', { textContent: m })));
    box.hidden = false;
  }

  function renderDraft() {
    const info = state.info;
    $('yaml').textContent = state.draft;
    const base = info.base === 'model' ? t('the_model') : info.base;
    $('draft-summary').textContent = t(info.changes === 1 ? 'draft_summary_one' : 'draft_summary',
      { id: info.id, base, n: info.changes });
    setValue($('draft-id'), info.id);
    setValue($('draft-name'), info.name);
    setValue($('draft-note'), info.note);
    $('draft-illustrative').checked = info.illustrative;
    $('neutral').checked = info.rule === 'neutral';
    if (document.activeElement !== $('file-name') && !$('file-name').dataset.edited) {
      $('file-name').value = info.file;
    }
    $('undo').disabled = state.undo.length === 0;
  }

  // Sets an input's value unless the user is typing in it.
  function setValue(input, value) {
    if (document.activeElement !== input) input.value = value;
  }

  // The mark of what a figure rests on, as `allot compare` prints it
  // ("~" assumed, ...), after the figure; null for a sourced figure (no
  // mark). The level in words is its tooltip and what a screen reader says.
  function basisMark(mark, basis) {
    if (!mark) return null;
    const used = (state.view.marks.used || []).find((u) => u.mark === mark);
    const words = used ? used.text : basis;
    return el('span', { className: 'basis-mark', title: words, dataset: { mark, basis } },
      el('span', { 'aria-hidden': 'true', textContent: mark }),
      el('span', { className: 'visually-hidden', textContent: ' (' + words + ')' }));
  }

  // A table cell with a figure's text and its mark.
  function figure(text, mark, basis, props) {
    return el('td', props || {}, el('span', { className: 'figure', textContent: text }), basisMark(mark, basis));
  }

  function funded(yes, mark, basis) {
    const text = yes ? '\u2713 ' + t('funded') : '\u2717 ' + t('not_funded');
    return figure(text, mark, basis, { className: yes ? 'yes' : 'no' });
  }

  function renderResults() {
    const v = state.view;
    $('model-title').textContent = v.title;
    $('caveat').hidden = false;
    $('caveat').textContent = v.marks.text || t('marks_none');

    replaceChildren($('weighted').tBodies[0], v.weighted.map((w) =>
      el('tr', {},
        el('th', { scope: 'row', textContent: w.set }),
        figure(w.text, w.mark, w.basis, { className: 'score', dataset: { value: w.value } }),
        figure(t('rank_of', { rank: w.rank, of: w.of }), w.rank_mark, w.rank_basis),
        figure(w.baseline.text, w.baseline.mark, w.baseline.basis),
        figure(w.change_text, w.change_mark, w.change_basis, { className: changeClass(w.change_text) }))));

    replaceChildren($('objectives').tBodies[0], v.objectives.map((o) =>
      el('tr', {},
        el('th', { scope: 'row', textContent: o.name, title: o.id }),
        figure(o.text, o.mark, o.basis, { className: 'score', dataset: { value: o.value, id: o.id } }),
        figure(o.baseline.text, o.baseline.mark, o.baseline.basis),
        figure(o.change_text, o.change_mark, o.change_basis, { className: changeClass(o.change_text) }),
        el('td', { className: 'bar-col' }, bar(o.value, o.baseline.value)))));

    const money = [{ year: t('total'), ...v.money.total }].concat(v.money.years);
    replaceChildren($('money').tBodies[0], money.map((m) =>
      el('tr', {},
        el('th', { scope: 'row', textContent: String(m.year) }),
        figure(m.text, m.mark, m.basis, { dataset: { cents: m.cents } }),
        figure(m.baseline_text, m.baseline_mark, m.baseline_basis),
        figure(m.change_text, m.change_mark, m.change_basis, { className: changeClass(m.change_text) }))));

    replaceChildren($('motions').tBodies[0], v.motions.map((m) =>
      el('tr', {},
        el('th', { scope: 'row', title: m.asks }, m.id, el('span', { className: 'muted', textContent: ' ' + m.ref })),
        funded(m.funded, m.funded_mark, m.funded_basis),
        funded(m.baseline_funded, m.baseline_funded_mark, m.baseline_funded_basis))));

    const head = $('ranking').tHead.rows[0];
    replaceChildren(head, [el('th', { scope: 'col', textContent: t('scenario') })].concat(
      v.weight_sets.map((w) => el('th', { scope: 'col', textContent: w }))));
    replaceChildren($('ranking').tBodies[0], v.scenarios.map((s) =>
      el('tr', { className: s.draft ? 'draft' : '' },
        el('th', { scope: 'row', textContent: s.id, title: s.name }),
        ...s.scores.map((score) => el('td', {},
          el('span', { className: 'figure', textContent: score.text }), basisMark(score.mark, score.basis),
          el('span', { className: 'figure', textContent: ' (' + score.rank + ')' }),
          basisMark(score.rank_mark, score.rank_basis))))));
  }

  function changeClass(text) {
    return text.startsWith('+') ? 'up' : text.startsWith('-') ? 'down' : '';
  }

  // A bar of `value` points out of 100, with a mark at the baseline.
  function bar(value, baseline) {
    const outer = el('div', { className: 'bar', 'aria-hidden': 'true' });
    const fill = el('div', { className: 'fill' });
    fill.style.width = Math.max(0, Math.min(100, value)) + '%';
    const mark = el('div', { className: 'mark' });
    mark.style.left = Math.max(0, Math.min(100, baseline)) + '%';
    outer.append(fill, mark);
    return outer;
  }

  // --- the lines table and the sliders ---------------------------------------

  // The lines of the last complete view, updated in place by partial ones.
  function mergeLines(view) {
    if (view.all_lines || !state.lines) {
      state.lines = view.lines;
      return;
    }
    const fresh = new Map(view.lines.map((l) => [l.id, l]));
    state.lines = state.lines.map((l) => fresh.get(l.id) || l);
  }

  function renderLines() {
    const key = state.lines.map((l) => l.id + (l.removed ? '-' : '')).join(',') + '|' + state.lang;
    if (key !== state.lineKey) {
      buildLines(key);
      fillLineSelects();
    }
    for (const line of state.view.lines) updateLine(line);
    renderSliders();
  }

  function buildLines(key) {
    const v = state.view;
    state.lineKey = key;
    state.lineRows.clear();
    const head = $('lines').tHead.rows[0];
    replaceChildren(head, [el('th', { scope: 'col', textContent: t('line') })]
      .concat(v.years.map((y) => el('th', { scope: 'col', textContent: String(y) })))
      .concat([el('th', { scope: 'col', textContent: t('total') }), el('th', { scope: 'col', textContent: '' })]));
    const rows = state.lines.map((line) => {
      const cells = { inputs: [], changes: [], marks: [] };
      const name = el('th', { scope: 'row' }, line.name);
      if (line.added) name.append(el('span', { className: 'tag', textContent: t('added') }));
      if (line.removed) name.append(el('span', { className: 'tag', textContent: t('removed') }));
      name.title = line.id + (line.source ? ' \u2014 ' + line.source : '');
      const tr = el('tr', { className: line.removed ? 'removed' : '', dataset: { line: line.id } }, name);
      line.years.forEach((y, i) => {
        const input = el('input', {
          type: 'text', inputMode: 'decimal', autocomplete: 'off', disabled: line.removed,
          'aria-label': t('amount_of', { line: line.name, year: y.year }),
          dataset: { line: line.id, year: y.year },
        });
        input.addEventListener('change', () => edit({
          kind: 'set_amount', line: line.id, year: y.year, amount: input.value.trim(), balance: balance(),
        }));
        input.addEventListener('keydown', (e) => {
          if (e.key === 'Escape') input.value = input.dataset.plain || '';
        });
        const change = el('span', { className: 'cell-change' });
        const mark = el('span', { className: 'cell-mark' });
        cells.inputs[i] = input;
        cells.changes[i] = change;
        cells.marks[i] = mark;
        tr.append(el('td', {}, input, mark, change));
      });
      cells.total = el('td', { className: 'total' });
      tr.append(cells.total);
      const drop = el('button', {
        type: 'button', textContent: t('drop'), disabled: line.removed,
        'aria-label': t('drop_line', { line: line.name }),
      });
      drop.addEventListener('click', () => edit({ kind: 'remove_line', line: line.id, balance: balance() }));
      tr.append(el('td', {}, drop));
      state.lineRows.set(line.id, cells);
      return tr;
    });
    replaceChildren($('lines').tBodies[0], rows);
  }

  function updateLine(line) {
    const cells = state.lineRows.get(line.id);
    if (!cells) return;
    line.years.forEach((y, i) => {
      const input = cells.inputs[i];
      input.dataset.plain = y.plain;
      input.dataset.cents = y.cents;
      setValue(input, y.plain);
      cells.changes[i].textContent = y.change_text === '0' ? '' : y.change_text;
      cells.changes[i].className = 'cell-change ' + changeClass(y.change_text);
      replaceChildren(cells.marks[i], [basisMark(y.mark, y.basis)]);
    });
    replaceChildren(cells.total, [el('span', { className: 'figure', textContent: line.total.text }),
      basisMark(line.total.mark, line.total.basis)]);
  }

  function liveLines() {
    return state.lines.filter((l) => !l.removed);
  }

  function fillSelect(select, entries, keep) {
    const before = select.value;
    replaceChildren(select, entries.map(([value, label]) => option(value, label)));
    if (keep && entries.some(([value]) => value === before)) select.value = before;
  }

  function fillLineSelects() {
    const lines = liveLines().map((l) => [l.id, l.name]);
    for (const id of ['balance', 'move-from', 'move-to', 'slider-line']) fillSelect($(id), lines, true);
    fillSelect($('add-like'), [['', t('no_effects')]].concat(lines), true);
    fillSelect($('move-year'), [['', t('all_years')]].concat(state.view.years.map((y) => [String(y), String(y)])), true);
    if (!$('add-years').dataset.built || $('add-years').dataset.built !== state.view.years.join() + state.lang) {
      $('add-years').dataset.built = state.view.years.join() + state.lang;
      replaceChildren($('add-years'), state.view.years.map((y) =>
        el('label', {}, el('span', { textContent: String(y) + ' (EUR)' }),
          el('input', { type: 'text', inputMode: 'decimal', autocomplete: 'off', value: '0', dataset: { year: y } }))));
    }
  }

  // Sliders for the chosen line, one per year, from 0 to at least twice the
  // larger of its amount and the baseline's, in steps of EUR 1,000.
  function renderSliders() {
    const id = $('slider-line').value || (liveLines()[0] && liveLines()[0].id);
    const line = state.lines.find((l) => l.id === id && !l.removed);
    const box = $('sliders');
    if (!line) {
      replaceChildren(box, []);
      return;
    }
    if (box.dataset.line !== id || box.dataset.lang !== state.lang) {
      box.dataset.line = id;
      box.dataset.lang = state.lang;
      replaceChildren(box, line.years.map((y) => {
        const slider = el('input', {
          type: 'range', min: '0', step: '1000',
          'aria-label': t('amount_of', { line: line.name, year: y.year }),
          dataset: { line: id, year: y.year },
        });
        slider.addEventListener('input', () => edit({
          kind: 'set_amount', line: id, year: y.year, amount: slider.value, balance: balance(),
        }));
        const text = el('output', { className: 'slider-value' });
        return el('div', { className: 'slider-row' }, el('span', { className: 'slider-year', textContent: String(y.year) }), slider, text);
      }));
    }
    Array.from(box.querySelectorAll('.slider-row')).forEach((row, i) => {
      const y = line.years[i];
      const slider = row.querySelector('input');
      const euros = Number(y.cents) / 100;
      const baseEuros = Number(y.baseline_cents) / 100;
      const top = Math.max(100000, 2 * Math.max(euros, baseEuros));
      const max = Math.ceil(top / 100000) * 100000;
      if (document.activeElement !== slider) {
        slider.max = String(max);
        slider.value = String(Number(y.cents) / 100);
      } else if (Number(slider.max) < max) {
        slider.max = String(max);
      }
      row.querySelector('output').textContent = y.text + (y.change_text === '0' ? '' : '  (' + y.change_text + ')');
    });
  }

  // --- SMAA after a pause ------------------------------------------------------

  function scheduleSmaa() {
    clearTimeout(state.smaaTimer);
    $('smaa-note').textContent = t('smaa_waiting');
    document.body.dataset.smaa = 'waiting';
    state.smaaTimer = setTimeout(runSmaa, 700);
  }

  async function runSmaa() {
    const seq = ++state.smaaSeq;
    const { status, data } = await post('/api/smaa', { draft: state.draft, lang: state.lang });
    if (seq !== state.smaaSeq || status !== 200) return;
    $('smaa-note').textContent = t('smaa_note', { samples: data.samples, hw: data.half_width_text });
    replaceChildren($('smaa').tBodies[0], data.scenarios.map((s) =>
      el('tr', { className: s.draft ? 'draft' : '' },
        el('th', { scope: 'row', textContent: s.id, title: s.name }),
        el('td', { textContent: s.text, dataset: { value: s.p_best } }),
        el('td', { className: 'bar-col' }, bar(100 * s.p_best, 0)))));
    document.body.dataset.smaa = 'done';
  }

  // --- the file: describe, save, download, report --------------------------------

  function describe() {
    edit({
      kind: 'describe',
      id: $('draft-id').value.trim(),
      name: $('draft-name').value,
      note: $('draft-note').value,
      source: state.info ? state.info.source : '',
      illustrative: $('draft-illustrative').checked,
    });
  }

  function ask(text) {
    return new Promise((resolve) => {
      const dialog = $('confirm');
      $('confirm-text').textContent = text;
      dialog.returnValue = 'no';
      dialog.addEventListener('close', () => resolve(dialog.returnValue === 'yes'), { once: true });
      dialog.showModal();
      $('confirm-no').focus();
    });
  }

  async function save() {
    const file = $('file-name').value.trim();
    let { status, data } = await post('/api/save', { draft: state.draft, file, overwrite: false });
    if (status === 409 && await ask(t('confirm_overwrite', { file, dir: data.dir }))) {
      ({ status, data } = await post('/api/save', { draft: state.draft, file, overwrite: true }));
    }
    if (status === 200) {
      state.saved = state.draft;
      $('save-status').textContent = t('saved', { file: data.file, dir: data.dir });
      document.body.dataset.saved = data.file;
    } else if (status === 409) {
      $('save-status').textContent = t('not_saved');
    } else {
      $('save-status').textContent = t('not_saved') + ' ' + ((data && data.error) || status);
    }
  }

  function download() {
    const blob = new Blob([state.draft], { type: 'application/yaml' });
    const link = el('a', { href: URL.createObjectURL(blob), download: $('file-name').value.trim() || state.info.file });
    document.body.append(link);
    link.click();
    setTimeout(() => {
      URL.revokeObjectURL(link.href);
      link.remove();
    }, 1000);
  }

  async function report() {
    const { status, data } = await post('/api/report', { draft: state.draft, baseline: state.baseline, lang: state.lang });
    if (status !== 200) {
      $('save-status').textContent = (data && data.error) || String(status);
      return;
    }
    // Not 'noopener': with it window.open answers null even when the tab
    // opened. The report cannot reach back anyway (Cross-Origin-Opener-Policy).
    const opened = window.open(data.url, '_blank');
    if (opened) {
      opened.opener = null;
    } else {
      const link = el('a', { href: data.url, target: '_blank', rel: 'noopener', textContent: data.url });
      replaceChildren($('save-status'), [document.createTextNode(t('report_blocked', { link: '' })), link]);
    }
  }

  // --- language and start ---------------------------------------------------------

  function applyLanguage() {
    document.documentElement.lang = state.lang;
    for (const node of document.querySelectorAll('[data-text]')) node.textContent = t(node.dataset.text);
    document.title = 'allot serve \u2014 ' + t('app_title');
  }

  function fillScenarioSelects() {
    const entries = state.describe.scenarios.map((s) => [s.id, s.id === 'model' ? s.id + ' \u2014 ' + s.name : s.id]);
    fillSelect($('baseline'), entries, true);
    fillSelect($('start-from'), entries, true);
  }

  async function newDraft() {
    if (state.draft !== null && state.draft !== state.saved && !(await ask(t('confirm_new')))) return;
    $('file-name').dataset.edited = '';
    document.body.dataset.busy = 'yes';
    enqueue({ newFrom: $('start-from').value });
  }

  function wire() {
    $('lang').addEventListener('change', () => {
      state.lang = $('lang').value;
      applyLanguage();
      enqueue({});
    });
    $('large').addEventListener('change', () => document.documentElement.classList.toggle('large', $('large').checked));
    $('baseline').addEventListener('change', () => {
      state.baseline = $('baseline').value;
      enqueue({});
    });
    $('new-draft').addEventListener('click', newDraft);
    $('neutral').addEventListener('change', () => edit({ kind: 'budget_rule', rule: $('neutral').checked ? 'neutral' : 'none' }));
    $('slider-line').addEventListener('change', renderSliders);
    $('move-form').addEventListener('submit', (e) => {
      e.preventDefault();
      edit({
        kind: 'move', amount: $('move-amount').value.trim(), from: $('move-from').value, to: $('move-to').value,
        year: $('move-year').value ? Number($('move-year').value) : null,
      });
    });
    $('add-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const budget = {};
      for (const input of $('add-years').querySelectorAll('input')) budget[input.dataset.year] = input.value.trim() || '0';
      edit({
        kind: 'add_line', id: $('add-id').value.trim(), name: $('add-name').value.trim(), budget,
        effects_like: $('add-like').value || undefined, balance: balance(),
      });
    });
    for (const id of ['draft-id', 'draft-name', 'draft-note']) $(id).addEventListener('change', describe);
    $('draft-illustrative').addEventListener('change', describe);
    $('file-name').addEventListener('input', () => { $('file-name').dataset.edited = 'yes'; });
    $('undo').addEventListener('click', () => {
      const previous = state.undo.pop();
      if (previous !== undefined) enqueue({ draft: previous });
    });
    $('save').addEventListener('click', save);
    $('download').addEventListener('click', download);
    $('report').addEventListener('click', report);
  }

  async function start() {
    const preferred = (navigator.language || 'en').toLowerCase().startsWith('nl') ? 'nl' : 'en';
    state.lang = new URLSearchParams(location.search).get('lang') === 'nl' ? 'nl' : preferred;
    $('lang').value = state.lang;
    applyLanguage();
    wire();
    const response = await fetch('/api/describe', { credentials: 'same-origin' });
    state.describe = await response.json();
    fillScenarioSelects();
    enqueue({ newFrom: 'model' });
  }

  start();
})();
