// "More / less like this" from an email: a GET shows the page (mail scanners open links),
// and this records the reader's vote with one POST, as the button below would.
(function () {
	var form = document.getElementById('feedback');
	if (form) { form.submit(); }
})();
