/*
 * Glass-to-glass reader for bench/webrtc-latency.sh and bench/webrtc-viewers.sh, injected by the
 * bench classes into a page of the app's origin (never served by the app). It reads the wall
 * clock code TimecodeSource draws into each frame (24 bits of milliseconds modulo 2^24, one
 * 24x24 block per bit on a black strip at the top of 640x360, least significant bit left) from
 * every frame a <video> presents (requestVideoFrameCallback, then the strip drawn into a canvas)
 * and subtracts it from Date.now(): the same machine's clock, so the difference is the latency
 * from the frame's release by the source to its presentation here. It also opens WebRTC
 * receivers: over the app's WHEP endpoint (the draft's counter-offer flow Janus 1.1.2 needs:
 * POST, 406 with the server's offer and a Location, the answer by PATCH) or straight
 * through a Janus HTTP API (the bench's own Janus, no bridge of the app's in the path).
 */
window.glass = (function () {
  var MOD = 16777216; // 2^24
  var W = 640, STRIP = 40, FRAME_H = 360;
  var samples = {};
  var unreadable = {};
  var viewers = [];
  var setups = [];
  var failures = [];

  function lum(px, x, y) {
    var sum = 0;
    for (var dy = -2; dy <= 2; dy++) {
      for (var dx = -2; dx <= 2; dx++) {
        var i = ((y + dy) * W + x + dx) * 4;
        sum += (px[i] * 299 + px[i + 1] * 587 + px[i + 2] * 114) / 1000;
      }
    }
    return sum / 25;
  }

  // null when the strip is not there or a block is neither clearly black nor clearly white
  // (a frame still being refined after a keyframe, or a scaled rendition's blur).
  function decode(px) {
    if (lum(px, 3, 20) > 60) {
      return null;
    }
    var value = 0;
    for (var bit = 0; bit < 24; bit++) {
      var l = lum(px, 8 + bit * 26 + 12, 20);
      if (l > 70 && l < 185) {
        return null;
      }
      if (l >= 185) {
        value += Math.pow(2, bit);
      }
    }
    return value;
  }

  function read(video, name) {
    samples[name] = [];
    unreadable[name] = 0;
    var canvas = document.createElement('canvas');
    canvas.width = W;
    canvas.height = STRIP;
    var ctx = canvas.getContext('2d', { willReadFrequently: true });
    var last = -1;
    function onFrame() {
      var presented = Date.now();
      var vw = video.videoWidth, vh = video.videoHeight;
      if (vw && vh) {
        ctx.drawImage(video, 0, 0, vw, vh * STRIP / FRAME_H, 0, 0, W, STRIP);
        var code = decode(ctx.getImageData(0, 0, W, STRIP).data);
        if (code === null) {
          unreadable[name]++;
        } else if (code !== last) {
          last = code;
          var latency = ((presented % MOD) - code + MOD) % MOD;
          // Beyond half the modulus it is a misread (or a clock step), not a latency.
          if (latency < MOD / 2) {
            samples[name].push([presented, latency]);
          } else {
            unreadable[name]++;
          }
        }
      }
      video.requestVideoFrameCallback(onFrame);
    }
    video.requestVideoFrameCallback(onFrame);
  }

  function video(id) {
    var v = document.createElement('video');
    v.id = id;
    v.muted = true;
    v.autoplay = true;
    v.playsInline = true;
    v.width = 640;
    v.height = 360;
    document.body.appendChild(v);
    return v;
  }

  function gathered(pc) {
    return new Promise(function (resolve) {
      if (pc.iceGatheringState === 'complete') {
        return resolve();
      }
      pc.addEventListener('icegatheringstatechange', function () {
        if (pc.iceGatheringState === 'complete') {
          resolve();
        }
      });
      setTimeout(resolve, 1000);
    });
  }

  // As the app's own player (whep.js) does: POST with no offer, take the 406's offer, PATCH the answer.
  async function whep(url, videoOnly) {
    var r = await fetch(url, { method: 'POST', credentials: 'same-origin', cache: 'no-store' });
    var location = r.headers.get('Location');
    var sdp = await r.text();
    if (r.status !== 406) {
      throw new Error('WHEP POST: ' + r.status + ' ' + sdp);
    }
    var pc = new RTCPeerConnection();
    await pc.setRemoteDescription({ type: 'offer', sdp: sdp });
    if (videoOnly) {
      // Audio declined in the answer: no audio to hold the video back for lip sync.
      pc.getTransceivers().forEach(function (t) {
        if (t.receiver.track.kind === 'audio') {
          t.direction = 'inactive';
        }
      });
    }
    await pc.setLocalDescription(await pc.createAnswer());
    await gathered(pc);
    var session = new URL(location, url).href;
    var p = await fetch(session, {
      method: 'PATCH',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/sdp' },
      body: pc.localDescription.sdp
    });
    if (p.status !== 204) {
      throw new Error('WHEP PATCH: ' + p.status + ' ' + (await p.text()));
    }
    pc.headendSession = session;
    return pc;
  }

  async function janus(api, secret, mountpoint) {
    async function post(path, body) {
      body.transaction = Math.random().toString(36).slice(2);
      body.apisecret = secret;
      // text/plain: a simple request, no CORS preflight.
      var r = await fetch(api + path, { method: 'POST', body: JSON.stringify(body) });
      var json = await r.json();
      if (json.janus === 'error') {
        throw new Error(JSON.stringify(json.error));
      }
      return json;
    }
    var session = (await post('', { janus: 'create' })).data.id;
    var handle = (await post('/' + session, { janus: 'attach', plugin: 'janus.plugin.streaming' })).data.id;
    await post('/' + session + '/' + handle, { janus: 'message', body: { request: 'watch', id: mountpoint } });
    var offer = null;
    for (var i = 0; i < 20 && !offer; i++) {
      var events = await (await fetch(api + '/' + session + '?maxev=5&apisecret=' + encodeURIComponent(secret))).json();
      [].concat(events).forEach(function (e) {
        if (e.jsep) {
          offer = e.jsep;
        }
      });
    }
    if (!offer) {
      throw new Error('no offer from Janus');
    }
    var pc = new RTCPeerConnection();
    await pc.setRemoteDescription(offer);
    await pc.setLocalDescription(await pc.createAnswer());
    await gathered(pc);
    await post('/' + session + '/' + handle, {
      janus: 'message',
      body: { request: 'start' },
      jsep: { type: 'answer', sdp: pc.localDescription.sdp }
    });
    // Janus ends a session after 60 s without a request: short keep-alives, no long polls
    // (one page holds many sessions, and Chromium allows six connections per host).
    pc.keepAlive = setInterval(function () {
      post('/' + session, { janus: 'keepalive' }).catch(function () {});
    }, 20000);
    return pc;
  }

  function attach(pc, v) {
    var stream = new MediaStream();
    pc.getReceivers().forEach(function (r) {
      stream.addTrack(r.track);
    });
    v.srcObject = stream;
    v.play().catch(function () {});
  }

  return {
    read: read,
    video: video,

    /**
     * Plays over WebRTC into a new <video id=name> and reads it. kind: 'whep', 'whep-video' (audio
     * declined) or 'janus'.
     */
    watch: function (name, kind, a, b, c) {
      var v = video(name);
      var opening = kind === 'janus' ? janus(a, b, c) : whep(a, kind === 'whep-video');
      return opening.then(function (pc) {
        attach(pc, v);
        read(v, name);
        return 'ok';
      }, function (e) {
        failures.push(name + ': ' + e.message);
        return 'failed: ' + e.message;
      });
    },

    /** n more receive-only viewers (no <video>: they receive and decode, nothing is shown). */
    addViewers: async function (n, kind, a, b, c) {
      for (var i = 0; i < n; i++) {
        var t0 = performance.now();
        try {
          var pc = kind === 'whep' ? await whep(a) : await janus(a, b, c);
          setups.push(performance.now() - t0);
          viewers.push(pc);
        } catch (e) {
          failures.push(e.message);
        }
      }
      return viewers.length;
    },

    /** Per viewer: [ICE state, video packets received, frames decoded]. */
    viewerStats: async function () {
      var out = [];
      for (var i = 0; i < viewers.length; i++) {
        var packets = 0, frames = 0;
        (await viewers[i].getStats()).forEach(function (s) {
          if (s.type === 'inbound-rtp' && s.kind === 'video') {
            packets += s.packetsReceived || 0;
            frames += s.framesDecoded || 0;
          }
        });
        out.push([viewers[i].iceConnectionState, packets, frames]);
      }
      return out;
    },

    closeViewers: async function () {
      while (viewers.length) {
        var pc = viewers.pop();
        clearInterval(pc.keepAlive);
        if (pc.headendSession) {
          await fetch(pc.headendSession, { method: 'DELETE', credentials: 'same-origin' }).catch(function () {});
        }
        pc.close();
      }
      return true;
    },

    viewerCount: function () { return viewers.length; },
    samples: function () { return samples; },
    unreadable: function () { return unreadable; },
    setups: function () { return setups; },
    failures: function () { return failures; }
  };
})();
