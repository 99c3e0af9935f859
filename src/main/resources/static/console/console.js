// The console's behaviour, in one file (the Content-Security-Policy allows no inline script).
(function () {
	'use strict';

	function meta(name) {
		var element = document.querySelector('meta[name="' + name + '"]');
		return element ? element.getAttribute('content') : null;
	}

	// Every htmx request that changes something carries the CSRF token.
	document.addEventListener('htmx:configRequest', function (event) {
		var header = meta('csrf-header');
		var token = meta('csrf-token');
		if (header && token && event.detail.verb !== 'get') {
			event.detail.headers[header] = token;
		}
	});

	function currentTheme() {
		var set = document.documentElement.getAttribute('data-theme');
		if (set) {
			return set;
		}
		return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
	}

	document.addEventListener('click', function (event) {
		var target = event.target.closest('button, a');
		if (!target) {
			return;
		}
		if (target.classList.contains('theme-toggle')) {
			var next = currentTheme() === 'dark' ? 'light' : 'dark';
			document.documentElement.setAttribute('data-theme', next);
			try { localStorage.setItem('paperboy-theme', next); } catch (e) { /* storage off */ }
			document.dispatchEvent(new CustomEvent('paperboy:theme'));
		}
		if (target.classList.contains('menu-toggle')) {
			var nav = document.getElementById('nav');
			var open = target.getAttribute('aria-expanded') === 'true';
			target.setAttribute('aria-expanded', String(!open));
			if (nav) {
				nav.classList.toggle('open', !open);
			}
		}
	});

	// <form data-confirm="Erase 3 subscribers?">: asks before submitting.
	document.addEventListener('submit', function (event) {
		var message = event.target.getAttribute('data-confirm');
		if (message && !window.confirm(message)) {
			event.preventDefault();
		}
	}, true);

	// <input type="checkbox" data-select-all="name">: checks every box of that name.
	document.addEventListener('change', function (event) {
		var name = event.target.getAttribute && event.target.getAttribute('data-select-all');
		if (name) {
			document.querySelectorAll('input[type=checkbox][name="' + name + '"]').forEach(function (box) {
				box.checked = event.target.checked;
			});
		}
	});

	// <canvas data-chart='{"type":"line","labels":[...],"datasets":[{"label":..,"data":[..]}]}'>
	var palette = ['#2563eb', '#16a34a', '#dc2626', '#d97706', '#7c3aed', '#0891b2', '#db2777'];

	function chartColors() {
		var style = getComputedStyle(document.documentElement);
		return { text: style.getPropertyValue('--muted').trim() || '#666', grid: style.getPropertyValue('--line').trim() || '#ddd' };
	}

	function drawCharts(root) {
		if (typeof Chart === 'undefined') {
			return;
		}
		(root || document).querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
			var spec = JSON.parse(canvas.getAttribute('data-chart'));
			var existing = Chart.getChart(canvas);
			if (existing) {
				existing.destroy();
			}
			var colors = chartColors();
			new Chart(canvas, {
				type: spec.type || 'line',
				data: {
					labels: spec.labels,
					datasets: spec.datasets.map(function (set, i) {
						var color = set.color || palette[i % palette.length];
						return {
							label: set.label, data: set.data, borderColor: color, backgroundColor: color,
							borderWidth: 2, pointRadius: 0, tension: 0.2, stack: set.stack
						};
					})
				},
				options: {
					responsive: true, maintainAspectRatio: false, animation: false,
					interaction: { mode: 'index', intersect: false },
					plugins: { legend: { labels: { color: colors.text, boxWidth: 12 } } },
					scales: {
						x: { stacked: !!spec.stacked, ticks: { color: colors.text, maxTicksLimit: 8 }, grid: { color: colors.grid } },
						y: { stacked: !!spec.stacked, beginAtZero: true, ticks: { color: colors.text, precision: spec.percent ? 1 : 0 }, grid: { color: colors.grid } }
					}
				}
			});
		});
	}

	document.addEventListener('DOMContentLoaded', function () { drawCharts(document); });
	document.addEventListener('htmx:afterSettle', function (event) { drawCharts(event.target); });
	document.addEventListener('paperboy:theme', function () { drawCharts(document); });
})();
