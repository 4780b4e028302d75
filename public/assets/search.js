/* dutyreport: the search page. It reads ?q= and lists the units and notices
   of the index (assets/search-index.js, made at build time) that match:
   a unit by its code, its name or a former name; a notice by its case
   number, its title or its unit's name. Every word typed must match, as a
   substring, after full-width letters and digits are folded to half-width
   and case is ignored. Without scripts the page lists every unit and notice. */
(function () {
  'use strict';
  var index = window.dutyreportSearch;
  var out = document.getElementById('search-results');
  var all = document.getElementById('search-all');
  var status = document.getElementById('search-status');
  var input = document.getElementById('search-q');
  if (!index || !out || !all || !status || !input) {
    return;
  }
  var label = function (name) { return out.getAttribute('data-label-' + name) || ''; };
  // The index's paths are from the site root; data-root leads there from
  // the page ("" at the root).
  var root = out.getAttribute('data-root') || '';

  function fold(s) {
    return String(s).replace(/[\uff01-\uff5e]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xfee0); })
      .replace(/[\u3000\s]+/g, ' ').trim().toLowerCase();
  }

  var units = index.units.map(function (u) {
    return { u: u, code: fold(u.code), name: fold(u.name), text: fold([u.code, u.name].concat(u.former).join(' ')) };
  });
  var notices = index.notices.map(function (n, i) {
    return { n: n, i: i, text: fold([n.number, n.title, n.unit, n.unit_code].join(' ')) };
  });

  function matches(text, terms) {
    return terms.every(function (t) { return text.indexOf(t) >= 0; });
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) {
      e.className = cls;
    }
    if (text !== undefined) {
      e.textContent = text;
    }
    return e;
  }

  function item(href, title, note) {
    var li = el('li');
    var a = el('a', '', title);
    a.href = root + href;
    li.appendChild(a);
    li.appendChild(document.createTextNode(' '));
    li.appendChild(el('span', 'muted', note));
    return li;
  }

  function fill(n, s) {
    return s.replace('%[1]s', n[0]).replace('%[2]s', n[1]);
  }

  function show(q) {
    var terms = fold(q).split(' ').filter(Boolean);
    out.textContent = '';
    if (terms.length === 0) {
      out.hidden = true;
      all.hidden = false;
      status.textContent = '';
      return;
    }
    var q0 = terms.join(' ');
    // A unit whose code or name is the query comes first, then those whose
    // name starts with it, then the rest, each in the index's order (code).
    var foundUnits = units.filter(function (x) { return matches(x.text, terms); }).map(function (x, i) {
      var rank = x.code === q0 || x.name === q0 ? 0 : x.name.indexOf(q0) === 0 ? 1 : 2;
      return { x: x, rank: rank, i: i };
    }).sort(function (a, b) { return a.rank - b.rank || a.i - b.i; }).map(function (r) { return r.x.u; });
    // Notices: the latest year first.
    var foundNotices = notices.filter(function (x) { return matches(x.text, terms); })
      .sort(function (a, b) { return b.n.year - a.n.year || a.i - b.i; }).map(function (x) { return x.n; });

    if (foundUnits.length) {
      var sec = el('section');
      sec.appendChild(el('h2', '', label('units') + label('paren').replace('%s', foundUnits.length)));
      var ul = el('ul', 'search-list');
      foundUnits.forEach(function (u) {
        var note = u.code + ' ' + u.category;
        if (u.former.length) {
          note += label('comma') + label('former') + label('colon') + u.former.join(label('sep'));
        }
        ul.appendChild(item(u.path, u.name, note));
      });
      sec.appendChild(ul);
      out.appendChild(sec);
    }
    if (foundNotices.length) {
      var sec2 = el('section');
      sec2.appendChild(el('h2', '', label('notices') + label('paren').replace('%s', foundNotices.length)));
      var ul2 = el('ul', 'search-list');
      foundNotices.forEach(function (n) {
        ul2.appendChild(item(n.path, n.title, n.number + ' ' + n.unit + ' ' + n.year + label('year')));
      });
      sec2.appendChild(ul2);
      out.appendChild(sec2);
    }
    out.hidden = false;
    all.hidden = true;
    status.textContent = foundUnits.length + foundNotices.length > 0
      ? fill([foundUnits.length, foundNotices.length], label('found'))
      : label('none').replace('%[1]s', q.trim());
  }

  var q = new URLSearchParams(window.location.search).get('q') || '';
  input.value = q;
  // Typing narrows the list at once; submitting the form loads the page
  // again with ?q=, which works from a local folder too.
  input.addEventListener('input', function () { show(input.value); });
  show(q);
}());
