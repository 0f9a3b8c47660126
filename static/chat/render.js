// Rendering: connection status, toasts, screen-reader announcements, scrolling and the
// message bubbles (streamed and final), their actions and feedback.

import { api } from "./api.js";
import { regenerate, sendText } from "./composer.js";
import { $, copyText, el, icon, randomId } from "./dom.js";
import { gettext } from "./i18n.js";
import { renderMarkdown } from "./markdown.js";
import { state, ui } from "./state.js";

// --- connection status, toasts, screen-reader announcements ------------------------------------------

function connectionText(kind) {
  const texts = {
    idle: gettext("Ready"),
    connecting: gettext("Connecting…"),
    open: gettext("Connected"),
    reconnecting: gettext("Reconnecting…"),
    offline: gettext("Offline"),
  };
  return texts[kind] || texts.idle;
}

export function setConnection(kind) {
  ui.conn.dataset.state = kind;
  $(".conn-text", ui.conn).textContent = connectionText(kind);
}

let toastTimer = null;
export function toast(message) {
  ui.toast.textContent = message;
  ui.toast.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    ui.toast.hidden = true;
  }, 5000);
}

export function announce(text) {
  if (!text.trim()) return;
  ui.live.append(el("p", { text }));
  while (ui.live.childElementCount > 20) ui.live.firstElementChild.remove();
}

