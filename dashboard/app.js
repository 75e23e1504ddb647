/* Touchpoint dashboard: plain JavaScript, no framework. Every customer text is set with textContent. */
(function () {
  'use strict';
  var T = {
    en: { title: 'Touchpoint', apiKey: 'API key', load: 'Load', channels: 'Channels side by side', period30: 'Last 30 days', period90: 'Last 90 days', period365: 'Last 12 months', channel: 'Channel',
      responses: 'Responses', invited: 'Invited', delivered: 'Delivered', opened: 'Opened', clicked: 'Clicked', responded: 'Responded', rate: 'Response rate',
      trend: 'NPS over time, per channel', comments: 'Latest comments', search: 'Customer', email: 'Email', find: 'Find',
      entry: 'Call centre and paper feedback', comment: 'Comment', save: 'Save', csv: 'CSV import', upload: 'Upload',
      outbox: 'Outbox (local runtime)', loaded: 'Loaded.', saved: 'Saved.', imported: 'Imported: ', failed: 'Failed: ', detractor: 'detractor',
      notFound: 'No such customer.', reply: 'Reply to the customer', author: 'Your name', send: 'Send',
      replyQueued: 'Reply on its way by ', row: 'Row', readAs: 'read as ', replyOn: 'On', replyUsual: 'the channel they used', export: 'Download the responses (CSV)',
      csvHint: 'First row: the names of its columns, any of email, phone, name, nps, csat, ces, rating, comment, channel, touchpoint, surveyId, externalId, customerExternalId, locale, submittedAt. Rows without a channel take the one chosen above.' },
    tr: { title: 'Touchpoint', apiKey: 'API anahtarı', load: 'Yükle', channels: 'Kanallar yan yana', period30: 'Son 30 gün', period90: 'Son 90 gün', period365: 'Son 12 ay', channel: 'Kanal',
      responses: 'Yanıt', invited: 'Davet', delivered: 'Teslim', opened: 'Açılan', clicked: 'Tıklanan', responded: 'Yanıtlanan', rate: 'Yanıt oranı',
      trend: 'Kanal bazında zaman içinde NPS', comments: 'Son yorumlar', search: 'Müşteri', email: 'E-posta', find: 'Bul',
      entry: 'Çağrı merkezi ve kâğıt geri bildirimi', comment: 'Yorum', save: 'Kaydet', csv: 'CSV içe aktarma', upload: 'Yükle',
      outbox: 'Giden kutusu (yerel)', loaded: 'Yüklendi.', saved: 'Kaydedildi.', imported: 'İçe aktarıldı: ', failed: 'Başarısız: ',
      detractor: 'kötüleyen', notFound: 'Böyle bir müşteri yok.', reply: 'Müşteriye yanıt', author: 'Adınız', send: 'Gönder',
      replyQueued: 'Yanıt gönderiliyor: ', row: 'Satır', readAs: 'kodlama: ', replyOn: 'Kanal', replyUsual: 'müşterinin kullandığı kanal', export: 'Yanıtları indir (CSV)',
      csvHint: 'İlk satır sütunların adları: email, phone, name, nps, csat, ces, rating, comment, channel, touchpoint, surveyId, externalId, customerExternalId, locale, submittedAt sütunlarından herhangi biri. Kanalı olmayan satırlar yukarıda seçilen kanalı alır.' }
  };
  var lang = (localStorage.getItem('touchpoint.lang') || navigator.language || 'en').slice(0, 2) === 'tr' ? 'tr' : 'en';
  var key = sessionStorage.getItem('touchpoint.key') || '';
  var COLORS = ['#1f5fbf', '#d35400', '#27ae60', '#8e44ad', '#c0392b', '#16a085'];
  function $(id) { return document.getElementById(id); }
  function t(name) { return T[lang][name] || name; }
  function el(tag, text, cls) { var n = document.createElement(tag); if (text !== undefined) { n.textContent = text; } if (cls) { n.className = cls; } return n; }
  function translate() {
    document.documentElement.lang = lang;
    Array.prototype.forEach.call(document.querySelectorAll('[data-t]'), function (n) { n.textContent = t(n.getAttribute('data-t')); });
    $('lang').textContent = lang === 'tr' ? 'EN' : 'TR';
  }
  function api(path, options) {
    options = options || {};
    options.headers = Object.assign({ 'x-api-key': key }, options.headers || {});
    return fetch(path, options).then(function (r) {
      return r.text().then(function (body) {
        var data = body ? JSON.parse(body) : null;
        if (!r.ok) { var e = new Error((data && data.detail) || r.status); e.status = r.status; throw e; }
        return data;
      });
    });
  }
  function fmt(v) { return v === null || v === undefined ? '–' : String(v); }
  /*
   * The 95% interval says where a channel's true NPS may lie: a few answers prove little. It is not
   * symmetric around the score (seven detractors: −100, yet somewhere in −100 … −32.8), so both ends are shown.
   */
  function npsWithInterval(nps) { return nps.score === null ? '–' : nps.score + ' (' + nps.low + ' … ' + nps.high + ')'; }
  /*
   * The period the dashboard shows, ending today (UTC, as reports count days), and the trend's step:
   * days for a month, ISO weeks for a quarter, months for a year, so each point holds enough answers.
   */
  function period() {
    var days = Number($('period').value), DAY = 86400000, today = new Date(new Date().toISOString().slice(0, 10));
    return { from: new Date(today - (days - 1) * DAY).toISOString().slice(0, 10), to: today.toISOString().slice(0, 10),
      step: days <= 31 ? 'day' : days <= 120 ? 'week' : 'month' };
  }
  function inPeriod() { var p = period(); return 'from=' + p.from + '&to=' + p.to; }
  /* The first day of a trend point's key: a day (2026-11-23), an ISO week (2026-W48) or a month (2026-11). */
  function startOf(key) {
    var week = /^(\d{4})-W(\d{2})$/.exec(key);
    if (week) {
      var jan4 = Date.UTC(Number(week[1]), 0, 4), monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86400000;
      return monday + (Number(week[2]) - 1) * 7 * 86400000;
    }
    return Date.parse(key.length === 7 ? key + '-01' : key);
  }
  function channels() {
    return api('/v1/reports/summary?groupBy=channel&' + inPeriod()).then(function (report) {
      var body = $('channels').querySelector('tbody');
      body.textContent = '';
      report.groups.forEach(function (g) {
        var row = document.createElement('tr');
        row.setAttribute('data-channel', g.key);
        [g.key, npsWithInterval(g.nps), g.responses, fmt(g.csat.score), fmt(g.ces.mean), g.funnel.invited, g.funnel.delivered,
          g.funnel.opened, g.funnel.clicked, g.funnel.responded, g.funnel.responseRate === null ? '–' : g.funnel.responseRate + '%']
          .forEach(function (v) { row.appendChild(el('td', String(v))); });
        body.appendChild(row);
      });
      return report.groups.map(function (g) { return g.key; });
    });
  }
  function svgText(svg, text, x, y, anchor) {
    var node = document.createElementNS('http://www.w3.org/2000/svg', 'text');
    node.setAttribute('x', x); node.setAttribute('y', y); node.setAttribute('text-anchor', anchor);
    node.setAttribute('font-size', 10); node.setAttribute('fill', '#666');
    node.textContent = text;
    svg.appendChild(node);
  }
  function trend(names) {
    var svg = $('trend');
    svg.textContent = '';
    $('legend').textContent = '';
    var ns = 'http://www.w3.org/2000/svg';
    var axis = document.createElementNS(ns, 'line');
    axis.setAttribute('x1', 40); axis.setAttribute('x2', 590); axis.setAttribute('y1', 110); axis.setAttribute('y2', 110);
    axis.setAttribute('stroke', '#bbb'); svg.appendChild(axis);
    var step = period().step;
    return Promise.all(names.map(function (name) {
      return api('/v1/reports/summary?groupBy=' + step + '&' + inPeriod() + '&channel=' + encodeURIComponent(name));
    }))
      .then(function (reports) {
        if (reports.length === 0) { return; }
        /* One date axis for every channel: a point stands at its day (or its week's or month's first), so channels line up. */
        var DAY = 86400000, from = Date.parse(reports[0].from), span = Math.max(1, (Date.parse(reports[0].to) - from) / DAY);
        function x(key) { return 40 + Math.max(0, (startOf(key) - from) / DAY) * 550 / span; }
        [[reports[0].from, 40, 'start'], [reports[0].to, 590, 'end']].forEach(function (label) { svgText(svg, label[0], label[1], 218, label[2]); });
        [[100, 14], [0, 114], [-100, 210]].forEach(function (label) { svgText(svg, String(label[0]), 34, label[1], 'end'); });
        reports.forEach(function (report, i) {
          var points = report.groups.filter(function (g) { return g.nps.score !== null; });
          var line = document.createElementNS(ns, 'polyline');
          line.setAttribute('fill', 'none'); line.setAttribute('stroke', COLORS[i % COLORS.length]); line.setAttribute('stroke-width', 2);
          line.setAttribute('data-channel', names[i]);
          line.setAttribute('points', points.map(function (g) { return x(g.key) + ',' + (110 - g.nps.score); }).join(' '));
          points.forEach(function (g) {
            var dot = document.createElementNS(ns, 'circle');
            dot.setAttribute('cx', x(g.key)); dot.setAttribute('cy', 110 - g.nps.score); dot.setAttribute('r', 3);
            dot.setAttribute('fill', COLORS[i % COLORS.length]);
            svg.appendChild(dot);
          });
          var title = document.createElementNS(ns, 'title');
          title.textContent = names[i] + ': ' + points.map(function (g) { return g.key + ' ' + g.nps.score; }).join(', ');
          line.appendChild(title);
          svg.appendChild(line);
          var item = el('li', names[i]);
          var swatch = el('span'); swatch.style.background = COLORS[i % COLORS.length];
          item.insertBefore(swatch, item.firstChild);
          $('legend').appendChild(item);
        });
      });
  }
  /* The 20 latest comments: responses read newest first, a page at a time, until 20 hold a comment. */
  function comments() {
    var latest = [];
    function hasText(r) { return r.answers.some(function (a) { return a.type === 'text'; }); }
    function page(cursor, pagesLeft) {
      return api('/v1/responses?format=json&order=newest&limit=200&' + inPeriod() + (cursor ? '&cursor=' + encodeURIComponent(cursor) : ''))
        .then(function (p) {
          p.responses.filter(hasText).forEach(function (r) { if (latest.length < 20) { latest.push(r); } });
          return latest.length < 20 && p.next && pagesLeft > 1 ? page(p.next, pagesLeft - 1) : latest;
        });
    }
    return page(null, 10).then(function (found) {
      var list = $('comments');
      list.textContent = '';
      found.forEach(function (r) {
        var nps = r.answers.filter(function (a) { return a.type === 'nps'; })[0];
        var detractor = nps && nps.value <= 6;
        var item = el('li', undefined, detractor ? 'detractor' : '');
        item.appendChild(el('strong', r.channel + (nps ? ' · NPS ' + nps.value : '') + ' · '));
        item.appendChild(el('span', r.answers.filter(function (a) { return a.type === 'text'; }).map(function (a) { return a.value; }).join(' — '), 'text'));
        if (detractor) { item.appendChild(el('span', t('detractor'), 'badge')); }
        list.appendChild(item);
      });
    });
  }
  function outbox() {
    return fetch('/_local/outbox').then(function (r) { return r.ok ? r.json() : []; }).then(function (messages) {
      var list = $('outbox');
      list.textContent = '';
      messages.slice(-20).reverse().forEach(function (m) {
        list.appendChild(el('li', m.channel + ' → ' + (m.to || '') + ': ' + (m.subject || m.body || m.kind || '')));
      });
    }).catch(function () { $('outbox-section').hidden = true; });
  }
  /*
   * The period's responses as one CSV file, page after page. Separated by semicolons where the browser's language
   * writes numbers with a decimal comma (Turkish, German…): a spreadsheet there opens a comma file as one column.
   */
  function exportResponses() {
    var separator = (1.5).toLocaleString(navigator.language).indexOf(',') >= 0 ? 'semicolon' : 'comma';
    var parts = [];
    var shown = period(); // every page of the one period, whatever the select says meanwhile
    function page(cursor) {
      var path = '/v1/responses?format=csv&limit=1000&from=' + shown.from + '&to=' + shown.to + '&separator=' + separator + (cursor ? '&cursor=' + encodeURIComponent(cursor) : '');
      return fetch(path, { headers: { 'x-api-key': key } }).then(function (r) {
        if (!r.ok) { throw new Error(String(r.status)); }
        return r.text().then(function (text) {
          text = text.replace(/^\uFEFF/, ''); // the decoder drops it in most browsers; the file gets one below
          parts.push(parts.length === 0 ? text : text.slice(text.indexOf('\r\n') + 2)); // one header, the first page's
          var next = r.headers.get('x-next-cursor');
          return next ? page(next) : null;
        });
      });
    }
    $('export-status').textContent = '…';
    return page(null).then(function () {
      var link = $('export-link');
      if (link.href) { URL.revokeObjectURL(link.href); }
      // The byte-order mark tells a spreadsheet the file is UTF-8, so Turkish letters read right.
      link.href = URL.createObjectURL(new Blob(['\uFEFF'].concat(parts), { type: 'text/csv;charset=utf-8' }));
      link.download = 'touchpoint-responses-' + shown.from + '_' + shown.to + '.csv';
      link.click();
      $('export-status').textContent = '';
    }).catch(function (err) { $('export-status').textContent = t('failed') + err.message; });
  }
  $('export').addEventListener('click', exportResponses);
  $('period').addEventListener('change', function () { if (key) { load(); } });
  /*
   * A spreadsheet's plain "CSV" is saved in the system's legacy code page, not UTF-8 (Turkish Excel:
   * windows-1254). Read as UTF-8 it would turn ş, ğ and ı into replacement marks without a word, so a
   * file that is not UTF-8 is read in the code page of the browser's language, and the status says so.
   */
  function readCsv(file) {
    return file.arrayBuffer().then(function (bytes) {
      try {
        return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: null };
      } catch (notUtf8) {
        var legacy = (navigator.language || '').slice(0, 2) === 'tr' ? 'windows-1254' : 'windows-1252';
        return { text: new TextDecoder(legacy).decode(bytes), encoding: legacy };
      }
    });
  }
  function load() {
    $('status').textContent = '…';
    return channels().then(function (names) { return Promise.all([trend(names), comments(), outbox()]); })
      .then(function () { $('status').textContent = t('loaded'); })
      .catch(function (e) { $('status').textContent = t('failed') + e.message; });
  }
  $('key-form').addEventListener('submit', function (e) {
    e.preventDefault();
    key = $('api-key').value;
    sessionStorage.setItem('touchpoint.key', key);
    load();
  });
  $('lang').addEventListener('click', function () { lang = lang === 'tr' ? 'en' : 'tr'; localStorage.setItem('touchpoint.lang', lang); translate(); });
  var profileId = null;
  var replyId = null;
  function newReplyId() { return 'dashboard-' + Date.now().toString(36) + Math.random().toString(36).slice(2, 10); }
  function showTimeline(id) {
    return api('/v1/profiles/' + encodeURIComponent(id)).then(function (profile) {
      var list = $('timeline');
      list.textContent = '';
      profile.timeline.forEach(function (entry) {
        list.appendChild(el('li', entry.at.slice(0, 16).replace('T', ' ') + ' · ' + entry.kind + ' · ' + (entry.channel || '') +
          (entry.author ? ' · ' + entry.author : '') + (entry.text ? ' · ' + entry.text : ''), entry.kind));
      });
      return profile;
    });
  }
  // The reply is sent by the processor a moment later: look again until it shows, for up to ten seconds.
  function refreshUntilReplies(count, tries) {
    setTimeout(function () {
      showTimeline(profileId).then(function (profile) {
        var replies = profile.timeline.filter(function (entry) { return entry.kind === 'reply'; }).length;
        if (replies < count && tries > 1) { refreshUntilReplies(count, tries - 1); }
      });
    }, 1000);
  }
  $('search-form').addEventListener('submit', function (e) {
    e.preventDefault();
    $('timeline').textContent = '';
    $('reply-form').hidden = true;
    api('/v1/profiles?email=' + encodeURIComponent($('search-email').value)).then(function (p) {
      profileId = p.id;
      replyId = newReplyId();
      return showTimeline(p.id);
    }).then(function () { $('reply-form').hidden = false; })
      .catch(function () { $('timeline').appendChild(el('li', t('notFound'))); });
  });
  // One id per composed reply: a double click or a retry after a network error is the same reply.
  $('reply-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var body = { id: replyId, profileId: profileId, text: $('reply-text').value };
    if ($('reply-author').value.trim()) { body.author = $('reply-author').value.trim(); }
    // Another channel moves the conversation: to email for a longer answer, to SMS when the customer is away.
    if ($('reply-channel').value) { body.channel = $('reply-channel').value; }
    api('/v1/replies', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) {
        $('reply-status').textContent = t('replyQueued') + r.channel;
        $('reply-text').value = '';
        replyId = newReplyId();
        refreshUntilReplies(document.querySelectorAll('#timeline li.reply').length + 1, 10);
      })
      .catch(function (err) { $('reply-status').textContent = t('failed') + err.message; });
  });
  $('entry-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var answers = [{ questionId: 'nps', type: 'nps', value: parseInt($('entry-nps').value, 10) }];
    if ($('entry-comment').value.trim()) { answers.push({ questionId: 'comment', type: 'text', value: $('entry-comment').value }); }
    var body = { externalId: 'dashboard-' + Date.now().toString(36) + Math.random().toString(36).slice(2, 8),
      channel: $('entry-channel').value, answers: answers };
    if ($('entry-email').value) { body.customer = { email: $('entry-email').value }; }
    api('/v1/feedback', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function () { $('entry-status').textContent = t('saved'); e.target.reset(); })
      .catch(function (err) { $('entry-status').textContent = t('failed') + err.message; });
  });
  $('import-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var file = $('import-file').files[0];
    $('import-errors').textContent = '';
    var encoding = null;
    readCsv(file).then(function (read) {
      encoding = read.encoding;
      // Rows without a channel column take the one chosen in the form above (call centre or paper).
      return api('/v1/imports?channel=' + encodeURIComponent($('entry-channel').value),
        { method: 'POST', headers: { 'content-type': 'text/csv' }, body: read.text });
    }).then(function (r) {
      $('entry-status').textContent = t('imported') + r.accepted + ' / ' + (r.accepted + r.rejected)
        + (encoding ? ' (' + t('readAs') + encoding + ')' : '');
      r.errors.slice(0, 50).forEach(function (rejected) {
        $('import-errors').appendChild(el('li', t('row') + ' ' + rejected.row + ': '
          + rejected.errors.map(function (error) { return (error.pointer ? error.pointer.slice(1) + ': ' : '') + error.detail; }).join(' ')));
      });
    }).catch(function (err) { $('entry-status').textContent = t('failed') + err.message; });
  });
  translate();
  if (key) { $('api-key').value = key; load(); }
}());
