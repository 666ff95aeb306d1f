// Progressive enhancement only: every page works without this file; with it, forms go through htmx,
// charts draw, timers run and unsaved text survives a failed save. No business rule lives here.
(function () {
  'use strict';

  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute('content') : null;
  }

  document.addEventListener('htmx:configRequest', function (event) {
    var header = meta('csrf-header'), token = meta('csrf-token');
    if (header && token) { event.detail.headers[header] = token; }
  });

  document.addEventListener('DOMContentLoaded', function () {
    if (window.htmx) {
      // the console's error answers are fragments meant for the same target: show them, don't drop them
      htmx.config.responseHandling = [
        { code: '204', swap: false },
        { code: '[23]..', swap: true },
        { code: '[45]..', swap: true, error: true }
      ];
      htmx.config.allowEval = false;
    }
    enhance(document);
  });
  document.addEventListener('htmx:load', function (event) { enhance(event.target); });

  function enhance(root) {
    each(root, 'canvas[data-chart]', drawChart);
    each(root, '[data-timer]', startTimer);
    each(root, 'form[data-draft-key]', keepDraft);
    each(root, '[data-saved-draft]', function (el) { localStorage.removeItem(el.getAttribute('data-saved-draft')); });
  }

  function each(root, selector, fn) {
    if (root.matches && root.matches(selector)) { fn(root); }
    if (root.querySelectorAll) { root.querySelectorAll(selector).forEach(fn); }
  }

  // Okabe-Ito colours; lines also differ by dash and point shape, so colour is never the only cue
  var COLOURS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#000000', '#f0e442', '#999999', '#7a5200'];
  var DASHES = [[], [6, 3], [2, 2], [8, 2, 2, 2], [4, 4], [1, 3], [10, 3], [3, 6], [6, 6], [2, 6]];
  var POINTS = ['circle', 'rect', 'triangle', 'rectRot', 'star', 'cross', 'crossRot', 'line', 'dash', 'rectRounded'];

  function drawChart(canvas) {
    if (!window.Chart || canvas.dataset.drawn) { return; }
    var source = document.getElementById(canvas.getAttribute('data-chart'));
    if (!source) { return; }
    var spec = JSON.parse(source.textContent);
    var datasets = spec.series.map(function (s, i) {
      return {
        label: s.label, data: s.values, yAxisID: s.axis || 'y', spanGaps: true,
        borderColor: COLOURS[i % COLOURS.length], backgroundColor: COLOURS[i % COLOURS.length],
        borderDash: DASHES[i % DASHES.length], pointStyle: POINTS[i % POINTS.length], pointRadius: 4,
        borderWidth: s.emphasis ? 3 : 1.5, hidden: !!s.hidden
      };
    });
    var scales = { y: { min: spec.yMin, max: spec.yMax, title: { display: true, text: spec.yLabel } },
                   x: { title: { display: true, text: spec.xLabel } } };
    if (spec.y2Label) {
      scales.y2 = { position: 'right', min: spec.y2Min, max: spec.y2Max, grid: { drawOnChartArea: false }, title: { display: true, text: spec.y2Label } };
    }
    canvas.dataset.drawn = 'true';
    new Chart(canvas, {
      type: 'line',
      data: { labels: spec.labels, datasets: datasets },
      options: { responsive: true, maintainAspectRatio: false, animation: false, scales: scales,
                 plugins: { legend: { labels: { usePointStyle: true } } } },
      plugins: spec.marker == null ? [] : [markerPlugin(spec.marker, spec.markerLabel)]
    });
  }

  // a vertical line at one x label (the interview date), drawn on the canvas and named in the legend text
  function markerPlugin(index, label) {
    return {
      id: 'marker',
      afterDatasetsDraw: function (chart) {
        var x = chart.scales.x.getPixelForValue(index), area = chart.chartArea, ctx = chart.ctx;
        ctx.save(); ctx.strokeStyle = '#14213d'; ctx.lineWidth = 2; ctx.setLineDash([4, 4]);
        ctx.beginPath(); ctx.moveTo(x, area.top); ctx.lineTo(x, area.bottom); ctx.stroke();
        ctx.fillStyle = '#14213d'; ctx.font = '12px system-ui'; ctx.fillText(label, Math.min(x + 4, area.right - 90), area.top + 12);
        ctx.restore();
      }
    };
  }

  function startTimer(el) {
    if (el.dataset.running) { return; }
    el.dataset.running = 'true';
    var started = Date.now();
    var target = document.getElementById(el.getAttribute('data-timer'));
    var over = parseInt(el.getAttribute('data-over') || '240', 10);
    function tick() {
      if (!document.body.contains(el)) { return; }
      var seconds = Math.floor((Date.now() - started) / 1000);
      el.textContent = Math.floor(seconds / 60) + ':' + String(seconds % 60).padStart(2, '0');
      el.classList.toggle('over', seconds > over);
      // past the limit the timer says so in words too, not only in colour
      if (seconds > over) { el.textContent += ' (over ' + Math.floor(over / 60) + ' min)'; }
      if (target && !target.dataset.touched) { target.value = seconds; }
      setTimeout(tick, 1000);
    }
    if (target) { target.addEventListener('input', function () { target.dataset.touched = 'true'; }); }
    tick();
  }

  // unsaved text is kept in this browser until the server confirms the save, and offered back after a reload
  function keepDraft(form) {
    var key = form.getAttribute('data-draft-key');
    var fields = form.querySelectorAll('textarea, input[type=text], input[type=checkbox]');
    var stored = localStorage.getItem(key);
    if (stored) {
      var draft = JSON.parse(stored), differs = false;
      fields.forEach(function (f) { if (keyOf(f) in draft && draft[keyOf(f)] !== valueOf(f)) { differs = true; } });
      if (differs) {
        var offer = document.createElement('p');
        offer.className = 'problem';
        offer.setAttribute('role', 'status');
        offer.textContent = 'This browser kept text you had not saved. ';
        var button = document.createElement('button');
        button.type = 'button'; button.className = 'secondary'; button.textContent = 'Restore unsaved text';
        button.addEventListener('click', function () {
          fields.forEach(function (f) {
            if (!(keyOf(f) in draft)) { return; }
            if (f.type === 'checkbox') { f.checked = draft[keyOf(f)]; } else { f.value = draft[keyOf(f)]; }
          });
          offer.remove();
          f0(fields).dispatchEvent(new Event('input', { bubbles: true }));
        });
        offer.appendChild(button);
        form.prepend(offer);
      }
    }
    form.addEventListener('input', function () {
      var draft = {};
      fields.forEach(function (f) { draft[keyOf(f)] = valueOf(f); });
      localStorage.setItem(key, JSON.stringify(draft));
    });
  }

  // a checkbox group shares one name: each box is kept by name and value
  function keyOf(field) { return field.type === 'checkbox' ? field.name + '=' + field.value : field.name; }
  function valueOf(field) { return field.type === 'checkbox' ? field.checked : field.value; }

  function f0(list) { return list[0]; }
})();
