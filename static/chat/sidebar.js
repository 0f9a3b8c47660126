// The conversations sidebar: list, search, rename, delete, and the phone drawer.

import { api } from "./api.js";
import { $, el, icon, randomId } from "./dom.js";
import { navigate, setTitle } from "./history.js";
import { gettext } from "./i18n.js";
import { toast } from "./render.js";
import { app, state, ui } from "./state.js";

// --- the sidebar ------------------------------------------------------------------------------------

let sidebarTimer = null;
export function refreshSidebarSoon() {
  clearTimeout(sidebarTimer);
  sidebarTimer = setTimeout(refreshSidebar, 300);
}

export function sidebarHas(id) {
  return Boolean(id && ui.convList.querySelector(`[data-id="${CSS.escape(id)}"]`));
}

export async function refreshSidebar({ append = false } = {}) {
  const ticket = ++state.convLoading;
  const search = ui.search.value.trim();
  let url = `conversations/?limit=30${search ? `&search=${encodeURIComponent(search)}` : ""}`;
  if (append && state.convNext) url = state.convNext;
  try {
    const page = await api(url);
    if (ticket !== state.convLoading) return; // a newer search won
    const items = page.results.map(conversationItem);
    if (append) ui.convList.append(...items);
    else ui.convList.replaceChildren(...items);
    state.convNext = page.next ? new URL(page.next, location.href).pathname + new URL(page.next, location.href).search : null;
    ui.convMore.hidden = !state.convNext;
    ui.convEmpty.hidden = ui.convList.childElementCount > 0;
    ui.convEmpty.textContent = search ? gettext("No conversations match.") : gettext("No conversations yet.");
    ui.convHeading.textContent = search ? gettext("Results") : gettext("Recent");
    markCurrentInSidebar();
    const current = page.results.find((c) => c.session_id === state.conversationId);
    if (current) setTitle(current.title);
  } catch {
    // The list is a convenience; the chat itself still works.
  }
}

function conversationItem(conversation) {
  const title = conversation.title || gettext("Untitled conversation");
  const link = el("a", { class: "conv-link", href: `/c/${conversation.session_id}/`, text: title, title });
  link.addEventListener("click", (event) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    closeDrawer();
    if (conversation.session_id !== state.conversationId) navigate(conversation.session_id);
  });
  const rename = el("button", { type: "button", class: "icon-btn icon-btn--small", "aria-label": `${gettext("Rename")}: ${title}`, title: gettext("Rename") }, icon("edit"));
  const remove = el("button", { type: "button", class: "icon-btn icon-btn--small", "aria-label": `${gettext("Delete")}: ${title}`, title: gettext("Delete") }, icon("trash"));
  const item = el("li", { class: "conv-item", dataset: { id: conversation.session_id } }, link, el("span", { class: "conv-tools" }, rename, remove));
  rename.addEventListener("click", () => startRename(item, conversation));
  remove.addEventListener("click", () => confirmDelete(conversation));
  return item;
}

export function markCurrentInSidebar() {
  for (const item of ui.convList.children) {
    const link = $(".conv-link", item);
    if (item.dataset.id === state.conversationId) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
}

function startRename(item, conversation) {
  const inputId = randomId("rn-");
  const input = el("input", { id: inputId, class: "input rename-input", type: "text", maxlength: 120, value: conversation.title || "" });
  const form = el("form", { class: "rename-form" }, el("label", { for: inputId, class: "visually-hidden", text: gettext("New title") }), input);
  let done = false;
  const finish = async (save) => {
    if (done) return;
    done = true;
    const title = input.value.trim();
    if (save && title && title !== conversation.title) {
      try {
        const updated = await api(`conversations/${conversation.session_id}/`, { method: "PATCH", body: { title } });
        conversation.title = updated.title;
        if (conversation.session_id === state.conversationId) setTitle(updated.title);
      } catch {
        toast(gettext("Something went wrong. Please try again."));
      }
    }
    const fresh = conversationItem(conversation);
    item.replaceWith(fresh);
    markCurrentInSidebar();
    $(".conv-tools button", fresh).focus();
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    finish(true);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      finish(false);
    }
  });
  input.addEventListener("blur", () => finish(true));
  item.replaceChildren(form);
  input.focus();
  input.select();
}

function confirmDelete(conversation) {
  $("#delete-name").textContent = conversation.title || gettext("Untitled conversation");
  ui.confirmDelete.returnValue = "";
  ui.confirmDelete.showModal();
  ui.confirmDelete.addEventListener(
    "close",
    async () => {
      if (ui.confirmDelete.returnValue !== "delete") return;
      try {
        await api(`conversations/${conversation.session_id}/`, { method: "DELETE" });
      } catch {
        toast(gettext("Something went wrong. Please try again."));
        return;
      }
      if (conversation.session_id === state.conversationId) navigate(null);
      await refreshSidebar();
      (ui.convList.querySelector(".conv-link") || $("#new-chat")).focus();
    },
    { once: true },
  );
}

// --- phone drawer --------------------------------------------------------------------------------

export function openDrawer() {
  app.classList.add("drawer-open");
  ui.backdrop.hidden = false;
  ui.sidebarOpen.setAttribute("aria-expanded", "true");
  $("#new-chat").focus();
}

export function closeDrawer() {
  if (!app.classList.contains("drawer-open")) return;
  app.classList.remove("drawer-open");
  ui.backdrop.hidden = true;
  ui.sidebarOpen.setAttribute("aria-expanded", "false");
  ui.sidebarOpen.focus();
}
