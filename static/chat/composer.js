// The composer: sending, stopping and regenerating.

import { api } from "./api.js";
import { randomId } from "./dom.js";
import { gettext } from "./i18n.js";
import { hideActivity, scrollToBottom, showActivity, showWelcome, toast, userNode } from "./render.js";
import { openAgeGate } from "./safety.js";
import { connect, sendFrame } from "./socket.js";
import { state, ui } from "./state.js";

// --- sending ----------------------------------------------------------------------------------------

export function setComposerMode() {
  const busy = Boolean(state.active);
  ui.send.hidden = busy;
  ui.stop.hidden = !busy;
  ui.input.disabled = !state.ageConfirmed;
  ui.send.disabled = !state.ageConfirmed;
  for (const button of ui.list.querySelectorAll(".regen-btn")) button.disabled = busy;
  // Keep focus on the composer's action button when it swaps between send and stop.
  if (busy && document.activeElement === ui.send) ui.stop.focus();
  if (!busy && document.activeElement === ui.stop) ui.input.focus();
}

function metadata() {
  return { language: state.language, odds_format: state.oddsFormat };
}

export function sendText(text) {
  const content = String(text || "").trim();
  if (!content) return false;
  if (!state.ageConfirmed) {
    openAgeGate();
    return false;
  }
  if (state.active) {
    toast(gettext("Please wait for the current answer to finish."));
    return false;
  }
  const messageId = randomId("m-");
  const frame = { type: "user_message", content, message_id: messageId, metadata: metadata() };
  if (state.conversationId) frame.session_id = state.conversationId;
  const node = userNode(content, { clientId: messageId });
  node.classList.add("is-pending");
  ui.list.append(node);
  for (const old of ui.list.querySelectorAll(".suggestions")) old.remove();
  showWelcome();
  scrollToBottom(true);
  state.pending.set(messageId, frame);
  showActivity(gettext("Thinking…"));
  if (!sendFrame(frame)) {
    connect(); // session_created sends everything pending
    if (navigator.onLine === false) toast(gettext("You're offline. Your message will be sent when the connection is back."));
  }
  return true;
}

export function stopGenerating() {
  if (!state.active) return;
  if (!sendFrame({ type: "stop" }) && state.conversationId && state.active.replyId) {
    api(`conversations/${state.conversationId}/messages/${state.active.replyId}/stop`, { method: "POST" }).catch(() => toast(gettext("Something went wrong. Please try again.")));
  }
}

export function regenerate(node, reply) {
  if (state.active || !reply.userMessageId) return;
  node.classList.add("is-regenerating");
  state.regenerating = reply.userMessageId;
  state.active = { userMessageId: reply.userMessageId, replyId: null, lastSeq: 0, node };
  setComposerMode();
  showActivity(gettext("Thinking…"));
  const frame = { type: "regenerate", message_id: reply.userMessageId };
  if (!sendFrame(frame)) {
    state.active = null;
    state.regenerating = null;
    node.classList.remove("is-regenerating");
    setComposerMode();
    hideActivity();
    toast(gettext("You're offline. Your message will be sent when the connection is back."));
  }
}

export function autosize() {
  ui.input.style.height = "auto";
  ui.input.style.height = `${Math.min(ui.input.scrollHeight, 200)}px`;
}
