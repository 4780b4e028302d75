/* dutyreport: sorts and filters the tables a layout marks. A table with
   data-sort gets header buttons that sort its rows (aria-sort on the header
   cell); one with data-filter gets a filter box above it that hides the rows
   without the typed text and says how many are shown. A cell's
   data-sort-value, when present, is what it sorts by. Without scripts the
   tables are as the page wrote them: this file adds everything it uses. */
(function () {
  'use strict';
  var script = document.currentScript || document.querySelector('script[data-label-filter]');
  var labelFilter = (script && script.getAttribute('data-label-filter')) || 'Filter';
  var labelCount = (script && script.getAttribute('data-label-count')) || '%[1]s / %[2]s';
  var lang = document.documentElement.lang || undefined;
  var collator = new Intl.Collator(lang, { numeric: true });
  var seq = 0;

  // fold makes text comparable as a reader means it: full-width ASCII and
  // spaces folded to half-width, lower case, runs of space as one.
  function fold(s) {
    return s.replace(/[\uff01-\uff5e]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xfee0); })
      .replace(/[\u3000\s]+/g, ' ').trim().toLowerCase();
  }

  // groups splits a table body into the runs of rows that belong together:
  // a row with a cell spanning rows takes the rows it spans along.
  function groups(body) {
    var rows = Array.prototype.slice.call(body.rows);
    var out = [];
    var spans = false;
    for (var i = 0; i < rows.length;) {
      var end = i + 1;
      for (var j = i; j < end && j < rows.length; j++) {
        for (var k = 0; k < rows[j].cells.length; k++) {
          var span = rows[j].cells[k].rowSpan || 1;
          if (span > 1) {
            spans = true;
            end = Math.max(end, j + span);
          }
        }
      }
      end = Math.min(end, rows.length);
      out.push(rows.slice(i, end));
      i = end;
    }
    return { list: out, spans: spans };
  }

  // cellAt finds the cell of row under column col, counting column spans.
  function cellAt(row, col) {
    var at = 0;
    for (var i = 0; i < row.cells.length; i++) {
      at += row.cells[i].colSpan || 1;
      if (at > col) {
        return row.cells[i];
      }
    }
    return null;
  }

  // value is what a cell sorts by: "" for nothing (blank, — or -), a number
  // for a number as the pages write them (91.50, 3, +3, -2, 1,020), else its
  // text.
  var numberRe = /^[+\-\u2212]?\d+(\.\d+)?%?$/;
  var emptyRe = /^[\u2014\u2013\-\u2212\/]?$/;
  function value(cell) {
    if (!cell) {
      return '';
    }
    var text = cell.hasAttribute('data-sort-value') ? cell.getAttribute('data-sort-value') : cell.textContent;
    text = fold(text);
    if (emptyRe.test(text)) {
      return '';
    }
    var n = text.replace(/,/g, '').replace(/\u2212/g, '-').replace(/%$/, '');
    return numberRe.test(text.replace(/,/g, '')) ? { n: parseFloat(n) } : text;
  }

  function sortable(table, body, rowGroups) {
    var head = table.tHead && table.tHead.rows[table.tHead.rows.length - 1];
    if (!head) {
      return;
    }
    var headers = [];
    var col = 0;
    Array.prototype.forEach.call(head.cells, function (th) {
      var at = col;
      col += th.colSpan || 1;
      if (th.colSpan > 1) {
        return; // a header over several columns sorts none of them
      }
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      while (th.firstChild) {
        button.appendChild(th.firstChild);
      }
      var arrow = document.createElement('span');
      arrow.className = 'sort-arrow';
      arrow.setAttribute('aria-hidden', 'true');
      button.appendChild(arrow);
      th.appendChild(button);
      var initial = th.getAttribute('data-sorted');
      if (initial === 'ascending' || initial === 'descending') {
        th.setAttribute('aria-sort', initial);
      }
      headers.push(th);
      button.addEventListener('click', function () {
        var dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
        sortBy(at, dir);
        headers.forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', dir);
      });
    });

    function sortBy(at, dir) {
      var keyed = rowGroups.map(function (g, i) { return { rows: g, v: value(cellAt(g[0], at)), i: i }; });
      var numeric = keyed.every(function (k) { return k.v === '' || typeof k.v === 'object'; });
      var sign = dir === 'ascending' ? 1 : -1;
      keyed.sort(function (a, b) {
        // Blanks go last in either direction; ties keep the page's order.
        if (a.v === '' || b.v === '') {
          return (a.v === '') - (b.v === '') || a.i - b.i;
        }
        var c;
        if (numeric) {
          c = a.v.n - b.v.n;
        } else {
          c = collator.compare(typeof a.v === 'object' ? String(a.v.n) : a.v, typeof b.v === 'object' ? String(b.v.n) : b.v);
        }
        return sign * c || a.i - b.i;
      });
      var frag = document.createDocumentFragment();
      keyed.forEach(function (k) { k.rows.forEach(function (r) { frag.appendChild(r); }); });
      body.appendChild(frag);
    }
  }

  function filterable(table, body, rowGroups) {
    var id = 'table-filter-' + (++seq);
    var box = document.createElement('div');
    box.className = 'table-filter';
    var label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = labelFilter;
    var input = document.createElement('input');
    input.type = 'search';
    input.id = id;
    input.autocomplete = 'off';
    if (table.id) {
      input.setAttribute('aria-controls', table.id);
    }
    var count = document.createElement('span');
    count.className = 'table-count';
    count.setAttribute('role', 'status');
    count.setAttribute('aria-live', 'polite');
    box.appendChild(label);
    box.appendChild(document.createTextNode(' '));
    box.appendChild(input);
    box.appendChild(document.createTextNode(' '));
    box.appendChild(count);
    table.parentNode.insertBefore(box, table);

    var texts = rowGroups.map(function (g) {
      return fold(g.map(function (r) { return r.textContent; }).join(' '));
    });
    function shown(g) {
      return g.some(function (r) { return !r.hidden && r.style.display !== 'none'; });
    }
    function say() {
      var n = rowGroups.filter(shown).length;
      count.textContent = labelCount.replace('%[1]s', n).replace('%[2]s', rowGroups.length);
    }
    function apply() {
      var terms = fold(input.value).split(' ').filter(Boolean);
      rowGroups.forEach(function (g, i) {
        var match = terms.every(function (t) { return texts[i].indexOf(t) >= 0; });
        g.forEach(function (r) { r.style.display = match ? '' : 'none'; });
      });
      say();
    }
    input.addEventListener('input', apply);
    // Another script that hides rows (the restrictions' date) says so.
    table.addEventListener('rowschange', say);
    say();
  }

  // A printed table repeats its header row on each page, but Chromium
  // paints a repeated row's buttons blank: on paper the headers are text.
  var printed = [];
  window.addEventListener('beforeprint', function () {
    Array.prototype.forEach.call(document.querySelectorAll('th > button.sort'), function (b) {
      var text = document.createElement('span');
      text.textContent = b.textContent;
      b.parentNode.replaceChild(text, b);
      printed.push([b, text]);
    });
  });
  window.addEventListener('afterprint', function () {
    printed.forEach(function (p) { p[1].parentNode.replaceChild(p[0], p[1]); });
    printed = [];
  });

  Array.prototype.forEach.call(document.querySelectorAll('table[data-sort], table[data-filter]'), function (table) {
    var body = table.tBodies[0];
    if (!body || table.tBodies.length > 1) {
      return;
    }
    var g = groups(body);
    // Rows that a cell spans belong together: such a table is filtered by
    // its runs of rows, and never sorted.
    if (table.hasAttribute('data-sort') && !g.spans) {
      sortable(table, body, g.list);
    }
    if (table.hasAttribute('data-filter')) {
      filterable(table, body, g.list);
    }
  });
}());
