// The sources page: the upload's progress bar, fed by htmx's upload progress events.
(function () {
	'use strict';

	function bar() {
		return document.getElementById('upload-progress');
	}

	document.addEventListener('htmx:xhr:loadstart', function (event) {
		if (event.target.id === 'upload-form' && bar()) {
			bar().hidden = false;
			bar().value = 0;
		}
	});

	document.addEventListener('htmx:xhr:progress', function (event) {
		if (event.target.id === 'upload-form' && bar() && event.detail.lengthComputable) {
			bar().value = Math.round(event.detail.loaded / event.detail.total * 100);
		}
	});

	document.addEventListener('htmx:afterRequest', function (event) {
		if (event.target.id === 'upload-form' && bar()) {
			bar().value = 100;
		}
	});
})();
