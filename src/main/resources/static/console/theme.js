// Runs before the page paints: the theme the user picked (else the system's) without a flash.
(function () {
	var theme = null;
	try { theme = localStorage.getItem('paperboy-theme'); } catch (e) { /* storage off */ }
	if (theme === 'light' || theme === 'dark') {
		document.documentElement.setAttribute('data-theme', theme);
	}
})();
