/* The dashboard, kept current by push: rows appear, change and disappear without reloading. */
(function () {
  var rows = document.getElementById('dashboard-rows');
  var contextPath = (window.PrimeFaces && PrimeFaces.settings.contextPath) || '';
  var WINDOW = 300;

  function row(id) {
    return rows.querySelector('tr[data-stream-id="' + id + '"]');
  }

  function cell(tr, cls) {
    return tr.querySelector('.' + cls);
  }

  function setState(tr, state) {
    var span = tr.querySelector('.state');
    span.textContent = state;
    span.className = 'state state-' + state;
    if (state === 'OFFLINE') {
      ['input', 'speed', 'uptime', 'viewers'].forEach(function (c) { cell(tr, c).textContent = ''; });
      tr.setAttribute('data-history', '');
      draw(tr);
    }
  }

  function count(state) {
    return rows.querySelectorAll('.state-' + state).length;
  }

  function recount() {
    document.getElementById('count-live').textContent = count('LIVE');
    document.getElementById('count-error').textContent = count('ERROR');
    document.getElementById('count-total').textContent = rows.querySelectorAll('tr').length;
    document.getElementById('dashboard-empty').style.display = rows.querySelector('tr') ? 'none' : 'block';
  }

  function draw(tr) {
    var line = tr.querySelector('polyline');
    var samples = (tr.getAttribute('data-history') || '').split(',').filter(Boolean).map(function (s) {
      var p = s.split(':');
      return [Number(p[0]), Number(p[1])];
    });
    if (!samples.length) {
      line.setAttribute('points', '');
      return;
    }
    var end = samples[samples.length - 1][0];
    var max = Math.max.apply(null, samples.map(function (s) { return s[1]; }).concat([1]));
    line.setAttribute('points', samples.map(function (s) {
      return (WINDOW - (end - s[0])) + ',' + (31 - 30 * s[1] / max).toFixed(1);
    }).join(' '));
  }

  function addRow(id, name) {
    if (row(id)) {
      return;
    }
    var tr = document.createElement('tr');
    tr.setAttribute('data-stream-id', id);
    tr.setAttribute('data-history', '');
    tr.innerHTML = '<td><a class="name"></a></td><td><span class="state state-OFFLINE">OFFLINE</span></td>'
      + '<td class="input hide-narrow"></td><td class="speed hide-narrow"></td><td class="uptime"></td>'
      + '<td class="viewers hide-narrow"></td>'
      + '<td class="hide-narrow"><svg class="spark" viewBox="0 0 300 32" preserveAspectRatio="none" role="img"'
      + ' aria-label="Input bitrate"><polyline points=""/></svg></td>';
    var link = tr.querySelector('a.name');
    link.textContent = name;
    link.href = contextPath + '/stream?id=' + encodeURIComponent(id);
    var after = Array.prototype.find.call(rows.querySelectorAll('tr'), function (other) {
      return other.querySelector('a.name').textContent > name;
    });
    rows.insertBefore(tr, after || null);
  }

  headend.push.on('state', function (m) {
    var tr = row(m.id);
    if (tr) {
      setState(tr, m.state);
      recount();
    }
  });
  headend.push.on('created', function (m) {
    addRow(m.id, m.name);
    recount();
  });
  headend.push.on('deleted', function (m) {
    var tr = row(m.id);
    if (tr) {
      tr.remove();
      recount();
    }
  });
  headend.push.on('figures', function (m) {
    var now = Math.floor(m.at / 1000);
    m.streams.forEach(function (s) {
      var tr = row(s.id);
      if (!tr) {
        return;
      }
      setState(tr, s.state);
      cell(tr, 'input').textContent = s.input;
      cell(tr, 'speed').textContent = s.speed;
      cell(tr, 'uptime').textContent = s.uptime;
      cell(tr, 'viewers').textContent = s.viewers;
      var history = (tr.getAttribute('data-history') || '').split(',').filter(Boolean);
      history.push(now + ':' + s.kbps);
      tr.setAttribute('data-history', history.slice(-WINDOW).join(','));
      draw(tr);
    });
    recount();
  });
  rows.querySelectorAll('tr').forEach(draw);
})();
