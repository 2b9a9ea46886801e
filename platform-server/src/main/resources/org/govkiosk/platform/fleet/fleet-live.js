// The fleet page's live updates: the platform pushes the cards over Server-Sent Events (no timed reload), and the
// technician can pause them (WCAG 2.2.1/2.2.2) and resume. Also the copy buttons of the diagnostic commands.
(function () {
  'use strict';
  var body = document.body;
  var toggle = document.getElementById('live-toggle');
  var state = document.getElementById('live-state');
  var cards = document.getElementById('cards');
  var summary = document.getElementById('summary');
  var asOf = document.getElementById('as-of');
  var url = body.getAttribute('data-live-url');
  var source = null;
  var paused = false;
  var retry = null;

  function text(name) { return body.getAttribute('data-text-' + name) || name; }

  function show(mode) {
    body.setAttribute('data-live', mode);
    state.textContent = text(mode);
    toggle.textContent = text(mode === 'paused' ? 'resume' : 'pause');
    toggle.setAttribute('aria-pressed', mode === 'paused' ? 'true' : 'false');
  }

  function copyButtons(root) {
    var buttons = root.querySelectorAll('button.copy');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
    }
  }

  function connect() {
    if (!url || paused) { return; }
    source = new EventSource(url);
    source.addEventListener('open', function () { show('live'); });
    source.addEventListener('fleet', function (e) {
      var d = JSON.parse(e.data);
      // Replaced only when it changed, so focus and open details stay put on a quiet fleet.
      if (d.cards !== null && cards.getAttribute('data-hash') !== d.hash) {
        var open = {};
        var det = cards.querySelectorAll('details[open][data-key]');
        for (var i = 0; i < det.length; i++) { open[det[i].getAttribute('data-key')] = true; }
        cards.innerHTML = d.cards;
        cards.setAttribute('data-hash', d.hash);
        var again = cards.querySelectorAll('details[data-key]');
        for (var j = 0; j < again.length; j++) {
          if (open[again[j].getAttribute('data-key')]) { again[j].open = true; }
        }
        summary.textContent = d.summary;
        copyButtons(cards);
      }
      asOf.textContent = d.asOfText;
      asOf.setAttribute('datetime', d.asOf);
      body.setAttribute('data-updates', String(Number(body.getAttribute('data-updates') || '0') + 1));
    });
    source.addEventListener('error', function () {
      if (source && source.readyState === EventSource.CLOSED) {
        // Refused (a session that ended?) or gone: ask the page itself; a login form means log in again.
        show('reconnecting');
        source.close();
        source = null;
        retry = setTimeout(function () {
          fetch(window.location.href, { method: 'HEAD', credentials: 'same-origin' }).then(function (r) {
            if (r.status === 401) { window.location.reload(); } else { connect(); }
          }, function () { connect(); });
        }, 10000);
      } else {
        show('reconnecting');
      }
    });
  }

  toggle.addEventListener('click', function () {
    paused = !paused;
    if (paused) {
      if (source) { source.close(); source = null; }
      if (retry) { clearTimeout(retry); retry = null; }
      show('paused');
    } else {
      show('reconnecting');
      connect();
    }
  });

  document.addEventListener('click', function (e) {
    var b = e.target.closest ? e.target.closest('button.copy') : null;
    if (!b) { return; }
    var command = b.getAttribute('data-copy');
    var done = function () { b.textContent = text('copied'); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(command).then(done, function () { select(b); });
    } else {
      select(b);
    }
  });

  // Without the clipboard (plain HTTP on a LAN): select the command, the phone offers to copy it.
  function select(button) {
    var code = button.parentNode.querySelector('code');
    var range = document.createRange();
    range.selectNodeContents(code);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }

  toggle.hidden = false;
  copyButtons(document);
  show('reconnecting');
  connect();
}());
