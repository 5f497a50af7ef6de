/*
 * The watch page: hls.js (bundled from a WebJar) plays the signed URL the page was given, the
 * quality menu lists hls.js's levels (Auto lets hls.js choose), and the status is polled, since
 * viewers of public streams have no console session for push. whep.js's "Low latency" may take
 * over from HLS through window.HeadendWatch (and hand back to it when WebRTC cannot connect).
 */
(function () {
  var video = document.getElementById('player');
  var quality = document.getElementById('quality');
  var stateLabel = document.getElementById('watch-state');
  var viewersLabel = document.getElementById('watch-viewers');
  var offline = document.getElementById('watch-offline');
  var POLL_MS = 5000;
  var hls = null;
  var state = video.getAttribute('data-state');
  var shared = window.HeadendWatch = window.HeadendWatch || {};

  function label(level) {
    return level.height ? level.height + 'p' : Math.round(level.bitrate / 1000) + ' kb/s';
  }

  function listLevels(levels) {
    quality.length = 1;
    levels.forEach(function (level, i) {
      var option = document.createElement('option');
      option.value = String(i);
      option.textContent = label(level);
      quality.appendChild(option);
    });
  }

  function start() {
    stop();
    if (shared.lowLatency && shared.lowLatency.wanted()) {
      shared.lowLatency.start();
      return;
    }
    startHls();
  }

  function startHls() {
    stopHls();
    var src = video.getAttribute('data-src');
    if (window.Hls && Hls.isSupported()) {
      hls = new Hls({ liveDurationInfinity: true, manifestLoadingMaxRetry: 6, manifestLoadingRetryDelay: 1000 });
      hls.on(Hls.Events.MANIFEST_PARSED, function (event, data) {
        listLevels(data.levels);
        video.play().catch(function () {});
      });
      hls.loadSource(src);
      hls.attachMedia(video);
    } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
      // Safari plays HLS itself and chooses the quality on its own.
      video.src = src;
      video.play().catch(function () {});
    }
  }

  function stop() {
    if (shared.lowLatency) {
      shared.lowLatency.stop();
    }
    stopHls();
  }

  function stopHls() {
    if (hls) {
      hls.destroy();
      hls = null;
    }
  }

  function show(newState) {
    stateLabel.textContent = newState;
    stateLabel.className = 'state state-' + newState;
    offline.style.display = newState === 'LIVE' ? 'none' : 'block';
    var playing = hls || (shared.lowLatency && shared.lowLatency.active());
    if (newState === 'LIVE' && (state !== 'LIVE' || !playing)) {
      start();
    } else if (newState === 'OFFLINE' && state !== 'OFFLINE') {
      stop();
    }
    state = newState;
  }

  function poll() {
    fetch(video.getAttribute('data-status'), { credentials: 'same-origin', cache: 'no-store' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (status) {
        if (status) {
          show(status.state);
          viewersLabel.textContent = status.viewers === 1 ? '1 viewer' : status.viewers + ' viewers';
        }
      })
      .catch(function () {})
      .then(function () { setTimeout(poll, POLL_MS); });
  }

  quality.addEventListener('change', function () {
    if (hls) {
      hls.currentLevel = Number(quality.value);
    }
  });

  shared.startHls = startHls;
  shared.stopHls = stopHls;
  shared.isLive = function () { return state === 'LIVE'; };

  show(state);
  setTimeout(poll, POLL_MS);
})();
