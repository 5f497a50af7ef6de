/* Headend console: live push dispatch, theme toggle, copy buttons. No framework beyond PrimeFaces. */
var headend = window.headend || {};

headend.push = (function () {
  var handlers = {};
  var latencies = [];
  return {
    /** Pages register what to do with a kind of message ("state", "created", "deleted", "figures"). */
    on: function (type, handler) {
      (handlers[type] = handlers[type] || []).push(handler);
    },
    receive: function (message) {
      (handlers[message.type] || []).forEach(function (handler) { handler(message); });
      if (message.at) {
        // Server clock and browser clock are the same machine's in the benchmark; see bench/push-latency.sh.
        latencies.push(Date.now() - message.at);
        document.body.setAttribute('data-push-count', String(latencies.length));
      }
    },
    /** Also tells the pages' "open" handlers: what changed between rendering and now was not pushed to them. */
    opened: function () {
      document.body.setAttribute('data-push', 'open');
      (handlers.open || []).forEach(function (handler) { handler(); });
    },
    latencies: latencies
  };
})();

headend.toggleTheme = function () {
  var dark = !document.body.classList.contains('theme-dark');
  document.cookie = 'headend-theme=' + (dark ? 'dark' : 'light') + '; path=/; max-age=31536000; samesite=lax';
  document.body.classList.toggle('theme-dark', dark);
  document.body.classList.toggle('theme-light', !dark);
  var links = document.querySelectorAll('link[href*="theme.css"]');
  links.forEach(function (link) {
    link.href = link.href.replace(/primefaces-(saga|arya)-blue/, 'primefaces-' + (dark ? 'arya' : 'saga') + '-blue');
  });
  var toggle = document.getElementById('theme-toggle');
  if (toggle) {
    toggle.textContent = dark ? 'Light' : 'Dark';
  }
};

/** Shows the fields that belong to the chosen input type (SRT: port and passphrase; UDP: port and group). */
headend.showInputFields = function (type) {
  document.querySelectorAll('[data-input-for]').forEach(function (field) {
    field.hidden = field.getAttribute('data-input-for').split(' ').indexOf(type) < 0;
  });
};

headend.copy = function (sourceId, button) {
  var source = document.getElementById(sourceId);
  var text = source.value !== undefined ? source.value : source.textContent;
  var done = function () {
    button.textContent = 'Copied';
    setTimeout(function () { button.textContent = 'Copy'; }, 1500);
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(done);
  } else {
    source.select && source.select();
    document.execCommand('copy');
    done();
  }
};

/** Updates every element that shows a stream's state ([data-state-of=id]). */
headend.showState = function (id, state) {
  document.querySelectorAll('[data-state-of="' + id + '"]').forEach(function (el) {
    el.textContent = state;
    el.className = 'state state-' + state;
  });
  if (state === 'OFFLINE') {
    document.querySelectorAll('[data-figures-of="' + id + '"] [data-figure]').forEach(function (el) {
      el.textContent = '';
    });
  }
};

/** Fills [data-figures-of=id] [data-figure=key] from a pushed "figures" message. */
headend.showFigures = function (message) {
  message.streams.forEach(function (s) {
    document.querySelectorAll('[data-figures-of="' + s.id + '"] [data-figure]').forEach(function (el) {
      el.textContent = s[el.getAttribute('data-figure')];
    });
  });
};
