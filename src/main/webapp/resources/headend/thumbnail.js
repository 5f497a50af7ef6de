/* The stream page's thumbnail: reloaded every few seconds while the stream is on the air, hidden while there is none. */
headend.thumbnail = (function () {
  var PERIOD_MS = 5000;
  var img, timer;

  function reload() {
    // A new URL each time: the answer is no-store, but an unchanged src would not be fetched again.
    img.src = img.getAttribute('data-src') + '?t=' + Date.now();
  }

  function start() {
    if (!timer) {
      reload();
      timer = setInterval(reload, PERIOD_MS);
    }
  }

  function stop() {
    clearInterval(timer);
    timer = null;
    img.hidden = true;
  }

  return {
    attach: function (element, state) {
      img = element;
      img.onload = function () { img.hidden = false; };
      img.onerror = function () { img.hidden = true; };
      if (state !== 'OFFLINE') {
        start();
      }
    },
    stateChanged: function (state) {
      if (state === 'OFFLINE') {
        stop();
      } else {
        start();
      }
    }
  };
})();
