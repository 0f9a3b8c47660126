// The age gate and the safer-gambling settings (limits, breaks, self-exclusion).

import { api } from "./api.js";
import { setComposerMode } from "./composer.js";
import { $, el } from "./dom.js";
import { gettext, interpolate } from "./i18n.js";
import { announce, toast } from "./render.js";
import { state, ui } from "./state.js";

// --- age gate and safer-gambling settings ----------------------------------------------------------------

export function openAgeGate() {
  if (!ui.ageGate.open) ui.ageGate.showModal();
  $("#age-yes").focus();
}

export async function checkAge() {
  try {
    const profile = await api("betting/profile");
    state.ageConfirmed = Boolean(profile.age_confirmed);
  } catch {
    state.ageConfirmed = false;
  }
  setComposerMode();
  if (!state.ageConfirmed) openAgeGate();
}

export async function confirmAge() {
  try {
    const profile = await api("betting/age-confirmation", { method: "POST", body: { confirm: true } });
    state.ageConfirmed = Boolean(profile.age_confirmed);
  } catch {
    toast(gettext("Something went wrong. Please try again."));
    return;
  }
  ui.ageGate.close();
  setComposerMode();
  ui.input.focus();
}

function formatDate(value) {
  try {
    return new Intl.DateTimeFormat(state.language, { dateStyle: "medium", timeStyle: "short" }).format(new Date(value));
  } catch {
    return value;
  }
}

function renderProfile(profile) {
  const limits = $("#limits-current");
  const rows = [
    [gettext("Per bet"), profile.stake_limit_per_bet],
    [gettext("Per day"), profile.stake_limit_daily],
    [gettext("Per week"), profile.stake_limit_weekly],
  ];
  limits.replaceChildren(
    ...rows.flatMap(([period, amount]) => [
      el("dt", { text: period }),
      el("dd", { text: amount == null ? gettext("No limit") : String(amount) }),
    ]),
  );
  const notes = [];
  if (profile.self_excluded_until) notes.push(interpolate(gettext("Self-excluded until %(date)s."), { date: formatDate(profile.self_excluded_until) }));
  if (profile.cooling_off_until) notes.push(interpolate(gettext("Break active until %(date)s."), { date: formatDate(profile.cooling_off_until) }));
  $("#safety-status").textContent = notes.join(" ");
}

export async function openSafety(section) {
  ui.safety.showModal();
  const target = section === "exclusion" ? $("#safety-break") : $("#safety-limits");
  $("select, input", target)?.focus();
  try {
    renderProfile(await api("betting/profile"));
  } catch {
    $("#safety-status").textContent = gettext("Something went wrong. Please try again.");
  }
}

export async function safetyPost(path, body, message) {
  const status = $("#safety-status");
  try {
    const result = await api(`betting/${path}`, { method: "POST", body });
    if (path === "limits") {
      status.textContent = result.immediate ? gettext("Limit saved.") : gettext("Limit increase scheduled: it applies in 24 hours.");
      renderProfile(await api("betting/profile"));
      status.textContent = result.immediate ? gettext("Limit saved.") : gettext("Limit increase scheduled: it applies in 24 hours.");
    } else {
      renderProfile(result);
    }
    if (message) announce(message);
  } catch (error) {
    status.textContent = error.message || gettext("Something went wrong. Please try again.");
  }
}
