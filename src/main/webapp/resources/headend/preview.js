/* The stream page's preview: hls.js (bundled from a WebJar) where MSE exists, native HLS elsewhere.
   hls.js errors are kept on the video element (data-hls-errors: every one; data-hls-fatal: the
   fatal one that stopped playback), for the operator's devtools and for the browser tests. */
headend.preview = (function () {
  var video, hls, live;

  function noteError(event, data) {
    var what = data.type + ' ' + data.details;
    video.setAttribute('data-hls-errors', (video.getAttribute('data-hls-errors') || '') + what + ';');
    if (data.fatal) {
      video.setAttribute('data-hls-fatal', what);
    }
  }

  function start() {
    var src = video.getAttribute('data-src');
    stop();
    if (window.Hls && Hls.isSupported()) {
      hls = new Hls({ liveDurationInfinity: true, manifestLoadingMaxRetry: 6, manifestLoadingRetryDelay: 1000 });
      hls.loadSource(src);
      hls.attachMedia(video);
      hls.on(Hls.Events.ERROR, noteError);
      hls.on(Hls.Events.MANIFEST_PARSED, function () { video.play().catch(function () {}); });
    } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
      video.src = src;
      video.play().catch(function () {});
    }
  }

  function stop() {
    if (hls) {
      hls.destroy();
      hls = null;
    }
  }

  return {
    attach: function (element, id, state) {
      video = element;
      live = state === 'LIVE';
      if (live) {
        start();
      }
    },
    stateChanged: function (state) {
      var nowLive = state === 'LIVE';
      if (nowLive && !live) {
        start();
      } else if (!nowLive && live && state === 'OFFLINE') {
        stop();
      }
      live = nowLive;
    }
  };
})();
