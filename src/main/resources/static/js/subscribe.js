// Pre-fills the sign-up form's time zone from the browser; the form works without it.
(function () {
	var field = document.getElementById('timeZone');
	try {
		var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
		if (field && zone && (!field.value || field.value === 'UTC')) { field.value = zone; }
	} catch (e) { }
})();
