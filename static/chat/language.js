// The language switcher (a plain form posting to Django's set_language): with scripts on, picking a
// language submits it at once, so its button is not needed.

for (const form of document.querySelectorAll(".lang-form")) {
  const submit = form.querySelector(".lang-submit");
  if (submit) submit.hidden = true;
  form.querySelector("select")?.addEventListener("change", () => form.requestSubmit());
}
