// ChatBet chat page, the entry module: preferences, event wiring and start-up. The page is plain
// ES modules with no build step: socket.js (the WebSocket protocol), render.js (messages),
// composer.js (sending), sidebar.js (conversations), history.js (stored messages), safety.js
// (age gate, limits), sharing.js (share and download), state.js (shared state and elements),
// i18n.js (strings from Django's JavaScript catalog), api.js, dom.js, markdown.js.
//
// Message text only ever reaches the page through textContent, or through renderMarkdown(),
// which escapes everything before it adds its own tags.

import { autosize, sendText, stopGenerating } from "./composer.js";
import { $, icon } from "./dom.js";
import { loadConversation, loadOlder, navigate } from "./history.js";
import { gettext } from "./i18n.js";
import { renderMarkdown } from "./markdown.js";
import { scrollToBottom, setConnection, updateJump } from "./render.js";
import { checkAge, confirmAge, openSafety, safetyPost } from "./safety.js";
import { wireSharing } from "./sharing.js";
import { closeDrawer, openDrawer, refreshSidebar } from "./sidebar.js";
import { connect, disconnect } from "./socket.js";
import { app, state, STORAGE, ui } from "./state.js";

// --- preferences -------------------------------------------------------------------------------------

const narrow = window.matchMedia("(max-width: 820px)");

// On a phone the preference menus show short labels ("ES", "3/2"); their <label>s keep the meaning.
function applyOptionLabels() {
  for (const option of document.querySelectorAll(".topbar option[data-short]")) {
    if (!option.dataset.long) option.dataset.long = option.textContent;
    option.textContent = narrow.matches ? option.dataset.short : option.dataset.long;
  }
}

function remember(key, value) {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Not persisted: still used for this page.
  }
}

// --- wiring -----------------------------------------------------------------------------------------

function wire() {
  for (const node of document.querySelectorAll("[data-icon]")) node.prepend(icon(node.dataset.icon));

  ui.composer.addEventListener("submit", (event) => {
    event.preventDefault();
    if (sendText(ui.input.value)) {
      ui.input.value = "";
      autosize();
    }
  });
  ui.input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      ui.composer.requestSubmit();
    } else if (event.key === "Escape" && state.active) {
      stopGenerating();
    }
  });
  ui.input.addEventListener("input", autosize);
  ui.stop.addEventListener("click", stopGenerating);

  ui.messages.addEventListener("scroll", () => {
    if (ui.messages.scrollTop < 150) loadOlder();
    updateJump();
  });
  ui.loadOlder.addEventListener("click", loadOlder);
  ui.jump.addEventListener("click", () => {
    scrollToBottom(true);
    ui.input.focus();
  });

  $("#new-chat").addEventListener("click", () => {
    closeDrawer();
    navigate(null);
    ui.input.focus();
  });
  let searchTimer = null;
  ui.search.addEventListener("input", () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => refreshSidebar(), 250);
  });
  ui.convMore.addEventListener("click", () => refreshSidebar({ append: true }));

  ui.sidebarOpen.addEventListener("click", openDrawer);
  $("#sidebar-close").addEventListener("click", closeDrawer);
  ui.backdrop.addEventListener("click", closeDrawer);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && app.classList.contains("drawer-open")) closeDrawer();
  });

  narrow.addEventListener("change", applyOptionLabels);
  ui.odds.value = state.oddsFormat;
  ui.odds.addEventListener("change", () => {
    state.oddsFormat = ui.odds.value;
    remember(STORAGE.odds, state.oddsFormat);
  });

  wireSharing();
  $("#age-yes").addEventListener("click", confirmAge);
  $("#age-no").addEventListener("click", () => {
    $("#age-denied").hidden = false;
    $("#age-no").hidden = true;
  });
  ui.ageGate.addEventListener("cancel", (event) => event.preventDefault()); // no way around the gate

  $("#open-safety").addEventListener("click", () => openSafety("limits"));
  for (const button of document.querySelectorAll("[data-open-safety]")) {
    button.addEventListener("click", () => openSafety(button.dataset.openSafety));
  }
  for (const button of document.querySelectorAll("[data-close-dialog]")) {
    button.addEventListener("click", () => button.closest("dialog").close());
  }
  ui.safety.addEventListener("click", (event) => {
    if (event.target === ui.safety) ui.safety.close(); // a click on the backdrop
  });
  $("#limits-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const amount = $("#limit-amount").value;
    if (!amount || Number(amount) <= 0) {
      $("#limit-amount").focus();
      return;
    }
    safetyPost("limits", { period: $("#limit-period").value, amount }, null);
  });
  $("#break-form").addEventListener("submit", (event) => {
    event.preventDefault();
    safetyPost("cooling-off", { hours: Number($("#break-hours").value) }, null);
  });
  $("#exclusion-form").addEventListener("submit", (event) => {
    event.preventDefault();
    if (!$("#exclusion-ack").checked) {
      $("#safety-status").textContent = gettext("Please tick the box to confirm.");
      $("#exclusion-ack").focus();
      return;
    }
    safetyPost("self-exclusion", { days: Number($("#exclusion-days").value) }, null);
  });

  window.addEventListener("popstate", (event) => {
    const id = event.state?.id ?? (location.pathname.match(/^\/c\/([0-9a-f-]{36})\//)?.[1] || null);
    loadConversation(id);
  });
  window.addEventListener("online", () => {
    if (state.wantSocket && !state.ws) {
      state.retries = 0;
      connect();
    }
  });
  window.addEventListener("offline", () => setConnection("offline"));
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible" && state.wantSocket && !state.ws) connect();
  });
}

function start() {
  wire();
  applyOptionLabels();
  history.replaceState({ id: state.conversationId }, "", location.href);
  loadConversation(state.conversationId);
  refreshSidebar();
  checkAge();
}

// Exposed for the end-to-end tests and for debugging in the console.
window.chatbet = { state, renderMarkdown, connect, disconnect };

start();