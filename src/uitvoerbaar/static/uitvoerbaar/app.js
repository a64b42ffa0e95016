// Small progressive enhancements; everything works without JavaScript.
document.addEventListener("htmx:configRequest", function (event) {
  // Django's CSRF protection for htmx requests: the token is in the page's forms.
  var token = document.querySelector("input[name=csrfmiddlewaretoken]");
  if (token) { event.detail.headers["X-CSRFToken"] = token.value; }
});
