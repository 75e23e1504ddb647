/*
 * Touchpoint feedback widget. No dependencies. Embed with:
 *   <script src="https://<your API>/widget.js?survey=post-service" data-key="pk_…" data-touchpoint="web-checkout"
 *           data-lang="tr" async></script>
 * Named in the script's address, the survey comes with the script (in each of its languages), so opening
 * the widget makes no request; named only by data-survey (older embeds), it is fetched when opened.
 * The publishable key only submits web feedback, only from the origins it is configured for.
 * Customer text is only ever set as text, never as HTML.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.dataset.key) { return; }
  var src = new URL(script.src);
  var api = src.origin;
  var key = script.dataset.key;
  var touchpoint = script.dataset.touchpoint || null;
  var surveyId = src.searchParams.get('survey') || script.dataset.survey || 'post-service';
  // Filled in by the server when the address names a survey: {id, defaultLanguage, byLanguage: {tr: …}}.
  var preloaded = /*PRELOADED_SURVEY*/null;
  var lang = (script.dataset.lang || navigator.language || 'en').slice(0, 2).toLowerCase();
  var labels = lang === 'tr'
    ? { open: 'Görüşünüz', close: 'Kapat', error: 'Gönderilemedi, lütfen tekrar deneyin.' }
    : { open: 'Feedback', close: 'Close', error: 'Could not send, please try again.' };

  function id() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    return 'x' + Date.now().toString(36) + Math.random().toString(36).slice(2);
  }
  function anonymousId() {
    try {
      var known = localStorage.getItem('touchpoint.anonymousId');
      if (known) { return known; }
      var fresh = id();
      localStorage.setItem('touchpoint.anonymousId', fresh);
      return fresh;
    } catch (e) { return null; }
  }
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  var host = el('div', { 'data-touchpoint-widget': '' });
  var root = host.attachShadow ? host.attachShadow({ mode: 'open' }) : host;
  var style = el('style', {}, [
    ':host{all:initial}', '*{box-sizing:border-box;font-family:system-ui,sans-serif}',
    '.open{position:fixed;right:16px;bottom:16px;z-index:2147483000;padding:12px 18px;border:0;border-radius:24px;background:#1f5fbf;color:#fff;font-size:15px;cursor:pointer}',
    '.panel{position:fixed;right:16px;bottom:72px;z-index:2147483000;width:min(360px,calc(100vw - 32px));background:#fff;color:#1a1a1a;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.25);padding:16px}',
    'h2{font-size:17px;margin:0 0 12px}', 'fieldset{border:0;padding:0;margin:0 0 12px}', 'legend{font-weight:600;margin-bottom:6px;font-size:14px}',
    '.scale{display:flex;flex-wrap:wrap;gap:4px}', '.scale button{flex:1 0 26px;padding:8px 0;border:1px solid #8a8f98;border-radius:6px;background:#fff;cursor:pointer;font-size:14px}',
    '.scale button[aria-pressed=true]{background:#1f5fbf;color:#fff;border-color:#1f5fbf}',
    'textarea{width:100%;min-height:70px;padding:6px;border:1px solid #8a8f98;border-radius:6px;font-size:14px}',
    '.send{width:100%;padding:10px;border:0;border-radius:6px;background:#1f5fbf;color:#fff;font-size:15px;cursor:pointer}',
    '.close{position:absolute;right:10px;top:8px;border:0;background:none;font-size:18px;cursor:pointer}', '.note{margin:8px 0 0;font-size:14px}'
  ].join(''));
  var open = el('button', { 'class': 'open', type: 'button', 'aria-haspopup': 'dialog' }, labels.open);
  root.appendChild(style);
  root.appendChild(open);

  function render(survey) {
    var panel = el('div', { 'class': 'panel', role: 'dialog', 'aria-label': survey.title });
    var close = el('button', { 'class': 'close', type: 'button', 'aria-label': labels.close }, '×');
    close.addEventListener('click', function () { panel.remove(); open.focus(); });
    panel.appendChild(close);
    panel.appendChild(el('h2', {}, survey.title));
    var answers = {};
    survey.questions.forEach(function (q) {
      var set = el('fieldset');
      set.appendChild(el('legend', {}, q.text));
      if (q.type === 'text') {
        var area = el('textarea', { 'aria-label': q.text, maxlength: '5000', 'data-question': q.id });
        area.addEventListener('input', function () { answers[q.id] = { type: q.type, value: area.value }; });
        set.appendChild(area);
      } else {
        var scale = el('div', { 'class': 'scale', role: 'group' });
        var values = q.options ? q.options.map(function (o) { return { value: o.id, label: o.text }; }) : [];
        for (var v = q.min; q.options === undefined && v <= q.max; v++) { values.push({ value: v, label: String(v) }); }
        values.forEach(function (choice) {
          var b = el('button', { type: 'button', 'aria-pressed': 'false', 'data-question': q.id }, choice.label);
          b.addEventListener('click', function () {
            Array.prototype.forEach.call(scale.children, function (c) { c.setAttribute('aria-pressed', 'false'); });
            b.setAttribute('aria-pressed', 'true');
            answers[q.id] = { type: q.type, value: choice.value };
          });
          scale.appendChild(b);
        });
        set.appendChild(scale);
      }
      panel.appendChild(set);
    });
    var note = el('p', { 'class': 'note', role: 'status' });
    var send = el('button', { 'class': 'send', type: 'button' }, survey.submit);
    var submissionId = 'widget-' + id();
    send.addEventListener('click', function () {
      var list = Object.keys(answers).filter(function (q) { return String(answers[q].value).trim() !== ''; })
        .map(function (q) { return { questionId: q, type: answers[q].type, value: answers[q].value }; });
      if (!list.length) { return; }
      send.disabled = true;
      var customer = { locale: lang };
      var anon = anonymousId();
      if (anon) { customer.anonymousId = anon; }
      // A simple request (no header of our own, a text/plain body): the browser sends it without a
      // CORS preflight, which would cost a second round trip and a second request per answer.
      fetch(api + '/v1/feedback?publishableKey=' + encodeURIComponent(key), {
        method: 'POST', mode: 'cors',
        headers: { 'content-type': 'text/plain;charset=UTF-8' },
        body: JSON.stringify({ externalId: submissionId, channel: 'web', touchpoint: touchpoint, surveyId: survey.id,
          customer: customer, answers: list })
      }).then(function (response) {
        if (response.status !== 202) { throw new Error(String(response.status)); }
        while (panel.children.length > 1) { panel.removeChild(panel.lastChild); }
        panel.appendChild(el('p', { 'class': 'note', role: 'status' }, survey.thankYou));
      }).catch(function () { note.textContent = labels.error; send.disabled = false; });
    });
    panel.appendChild(send);
    panel.appendChild(note);
    root.appendChild(panel);
    var first = panel.querySelector('button[data-question], textarea');
    if (first) { first.focus(); }
  }

  open.addEventListener('click', function () {
    if (root.querySelector('.panel')) { return; }
    if (preloaded && preloaded.id === surveyId) {
      render(preloaded.byLanguage[lang] || preloaded.byLanguage[preloaded.defaultLanguage]);
      return;
    }
    fetch(api + '/w/surveys/' + encodeURIComponent(surveyId) + '?lang=' + encodeURIComponent(lang))
      .then(function (r) { return r.json(); }).then(render);
  });
  (document.body || document.documentElement).appendChild(host);
}());
