// Sorting and filtering of the secrets table. The table is complete
// without this script; it only reorders and hides rows.
(function () {
  'use strict';
  var table = document.getElementById('secret-table');
  if (!table) {
    return;
  }
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  rows.forEach(function (row, i) { row.dataset.order = String(i); });
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells).filter(function (th) {
    return th.dataset.key;
  });
  var filter = document.getElementById('filter');
  var minSeverity = document.getElementById('min-severity');
  var presentOnly = document.getElementById('present-only');
  var shown = document.getElementById('shown');
  var noMatch = document.getElementById('no-match');

  function value(row, key, type) {
    var v = row.dataset[key] || '';
    if (type === 'num') {
      return v === '' ? null : Number(v);
    }
    return v;
  }

  // sortBy orders the rows by one column; rows without a value (no date)
  // go last either way, and ties keep the report's order.
  function sortBy(th, dir) {
    var key = th.dataset.key, type = th.dataset.type, sign = dir === 'asc' ? 1 : -1;
    rows.sort(function (a, b) {
      var x = value(a, key, type), y = value(b, key, type);
      if (x === null || y === null) {
        if (x !== y) {
          return x === null ? 1 : -1;
        }
      } else if (x !== y) {
        if (type === 'num') {
          return sign * (x - y);
        }
        return sign * (x < y ? -1 : 1);
      }
      return Number(a.dataset.order) - Number(b.dataset.order);
    });
    rows.forEach(function (row) { tbody.appendChild(row); });
    headers.forEach(function (h) { h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', dir === 'asc' ? 'ascending' : 'descending');
  }

  headers.forEach(function (th) {
    th.querySelector('button').addEventListener('click', function () {
      var current = th.getAttribute('aria-sort');
      var dir = th.dataset.dir;
      if (current === 'ascending') {
        dir = 'desc';
      } else if (current === 'descending') {
        dir = 'asc';
      }
      sortBy(th, dir);
    });
  });

  // apply hides the rows, and the secrets' sections below, that the
  // filter words, the minimum severity or "still present" leave out.
  function apply() {
    var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    var min = Number(minSeverity.value);
    var n = 0;
    rows.forEach(function (row) {
      var text = row.dataset.filter;
      var ok = Number(row.dataset.severity) >= min &&
        (!presentOnly.checked || Number(row.dataset.present) > 0) &&
        words.every(function (w) { return text.indexOf(w) >= 0; });
      row.hidden = !ok;
      var section = document.getElementById(row.dataset.id);
      if (section) {
        section.hidden = !ok;
      }
      if (ok) {
        n++;
      }
    });
    shown.textContent = n + ' of ' + rows.length;
    noMatch.hidden = n > 0;
  }
  filter.addEventListener('input', apply);
  minSeverity.addEventListener('change', apply);
  presentOnly.addEventListener('change', apply);

  // A link to a secret opens its section.
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (el && el.tagName === 'DETAILS') {
      el.open = true;
    }
  }
  window.addEventListener('hashchange', openTarget);
  openTarget();
})();
