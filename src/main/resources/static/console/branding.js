// The branding page: the colour picker and the accent's text field follow each other;
// a change of either updates the live preview (htmx listens for input on the form).
(function () {
	'use strict';

	function ready() {
		var text = document.getElementById('accent');
		var picker = document.getElementById('accent-picker');
		if (!text || !picker) {
			return;
		}
		picker.addEventListener('input', function () {
			text.value = picker.value;
			text.dispatchEvent(new Event('input', { bubbles: true }));
		});
		text.addEventListener('input', function () {
			if (/^#[0-9a-fA-F]{6}$/.test(text.value)) {
				picker.value = text.value.toLowerCase();
			}
		});
	}

	if (document.readyState === 'loading') {
		document.addEventListener('DOMContentLoaded', ready);
	}
	else {
		ready();
	}
})();
