/* The go-live page's WHIP client (RFC 9725): camera and microphone from getUserMedia, one offer
   with every ICE candidate gathered (no trickle, as OBS does), POSTed with a one-off token the
   page fetches by ajax on each Start; Stop sends DELETE to the session's Location. The state is
   kept on the state element (data-state: idle, starting, live, stopping, failed) for people and
   for the browser tests. */
var headend = window.headend || {};
headend.whip = (function () {
  var ui, pc, media, resource, token;
  var GATHER_MS = 3000;

  function show(state, error) {
    ui.state.textContent = state;
    ui.state.setAttribute('data-state', state);
    ui.error.textContent = error || '';
    ui.start.disabled = !(state === 'idle' || state === 'failed');
    ui.stop.disabled = !(state === 'starting' || state === 'live');
  }

  function gathered() {
    return new Promise(function (resolve) {
      if (pc.iceGatheringState === 'complete') { resolve(); return; }
      var timer = setTimeout(resolve, GATHER_MS);
      pc.addEventListener('icegatheringstatechange', function () {
        if (pc.iceGatheringState === 'complete') { clearTimeout(timer); resolve(); }
      });
    });
  }

  /* H.264 first: the bridge copies video into FLV, which carries H.264 only. */
  function preferH264(transceiver) {
    if (!window.RTCRtpSender || !RTCRtpSender.getCapabilities) { return; }
    var codecs = RTCRtpSender.getCapabilities('video').codecs;
    var h264 = codecs.filter(function (c) { return c.mimeType.toLowerCase() === 'video/h264'; });
    if (h264.length && transceiver.setCodecPreferences) {
      transceiver.setCodecPreferences(h264.concat(codecs.filter(function (c) { return h264.indexOf(c) < 0; })));
    }
  }

  async function publish() {
    media = await navigator.mediaDevices.getUserMedia({ video: { width: 1280, height: 720 }, audio: true });
    ui.preview.srcObject = media;
    pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle' });
    media.getTracks().forEach(function (track) {
      var t = pc.addTransceiver(track, { direction: 'sendonly', streams: [media] });
      if (track.kind === 'video') { preferH264(t); }
    });
    pc.addEventListener('connectionstatechange', function () {
      if (pc && pc.connectionState === 'connected') { show('live'); }
      if (pc && (pc.connectionState === 'failed' || pc.connectionState === 'closed')) {
        teardown('failed', 'The connection to the server was lost.');
      }
    });
    await pc.setLocalDescription(await pc.createOffer());
    await gathered();
    var response = await fetch(ui.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/sdp', 'Authorization': 'Bearer ' + token },
      body: pc.localDescription.sdp
    });
    if (response.status !== 201) {
      var problem = await response.json().catch(function () { return {}; });
      throw new Error(problem.detail || ('The server answered ' + response.status));
    }
    resource = new URL(response.headers.get('Location'), window.location.href).href;
    await pc.setRemoteDescription({ type: 'answer', sdp: await response.text() });
  }

  function release() {
    if (pc) { pc.close(); pc = null; }
    if (media) { media.getTracks().forEach(function (t) { t.stop(); }); media = null; }
    ui.preview.srcObject = null;
  }

  /* DELETE before closing: the server stops its bridge while media still flows, which is quickest. */
  async function teardown(state, error) {
    var session = resource;
    resource = null;
    if (session) {
      await fetch(session, { method: 'DELETE', headers: { 'Authorization': 'Bearer ' + token } })
        .catch(function () {});
    }
    release();
    token = null;
    show(state, error);
  }

  function tokenArrived(args) {
    if (!args || !args.token) {
      show('failed', 'The server gave no go-live token.');
      return;
    }
    token = args.token;
    publish().catch(function (e) { teardown('failed', e.message || String(e)); });
  }

  function attach(options) {
    ui = options;
    ui.start.addEventListener('click', function () { show('starting'); ui.askToken(); });
    ui.stop.addEventListener('click', function () { show('stopping'); teardown('idle'); });
    window.addEventListener('pagehide', function () { if (resource) { teardown('idle'); } });
    show('idle');
  }

  return { attach: attach, tokenArrived: tokenArrived };
})();
