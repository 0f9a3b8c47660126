// Interface strings come from Django's JavaScript catalog (/jsi18n/), which the page loads before
// its modules, in the page's language (the switcher's cookie, else the browser's Accept-Language).
// Strings are marked `gettext("...")` in the modules, with named placeholders for
// `interpolate("... %(date)s", { date })`, so `makemessages -d djangojs` finds them.

// The page's language as Django chose it ("en", "es", "pt-br"), as the assistant's two-letter code;
// sent with each message so replies match the page.
export const language = (document.documentElement.lang || "en").slice(0, 2);

export function gettext(text) {
  return window.gettext ? window.gettext(text) : text;
}

export function interpolate(text, params) {
  return text.replace(/%\((\w+)\)s/g, (_, name) => String(params[name] ?? ""));
}
