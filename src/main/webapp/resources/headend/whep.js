/*
 * The watch page's "Low latency": plays the stream over WebRTC through the app's WHEP endpoint
 * (data-whep). Janus only offers, so this follows WHEP's counter-offer: POST with no offer, take
 * the 406's offer, answer, PATCH the answer to the session's Location, DELETE it to leave. When
 * WebRTC does not connect within a few seconds (UDP blocked, no Janus) or fails later, the page
 * says so and plays the normal HLS stream through watch.js. The choice is remembered.
 */
(function () {
  var video = document.getElementById('player');
  var toggle = document.getElementById('low-latency');
  var notice = document.getElementById('low-latency-notice');
  var shared = window.HeadendWatch;
  var SIGNAL_MS = 15000;
  var CONNECT_MS = 5000;
  var GATHER_MS = 2000;
  var STORED = 'headend.lowLatency';
  var session = null;

  if (!toggle || !shared || !window.RTCPeerConnection) {
    if (toggle) {
      toggle.disabled = true;
    }
    return;
  }

  function say(text) {
    notice.textContent = text;
    notice.hidden = !text;
  }

  /** ICE servers from the WHEP answer's Link headers (rel="ice-server"). */
  function iceServers(response) {
    var servers = [];
    (response.headers.get('Link') || '').split(/,\s*(?=<)/).forEach(function (link) {
      var url = /^<([^>]+)>/.exec(link);
      if (url && /rel="ice-server"/.test(link)) {
        var server = { urls: url[1] };
        var user = /username="([^"]*)"/.exec(link);
        var credential = /credential="([^"]*)"/.exec(link);
        if (user && credential) {
          server.username = user[1];
          server.credential = credential[1];
        }
        servers.push(server);
      }
    });
    return servers;
  }

  /** Resolves when the answer holds every candidate: nothing is trickled to Janus. */
  function gathered(pc) {
    return new Promise(function (resolve) {
      if (pc.iceGatheringState === 'complete') {
        resolve();
        return;
      }
      var timer = setTimeout(resolve, GATHER_MS);
      pc.addEventListener('icegatheringstatechange', function () {
        if (pc.iceGatheringState === 'complete') {
          clearTimeout(timer);
          resolve();
        }
      });
    });
  }

  function start() {
    stop();
    shared.stopHls();
    video.setAttribute('data-mode', 'connecting');
    var current = { pc: null, location: null, connected: false, timer: null };
    session = current;
    // Signalling may wait for the stream's feed to start (the first viewer's); connecting may not.
    var aborter = window.AbortController ? new AbortController() : null;
    current.timer = setTimeout(function () {
      if (aborter) {
        aborter.abort();
      }
      giveUp(current);
    }, SIGNAL_MS);
    fetch(video.getAttribute('data-whep'), {
      method: 'POST',
      credentials: 'same-origin',
      cache: 'no-store',
      signal: aborter ? aborter.signal : undefined
    })
      .then(function (response) {
        if (response.status !== 406) {
          throw new Error('WHEP answered ' + response.status);
        }
        current.location = response.headers.get('Location');
        if (session !== current) {
          stopSession(current);
          throw new Error('Left before the offer came');
        }
        clearTimeout(current.timer);
        current.timer = setTimeout(function () { giveUp(current); }, CONNECT_MS);
        current.pc = new RTCPeerConnection({ iceServers: iceServers(response) });
        watchConnection(current);
        return response.text();
      })
      .then(function (offer) {
        return current.pc.setRemoteDescription({ type: 'offer', sdp: offer });
      })
      .then(function () { return current.pc.createAnswer(); })
      .then(function (answer) { return current.pc.setLocalDescription(answer); })
      .then(function () { return gathered(current.pc); })
      .then(function () {
        return fetch(current.location, {
          method: 'PATCH',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/sdp' },
          body: current.pc.localDescription.sdp
        });
      })
      .then(function (response) {
        if (response.status !== 204) {
          throw new Error('WHEP PATCH answered ' + response.status);
        }
      })
      .catch(function () { giveUp(current); });
  }

  /** The session did not connect in time or failed: HLS plays instead, if it is still ours. */
  function giveUp(current) {
    if (session === current && !current.connected) {
      fallBack();
    }
  }

  function watchConnection(current) {
    var pc = current.pc;
    pc.ontrack = function (event) {
      if (session === current && video.srcObject !== event.streams[0]) {
        video.srcObject = event.streams[0];
        video.play().catch(function () {});
      }
    };
    pc.onconnectionstatechange = function () {
      if (session !== current) {
        return;
      }
      if (pc.connectionState === 'connected') {
        current.connected = true;
        clearTimeout(current.timer);
        video.setAttribute('data-mode', 'webrtc');
        say('');
      } else if (pc.connectionState === 'failed' || pc.connectionState === 'closed') {
        current.connected = false;
        fallBack();
      }
    };
  }

  /** Leaves the WHEP session (its Janus session ends with it) and the video. */
  function stop() {
    var ending = session;
    session = null;
    if (ending) {
      clearTimeout(ending.timer);
      stopSession(ending);
    }
    if (video.srcObject) {
      video.srcObject = null;
    }
    video.removeAttribute('data-mode');
  }

  function stopSession(ending) {
    if (ending.location) {
      fetch(ending.location, { method: 'DELETE', credentials: 'same-origin', keepalive: true }).catch(function () {});
    }
    if (ending.pc) {
      ending.pc.close();
    }
  }

  function fallBack() {
    stop();
    toggle.checked = false;
    say('Low latency is not available here; playing the normal stream.');
    video.setAttribute('data-mode', 'hls-fallback');
    if (shared.isLive()) {
      shared.startHls();
    }
  }

  shared.lowLatency = {
    wanted: function () { return toggle.checked; },
    active: function () { return session !== null; },
    start: start,
    stop: stop,
    // The live PeerConnection, for a look at its getStats() from the browser's console.
    peer: function () { return session && session.pc; }
  };

  toggle.addEventListener('change', function () {
    try {
      localStorage.setItem(STORED, toggle.checked ? 'on' : 'off');
    } catch (e) {
      // Storage may be off; the choice then lasts for this page only.
    }
    say('');
    if (!shared.isLive()) {
      return;
    }
    if (toggle.checked) {
      start();
    } else {
      stop();
      shared.startHls();
    }
  });

  window.addEventListener('pagehide', stop);

  try {
    toggle.checked = localStorage.getItem(STORED) === 'on';
  } catch (e) {
    toggle.checked = false;
  }
  if (toggle.checked && shared.isLive()) {
    start();
  }
})();
