// The desk's one script: the platform says over Server-Sent Events when the hall's queue changed, and the page
// then shows a notice with a link that loads the queue again. Nothing moves by itself; without script the page
// is the same, less the notice.
(function () {
  'use strict';
  var body = document.body;
  var url = body.getAttribute('data-live-url');
  var hash = body.getAttribute('data-queue-hash');
  var notice = document.getElementById('live-notice');
  if (!url || !notice || typeof EventSource === 'undefined') { return; }
  var source = null;

  function connect() {
    source = new EventSource(url);
    source.addEventListener('open', function () { body.setAttribute('data-live', 'live'); });
    source.addEventListener('queue', function (e) {
      var d = JSON.parse(e.data);
      if (d.hash !== hash) {
        notice.hidden = false;
        body.setAttribute('data-live', 'changed');
      }
    });
    source.addEventListener('error', function () {
      if (source.readyState === EventSource.CLOSED) {
        // Refused (the session ended?) or gone: try again in a while; the page itself still works.
        body.setAttribute('data-live', 'off');
        source.close();
        setTimeout(connect, 15000);
      }
    });
  }
  connect();
}());