// Streamed text is announced politely a sentence at a time, not token by token.
export function announceStream(fullText, final) {
  if (!fullText.startsWith(state.announced)) state.announced = "";
  const fresh = fullText.slice(state.announced.length);
  const cut = final ? fresh.length : Math.max(fresh.lastIndexOf(". "), fresh.lastIndexOf("\n"));
  if (cut <= 0) return;
  announce(fresh.slice(0, cut + (final ? 0 : 1)).replace(/[*_`#|]+/g, " "));
  state.announced += fresh.slice(0, cut + (final ? 0 : 1));
}

// --- scrolling -----------------------------------------------------------------------------------------

function nearBottom() {
  const m = ui.messages;
  return m.scrollHeight - m.scrollTop - m.clientHeight < 120;
}

export function scrollToBottom(force = false) {
  if (force || nearBottom()) {
    ui.messages.scrollTop = ui.messages.scrollHeight;
  }
  updateJump();
}

export function updateJump() {
  ui.jump.hidden = nearBottom();
}

// --- rendering messages ----------------------------------------------------------------------------

export function showWelcome() {
  const empty = ui.list.childElementCount === 0;
  ui.welcome.hidden = !empty;
  if (empty) {
    ui.starters.replaceChildren(
      ...[
        gettext("What are the odds for Barcelona vs Real Madrid?"),
        gettext("Which matches are on tomorrow?"),
        gettext("How do betting odds work?"),
        gettext("Set a daily betting limit"),
      ].map((text) => el("button", { type: "button", class: "chip", text, onclick: (e) => sendText(e.currentTarget.textContent) })),
    );
  }
}

export function userNode(content, { clientId = "", serverId = "" } = {}) {
  const node = el(
    "li",
    { class: "msg msg--user", dataset: { clientId, serverId } },
    el("span", { class: "visually-hidden", text: `${gettext("You")}:` }),
    el("div", { class: "bubble", text: content }),
  );
  return node;
}

export function assistantNode(replyId) {
  const node = el(
    "li",
    { class: "msg msg--assistant", dataset: { replyId: String(replyId || "") } },
    el("span", { class: "avatar", "aria-hidden": "true" }, el("img", { src: "/static/chat/favicon.svg", alt: "", width: 28, height: 28 })),
    el(
      "div",
      { class: "msg-body" },
      el("span", { class: "visually-hidden", text: `${gettext("ChatBet")}:` }),
      el("div", { class: "bubble bubble--assistant" }, el("span", { class: "typing-dots", "aria-hidden": "true" }, el("span"), el("span"), el("span"))),
    ),
  );
  return node;
}

export function setStreamingText(node, text) {
  const bubble = $(".bubble", node);
  bubble.classList.add("is-streaming");
  const body = el("div", { class: "stream-text" });
  // The partial text goes through the same escaping renderer as the final one.
  body.innerHTML = renderMarkdown(text);
  bubble.replaceChildren(body, el("span", { class: "caret", "aria-hidden": "true" }));
}

export function renderFinal(node, reply) {
  const bubble = $(".bubble", node);
  bubble.classList.remove("is-streaming");
  // renderMarkdown escapes all of the message text before adding its own markup.
  bubble.innerHTML = renderMarkdown(reply.text);
  if (!reply.text && reply.status !== "failed") bubble.append(el("span", { class: "muted", text: "…" }));
  if (reply.status === "cancelled") bubble.append(el("p", { class: "msg-note", text: gettext("Stopped") }));
  if (reply.status === "failed") {
    bubble.append(el("p", { class: "msg-note msg-note--error", text: reply.errorMessage || gettext("Sorry, something went wrong with this answer.") }));
  }
  node.dataset.status = reply.status;
  $(".msg-actions", node)?.remove();
  $(".msg-body", node).append(actionsFor(node, reply));
}

function actionsFor(node, reply) {
  const bar = el("div", { class: "msg-actions", role: "group", "aria-label": gettext("ChatBet") });
  const copy = el(
    "button",
    {
      type: "button",
      class: "icon-btn icon-btn--small",
      "aria-label": gettext("Copy"),
      title: gettext("Copy"),
      onclick: async () => {
        if (await copyText(reply.text)) {
          copy.replaceChildren(icon("check"));
          copy.setAttribute("aria-label", gettext("Copied"));
          announce(gettext("Copied"));
          setTimeout(() => {
            copy.replaceChildren(icon("copy"));
            copy.setAttribute("aria-label", gettext("Copy"));
          }, 1500);
        }
      },
    },
    icon("copy"),
  );
  bar.append(copy);
  if (reply.userMessageId) {
    bar.append(
      el(
        "button",
        {
          type: "button",
          class: "icon-btn icon-btn--small regen-btn",
          "aria-label": gettext("Regenerate"),
          title: gettext("Regenerate"),
          onclick: () => regenerate(node, reply),
        },
        icon("refresh"),
      ),
    );
  }
  if (reply.id && reply.status !== "failed") {
    const up = el("button", { type: "button", class: "icon-btn icon-btn--small", "aria-label": gettext("Good answer"), title: gettext("Good answer"), "aria-pressed": String(reply.rating === 1) }, icon("up"));
    const down = el("button", { type: "button", class: "icon-btn icon-btn--small", "aria-label": gettext("Bad answer"), title: gettext("Bad answer"), "aria-pressed": String(reply.rating === -1) }, icon("downvote"));
    up.addEventListener("click", () => rate(node, reply, 1, up, down));
    down.addEventListener("click", () => rate(node, reply, -1, up, down));
    bar.append(up, down);
  }
  return bar;
}

async function rate(node, reply, rating, up, down, reason = "") {
  try {
    await api(`conversations/${state.conversationId}/messages/${reply.id}/feedback`, {
      method: "POST",
      body: { rating: rating === 1 ? "up" : "down", reason },
    });
  } catch {
    toast(gettext("Something went wrong. Please try again."));
    return;
  }
  reply.rating = rating;
  up.setAttribute("aria-pressed", String(rating === 1));
  down.setAttribute("aria-pressed", String(rating === -1));
  if (rating === -1 && !reason) {
    openReasonForm(node, reply, up, down);
  } else {
    $(".feedback-form", node)?.remove();
    announce(gettext("Thanks for the feedback."));
  }
}

function openReasonForm(node, reply, up, down) {
  $(".feedback-form", node)?.remove();
  const reasons = [gettext("Incorrect"), gettext("Outdated odds"), gettext("Not helpful"), gettext("Felt pushy or unsafe")];
  const group = el(
    "fieldset",
    { class: "reason-chips" },
    el("legend", { text: gettext("What was wrong? (optional)") }),
    ...reasons.map((r) =>
      el("label", { class: "chip chip--check" }, el("input", { type: "checkbox", name: "reason", value: r }), el("span", { text: r })),
    ),
  );
  const detailsId = randomId("fb-");
  const details = el("input", { id: detailsId, type: "text", class: "input", maxlength: 400, placeholder: gettext("Tell us more") });
  const form = el(
    "form",
    { class: "feedback-form" },
    group,
    el("label", { for: detailsId, class: "visually-hidden", text: gettext("Tell us more") }),
    details,
    el(
      "div",
      { class: "feedback-actions" },
      el("button", { type: "button", class: "btn btn--ghost btn--small", text: gettext("Skip"), onclick: () => { form.remove(); announce(gettext("Thanks for the feedback.")); down.focus(); } }),
      el("button", { type: "submit", class: "btn btn--primary btn--small", text: gettext("Send") }),
    ),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const picked = [...form.querySelectorAll("input[name=reason]:checked")].map((i) => i.value);
    const text = [...picked, details.value.trim()].filter(Boolean).join("; ").slice(0, 500);
    if (!text) {
      form.remove();
      announce(gettext("Thanks for the feedback."));
      down.focus();
      return;
    }
    rate(node, reply, -1, up, down, text).then(() => down.focus());
  });
  $(".msg-body", node).append(form);
  $("input", form).focus();
}

export function renderChips(node, actions) {
  for (const old of ui.list.querySelectorAll(".suggestions")) old.remove();
  if (!actions || !actions.length) return;
  const chips = el(
    "div",
    { class: "chips suggestions", role: "group", "aria-label": gettext("Suggestions") },
    ...actions.slice(0, 6).map((text) => el("button", { type: "button", class: "chip", text, onclick: () => sendText(text) })),
  );
  $(".msg-body", node).append(chips);
}

function replyFromMessage(message) {
  return {
    id: message.id,
    text: message.content || "",
    status: message.status,
    rating: message.rating,
    userMessageId: message.parent != null ? state.userMessages.get(message.parent) || "" : "",
    suggested: message.suggested_actions || [],
  };
}

// Messages from the REST history, in chronological order. Of several replies to one question
// (regenerated), only the newest is shown.
export function nodesForHistory(messages) {
  const latestReply = new Map();
  for (const m of messages) {
    if (m.role === "user") state.userMessages.set(m.id, m.message_id);
    if (m.role === "assistant" && m.parent != null) latestReply.set(m.parent, m.id);
  }
  const nodes = [];
  for (const m of messages) {
    if (m.role === "user") {
      nodes.push(userNode(m.content, { clientId: m.message_id, serverId: String(m.id) }));
    } else if (m.role === "assistant") {
      if (m.parent != null && latestReply.get(m.parent) !== m.id) continue;
      const reply = replyFromMessage(m);
      const node = assistantNode(m.id);
      state.replies.set(m.id, { id: m.id, node, seq: 0, ended: m.status !== "streaming", userMessageId: reply.userMessageId, reply });
      if (m.status === "streaming") {
        setStreamingText(node, m.content || "");
        if (reply.userMessageId) state.active = { userMessageId: reply.userMessageId, replyId: m.id, lastSeq: 0, node };
      } else {
        renderFinal(node, reply);
      }
      nodes.push(node);
    }
  }
  return nodes;
}

export function lastAssistantNode() {
  const nodes = ui.list.querySelectorAll(".msg--assistant");
  return nodes[nodes.length - 1] || null;
}

export function showActivity(text) {
  ui.activityText.textContent = text;
  ui.activity.hidden = false;
}

export function hideActivity() {
  ui.activity.hidden = true;
  ui.activityText.textContent = "";
}
