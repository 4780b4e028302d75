/* The reader's text size and contrast (适老化): two buttons in the page's
   header, kept in localStorage for every page of the site. Without
   scripts the buttons stay hidden and the page shows at its default. This
   file runs in the head, before the page is drawn, so a chosen size does
   not flash by at the default first. */
(function () {
  'use strict';
  var root = document.documentElement;
  var sizes = ['', 'text-large', 'text-larger'];
  function get(key) {
    try { return window.localStorage.getItem(key) || ''; } catch (e) { return ''; }
  }
  function set(key, value) {
    try { window.localStorage.setItem(key, value); } catch (e) { /* private mode: this page only */ }
  }
  var size = sizes.indexOf(get('dutyreport-text'));
  if (size < 0) {
    size = 0;
  }
  var contrast = get('dutyreport-contrast') === 'high';
  function apply() {
    sizes.forEach(function (s) { if (s) { root.classList.toggle(s, sizes[size] === s); } });
    root.classList.toggle('contrast', contrast);
    var b = document.getElementById('pref-text');
    if (b) {
      b.setAttribute('aria-pressed', size > 0 ? 'true' : 'false');
      document.getElementById('pref-contrast').setAttribute('aria-pressed', contrast ? 'true' : 'false');
    }
  }
  apply();
  document.addEventListener('DOMContentLoaded', function () {
    var box = document.querySelector('.prefs');
    if (!box) {
      return;
    }
    box.hidden = false;
    document.getElementById('pref-text').addEventListener('click', function () {
      size = (size + 1) % sizes.length;
      set('dutyreport-text', sizes[size]);
      apply();
    });
    document.getElementById('pref-contrast').addEventListener('click', function () {
      contrast = !contrast;
      set('dutyreport-contrast', contrast ? 'high' : '');
      apply();
    });
    apply();
  });
}());
