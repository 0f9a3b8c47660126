// A conversation's stored messages: loading, older pages, switching conversations.

import { api, ApiError } from "./api.js";
import { setComposerMode } from "./composer.js";
import { gettext } from "./i18n.js";
import { hideActivity, nodesForHistory, renderChips, scrollToBottom, showWelcome, toast } from "./render.js";
import { updateShareTools } from "./sharing.js";
import { markCurrentInSidebar } from "./sidebar.js";
import { connect, disconnect } from "./socket.js";
import { state, ui } from "./state.js";

const PAGE_SIZE = 30;

// --- history ----------------------------------------------------------------------------------------

export async function loadConversation(id) {
  resetConversationView();
  state.conversationId = id;
  updateShareTools();
  if (!id) {
    setTitle("");
    showWelcome();
    return;
  }
  markCurrentInSidebar();
  try {
    const [conversation, page] = await Promise.all([
      api(`conversations/${id}/`),
      api(`conversations/${id}/messages/?limit=${PAGE_SIZE}`),
    ]);
    if (state.conversationId !== id) return;
    setTitle(conversation.title);
    ui.list.replaceChildren(...nodesForHistory(page.results));
    state.oldestId = page.results.length ? page.results[0].id : null;
    state.hasOlder = page.has_older;
    ui.loadOlder.hidden = !state.hasOlder;
    const last = page.results[page.results.length - 1];
    if (last && last.role === "assistant" && last.status === "complete") {
      const node = state.replies.get(last.id)?.node;
      if (node) renderChips(node, last.suggested_actions);
    }
    showWelcome();
    scrollToBottom(true);
    setComposerMode();
    connect();
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      navigate(null, { replace: true });
      return;
    }
    toast(gettext("Something went wrong. Please try again."));
  }
}

export async function loadOlder() {
  if (!state.conversationId || !state.hasOlder || state.loadingOlder || state.oldestId == null) return;
  state.loadingOlder = true;
  const id = state.conversationId;
  try {
    const page = await api(`conversations/${id}/messages/?limit=${PAGE_SIZE}&before=${state.oldestId}`);
    if (state.conversationId !== id) return;
    const before = ui.messages.scrollHeight - ui.messages.scrollTop;
    ui.list.prepend(...nodesForHistory(page.results));
    ui.messages.scrollTop = ui.messages.scrollHeight - before; // keep the reader's place
    if (page.results.length) state.oldestId = page.results[0].id;
    state.hasOlder = page.has_older;
    ui.loadOlder.hidden = !state.hasOlder;
  } catch {
    toast(gettext("Something went wrong. Please try again."));
  } finally {
    state.loadingOlder = false;
  }
}

function resetConversationView() {
  disconnect();
  state.pending.clear();
  state.replies.clear();
  state.userMessages.clear();
  state.active = null;
  state.regenerating = null;
  state.oldestId = null;
  state.hasOlder = false;
  state.announced = "";
  ui.list.replaceChildren();
  ui.loadOlder.hidden = true;
  hideActivity();
  setComposerMode();
}

export function setTitle(title) {
  ui.title.textContent = title || gettext("New chat");
  document.title = title ? `${title} · ChatBet` : "ChatBet";
}

export function navigate(id, { replace = false } = {}) {
  const url = id ? `/c/${id}/` : "/";
  if (replace) history.replaceState({ id }, "", url);
  else history.pushState({ id }, "", url);
  loadConversation(id);
}
