// ChatBet chat page: conversations sidebar, streamed replies over the WebSocket protocol
// (docs/websocket.md), resume after a reload or a dropped network, the age gate and the
// responsible-gambling settings.
//
// Message text only ever reaches the page through textContent, or through renderMarkdown(),
// which escapes everything before it adds its own tags.

import { applyTranslations, LANGUAGES, translate } from "./i18n.js";
import { renderMarkdown } from "./markdown.js";

const API = "/api/v1";
const PAGE_SIZE = 30;
const ODDS_FORMATS = ["decimal", "fractional", "american"];
const STORAGE = { language: "chatbet.language", odds: "chatbet.oddsFormat" };
const BACKOFF_MS = { first: 500, max: 15000 };
const PING_MS = 25000;

const $ = (selector, root = document) => root.querySelector(selector);

// --- small helpers -------------------------------------------------------------------------------

const ICONS = {
  plus: "M12 5v14M5 12h14",
  menu: "M4 6h16M4 12h16M4 18h16",
  close: "M6 6l12 12M18 6L6 18",
  send: "M12 19V5M5 12l7-7 7 7",
  stop: "M7 7h10v10H7z",
  shield: "M12 3l7 3v5c0 4.5-3 8.3-7 10-4-1.7-7-5.5-7-10V6z M9 12l2 2 4-4",
  down: "M12 5v14M5 12l7 7 7-7",
  copy: "M9 9h10v10H9z M5 15V5h10",
  check: "M5 12l5 5 9-10",
  refresh: "M20 11a8 8 0 1 0-2.3 5.7M20 4v7h-7",
  up: "M7 11v9H4v-9z M7 11l4-8a2 2 0 0 1 3 2l-1 5h6a2 2 0 0 1 2 2.3l-1.3 6A2 2 0 0 1 17.7 20H7",
  downvote: "M17 13V4h3v9z M17 13l-4 8a2 2 0 0 1-3-2l1-5H5a2 2 0 0 1-2-2.3l1.3-6A2 2 0 0 1 6.3 4H17",
  edit: "M4 20h4L19 9l-4-4L4 16z",
  trash: "M5 7h14M10 7V4h4v3M7 7l1 13h8l1-13",
};

function icon(name) {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  svg.classList.add("icon");
  const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
  path.setAttribute("d", ICONS[name] || "");
  svg.append(path);
  return svg;
}

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

function randomId(prefix) {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return prefix + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function cookie(name) {
  const match = document.cookie.match(new RegExp(`(?:^|; )${name}=([^;]*)`));
  return match ? decodeURIComponent(match[1]) : "";
}

class ApiError extends Error {
  constructor(status, body) {
    super(body?.error?.message || `HTTP ${status}`);
    this.status = status;
    this.code = body?.error?.code || "";
  }
}

async function api(path, { method = "GET", body } = {}) {
  const headers = { Accept: "application/json" };
  if (method !== "GET") {
    headers["X-CSRFToken"] = cookie("csrftoken");
    if (body !== undefined) headers["Content-Type"] = "application/json";
  }
  const response = await fetch(path.startsWith("/") ? path : `${API}/${path}`, {
    method,
    headers,
    credentials: "same-origin",
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return null;
  const data = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard API outside secure contexts: fall back to a selected textarea.
    const area = el("textarea", { class: "visually-hidden", readonly: true });
    area.value = text;
    document.body.append(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand("copy");
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }
}

// --- state ---------------------------------------------------------------------------------------

const app = $("#app");
const ui = {
  messages: $("#messages"),
  list: $("#message-list"),
  welcome: $("#welcome"),
  starters: $("#starters"),
  loadOlder: $("#load-older"),
  jump: $("#jump-latest"),
  input: $("#composer-input"),
  composer: $("#composer"),
  send: $("#send-btn"),
  stop: $("#stop-btn"),
  activity: $("#activity"),
  activityText: $("#activity-text"),
  title: $("#conv-title"),
  conn: $("#conn-status"),
  live: $("#sr-live"),
  toast: $("#toast"),
  convList: $("#conv-list"),
  convEmpty: $("#conv-empty"),
  convMore: $("#conv-more"),
  convHeading: $("#conv-heading"),
  search: $("#conv-search"),
  sidebar: $("#sidebar"),
  backdrop: $("#backdrop"),
  sidebarOpen: $("#sidebar-open"),
  lang: $("#lang-select"),
  odds: $("#odds-select"),
  ageGate: $("#age-gate"),
  safety: $("#safety"),
  confirmDelete: $("#confirm-delete"),
};

function storedPreference(key, allowed, fallback) {
  try {
    const value = localStorage.getItem(key);
    if (allowed.includes(value)) return value;
  } catch {
    // Storage may be blocked (private mode); the defaults are fine.
  }
  return fallback;
}

function browserLanguage() {
  const code = (navigator.language || "en").slice(0, 2).toLowerCase();
  return LANGUAGES.includes(code) ? code : "en";
}

const state = {
  conversationId: app.dataset.conversationId || null,
  language: storedPreference(STORAGE.language, LANGUAGES, browserLanguage()),
  oddsFormat: storedPreference(STORAGE.odds, ODDS_FORMATS, "decimal"),
  ageConfirmed: false,
  ws: null,
  wsOpen: false, // connection_ack + session_created received
  wantSocket: false,
  retries: 0,
  retryTimer: null,
  pingTimer: null,
  // User messages sent but not yet answered by a streaming_start: resent (idempotently) after a reconnect.
  pending: new Map(), // client message id -> frame
  // The reply being generated in this conversation, if any.
  active: null, // {userMessageId, replyId, lastSeq, node}
  replies: new Map(), // reply id -> {node, seq, ended, userMessageId, text}
  userMessages: new Map(), // server id -> client message id (to resume or regenerate loaded replies)
  oldestId: null,
  hasOlder: false,
  loadingOlder: false,
  convNext: null,
  convLoading: 0,
  announced: "",
  regenerating: null, // client message id whose reply is being regenerated
};

const t = (key, params) => translate(state.language, key, params);

// --- connection status, toasts, screen-reader announcements ------------------------------------------

function setConnection(kind) {
  ui.conn.dataset.state = kind;
  $(".conn-text", ui.conn).textContent = t(`conn.${kind}`);
}

let toastTimer = null;
function toast(message) {
  ui.toast.textContent = message;
  ui.toast.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    ui.toast.hidden = true;
  }, 5000);
}

function announce(text) {
  if (!text.trim()) return;
  ui.live.append(el("p", { text }));
  while (ui.live.childElementCount > 20) ui.live.firstElementChild.remove();
}

// Streamed text is announced politely a sentence at a time, not token by token.
function announceStream(fullText, final) {
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

function scrollToBottom(force = false) {
  if (force || nearBottom()) {
    ui.messages.scrollTop = ui.messages.scrollHeight;
  }
  updateJump();
}

function updateJump() {
  ui.jump.hidden = nearBottom();
}

// --- rendering messages ----------------------------------------------------------------------------

function showWelcome() {
  const empty = ui.list.childElementCount === 0;
  ui.welcome.hidden = !empty;
  if (empty) {
    ui.starters.replaceChildren(
      ...[1, 2, 3, 4].map((n) =>
        el("button", { type: "button", class: "chip", text: t(`starter.${n}`), onclick: (e) => sendText(e.currentTarget.textContent) }),
      ),
    );
  }
}

function userNode(content, { clientId = "", serverId = "" } = {}) {
  const node = el(
    "li",
    { class: "msg msg--user", dataset: { clientId, serverId } },
    el("span", { class: "visually-hidden", text: `${t("chat.you")}:` }),
    el("div", { class: "bubble", text: content }),
  );
  return node;
}

function assistantNode(replyId) {
  const node = el(
    "li",
    { class: "msg msg--assistant", dataset: { replyId: String(replyId || "") } },
    el("span", { class: "avatar", "aria-hidden": "true" }, el("img", { src: "/static/chat/favicon.svg", alt: "", width: 28, height: 28 })),
    el(
      "div",
      { class: "msg-body" },
      el("span", { class: "visually-hidden", text: `${t("chat.assistant")}:` }),
      el("div", { class: "bubble bubble--assistant" }, el("span", { class: "typing-dots", "aria-hidden": "true" }, el("span"), el("span"), el("span"))),
    ),
  );
  return node;
}

function setStreamingText(node, text) {
  const bubble = $(".bubble", node);
  bubble.classList.add("is-streaming");
  const body = el("div", { class: "stream-text" });
  // The partial text goes through the same escaping renderer as the final one.
  body.innerHTML = renderMarkdown(text);
  bubble.replaceChildren(body, el("span", { class: "caret", "aria-hidden": "true" }));
}

function renderFinal(node, reply) {
  const bubble = $(".bubble", node);
  bubble.classList.remove("is-streaming");
  // renderMarkdown escapes all of the message text before adding its own markup.
  bubble.innerHTML = renderMarkdown(reply.text);
  if (!reply.text && reply.status !== "failed") bubble.append(el("span", { class: "muted", text: "…" }));
  if (reply.status === "cancelled") bubble.append(el("p", { class: "msg-note", text: t("chat.stopped") }));
  if (reply.status === "failed") {
    bubble.append(el("p", { class: "msg-note msg-note--error", text: reply.errorMessage || t("chat.failed") }));
  }
  node.dataset.status = reply.status;
  $(".msg-actions", node)?.remove();
  $(".msg-body", node).append(actionsFor(node, reply));
}

function actionsFor(node, reply) {
  const bar = el("div", { class: "msg-actions", role: "group", "aria-label": t("chat.assistant") });
  const copy = el(
    "button",
    {
      type: "button",
      class: "icon-btn icon-btn--small",
      "aria-label": t("action.copy"),
      title: t("action.copy"),
      onclick: async () => {
        if (await copyText(reply.text)) {
          copy.replaceChildren(icon("check"));
          copy.setAttribute("aria-label", t("action.copied"));
          announce(t("action.copied"));
          setTimeout(() => {
            copy.replaceChildren(icon("copy"));
            copy.setAttribute("aria-label", t("action.copy"));
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
          "aria-label": t("action.regenerate"),
          title: t("action.regenerate"),
          onclick: () => regenerate(node, reply),
        },
        icon("refresh"),
      ),
    );
  }
  if (reply.id && reply.status !== "failed") {
    const up = el("button", { type: "button", class: "icon-btn icon-btn--small", "aria-label": t("action.good"), title: t("action.good"), "aria-pressed": String(reply.rating === 1) }, icon("up"));
    const down = el("button", { type: "button", class: "icon-btn icon-btn--small", "aria-label": t("action.bad"), title: t("action.bad"), "aria-pressed": String(reply.rating === -1) }, icon("downvote"));
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
    toast(t("error.generic"));
    return;
  }
  reply.rating = rating;
  up.setAttribute("aria-pressed", String(rating === 1));
  down.setAttribute("aria-pressed", String(rating === -1));
  if (rating === -1 && !reason) {
    openReasonForm(node, reply, up, down);
  } else {
    $(".feedback-form", node)?.remove();
    announce(t("feedback.thanks"));
  }
}

function openReasonForm(node, reply, up, down) {
  $(".feedback-form", node)?.remove();
  const reasons = ["incorrect", "outdated", "unhelpful", "unsafe"];
  const group = el(
    "fieldset",
    { class: "reason-chips" },
    el("legend", { text: t("feedback.why") }),
    ...reasons.map((r) =>
      el("label", { class: "chip chip--check" }, el("input", { type: "checkbox", name: "reason", value: t(`feedback.reason.${r}`) }), el("span", { text: t(`feedback.reason.${r}`) })),
    ),
  );
  const detailsId = randomId("fb-");
  const details = el("input", { id: detailsId, type: "text", class: "input", maxlength: 400, placeholder: t("feedback.details") });
  const form = el(
    "form",
    { class: "feedback-form" },
    group,
    el("label", { for: detailsId, class: "visually-hidden", text: t("feedback.details") }),
    details,
    el(
      "div",
      { class: "feedback-actions" },
      el("button", { type: "button", class: "btn btn--ghost btn--small", text: t("feedback.skip"), onclick: () => { form.remove(); announce(t("feedback.thanks")); down.focus(); } }),
      el("button", { type: "submit", class: "btn btn--primary btn--small", text: t("feedback.send") }),
    ),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const picked = [...form.querySelectorAll("input[name=reason]:checked")].map((i) => i.value);
    const text = [...picked, details.value.trim()].filter(Boolean).join("; ").slice(0, 500);
    if (!text) {
      form.remove();
      announce(t("feedback.thanks"));
      down.focus();
      return;
    }
    rate(node, reply, -1, up, down, text).then(() => down.focus());
  });
  $(".msg-body", node).append(form);
  $("input", form).focus();
}

function renderChips(node, actions) {
  for (const old of ui.list.querySelectorAll(".suggestions")) old.remove();
  if (!actions || !actions.length) return;
  const chips = el(
    "div",
    { class: "chips suggestions", role: "group", "aria-label": t("action.suggestions") },
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
function nodesForHistory(messages) {
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

function lastAssistantNode() {
  const nodes = ui.list.querySelectorAll(".msg--assistant");
  return nodes[nodes.length - 1] || null;
}

// --- history ----------------------------------------------------------------------------------------

async function loadConversation(id) {
  resetConversationView();
  state.conversationId = id;
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
    toast(t("error.generic"));
  }
}

async function loadOlder() {
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
    toast(t("error.generic"));
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

function setTitle(title) {
  ui.title.textContent = title || t("chat.new");
  document.title = title ? `${title} · ChatBet` : "ChatBet";
}

function navigate(id, { replace = false } = {}) {
  const url = id ? `/c/${id}/` : "/";
  if (replace) history.replaceState({ id }, "", url);
  else history.pushState({ id }, "", url);
  loadConversation(id);
}

// --- the socket ---------------------------------------------------------------------------------------

function socketUrl() {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  const path = state.conversationId ? `/ws/chat/${state.conversationId}/` : "/ws/chat/";
  return `${scheme}//${location.host}${path}`;
}

function connect() {
  state.wantSocket = true;
  if (state.ws && state.ws.readyState <= WebSocket.OPEN) return;
  clearTimeout(state.retryTimer);
  setConnection(state.retries ? "reconnecting" : "connecting");
  const ws = new WebSocket(socketUrl());
  state.ws = ws;
  state.wsOpen = false;
  ws.addEventListener("message", (event) => {
    if (state.ws !== ws) return;
    let frame;
    try {
      frame = JSON.parse(event.data);
    } catch {
      return;
    }
    onFrame(frame);
  });
  ws.addEventListener("close", () => {
    if (state.ws !== ws) return;
    state.ws = null;
    state.wsOpen = false;
    clearInterval(state.pingTimer);
    if (!state.wantSocket) {
      setConnection("idle");
      return;
    }
    scheduleReconnect();
  });
}

function scheduleReconnect() {
  setConnection(navigator.onLine === false ? "offline" : "reconnecting");
  const delay = Math.min(BACKOFF_MS.max, BACKOFF_MS.first * 2 ** state.retries);
  state.retries += 1;
  clearTimeout(state.retryTimer);
  state.retryTimer = setTimeout(connect, delay * (0.75 + Math.random() * 0.5));
}

function disconnect() {
  state.wantSocket = false;
  clearTimeout(state.retryTimer);
  clearInterval(state.pingTimer);
  const ws = state.ws;
  state.ws = null;
  state.wsOpen = false;
  if (ws) ws.close(1000);
  setConnection("idle");
}

function sendFrame(frame) {
  if (state.ws && state.wsOpen && state.ws.readyState === WebSocket.OPEN) {
    state.ws.send(JSON.stringify(frame));
    return true;
  }
  return false;
}

function onFrame(frame) {
  const handler = FRAME_HANDLERS[frame.type];
  if (handler) handler(frame);
}

const FRAME_HANDLERS = {
  connection_ack() {
    state.retries = 0;
  },
  session_created(frame) {
    state.wsOpen = true;
    setConnection("open");
    clearInterval(state.pingTimer);
    state.pingTimer = setInterval(() => sendFrame({ type: "ping", timestamp: new Date().toISOString() }), PING_MS);
    if (!state.conversationId) {
      state.conversationId = frame.session_id;
      history.replaceState({ id: frame.session_id }, "", `/c/${frame.session_id}/`);
    }
    // Pick up where we left off: the unfinished reply first, then unanswered messages.
    if (state.active) {
      sendFrame({ type: "resume", message_id: state.active.userMessageId, last_seq: state.active.lastSeq, reply_id: Number(state.active.replyId) || undefined });
    }
    for (const pendingFrame of state.pending.values()) sendFrame(pendingFrame);
  },
  typing(frame) {
    if (frame.source !== "assistant") return;
    if (frame.is_typing && !state.active) showActivity(t("chat.thinking"));
  },
  streaming_start(frame) {
    const reply = replyState(frame);
    state.pending.delete(frame.message_id);
    $(`.msg--user[data-client-id="${CSS.escape(frame.message_id)}"]`, ui.list)?.classList.remove("is-pending");
    state.active = { userMessageId: frame.message_id, replyId: frame.reply_id, lastSeq: Math.max(reply.seq, frame.seq), node: reply.node };
    reply.seq = Math.max(reply.seq, frame.seq);
    state.announced = "";
    showActivity(t("chat.thinking"));
    setComposerMode();
    if (!sidebarHas(state.conversationId)) refreshSidebar();
  },
  tool_activity(frame) {
    const reply = replyState(frame);
    if (reply.ended) return;
    advance(reply, frame.seq);
    if (frame.status === "started") showActivity(frame.label || t("chat.thinking"));
    else showActivity(t("chat.thinking"));
  },
  streaming_response(frame) {
    const reply = replyState(frame);
    if (reply.ended || frame.seq <= reply.seq) return; // a duplicate after a resume
    advance(reply, frame.seq);
    hideActivity();
    setStreamingText(reply.node, frame.full_content);
    announceStream(frame.full_content, false);
    scrollToBottom();
  },
  streaming_end(frame) {
    const reply = replyState(frame);
    // A replay from the database after the buffer expired has a lower seq: still authoritative.
    if (reply.ended) return;
    reply.ended = true;
    reply.seq = Math.max(reply.seq, frame.seq);
    const data = {
      id: Number(frame.reply_id),
      text: frame.final_content || "",
      status: frame.status || "complete",
      rating: null,
      userMessageId: frame.message_id,
      suggested: frame.suggested_actions || [],
    };
    reply.reply = data;
    renderFinal(reply.node, data);
    announceStream(data.text, true);
    if (data.status === "cancelled") announce(t("chat.stopped"));
    finishActive(frame.reply_id);
    if (reply.node === lastAssistantNode()) renderChips(reply.node, data.suggested);
    scrollToBottom();
    refreshSidebarSoon();
  },
  error(frame) {
    const replyId = frame.reply_id || frame.details?.reply_id;
    if (replyId) {
      const reply = replyState({ ...frame, reply_id: replyId });
      if (!reply.ended) {
        reply.ended = true;
        const data = { id: Number(replyId), text: "", status: "failed", errorMessage: frame.error_message, userMessageId: frame.message_id, suggested: [] };
        reply.reply = data;
        renderFinal(reply.node, data);
        announce(data.errorMessage || t("chat.failed"));
      }
      finishActive(replyId);
      return;
    }
    if (frame.error_code === "MESSAGE_NOT_FOUND" && state.active) {
      // Nothing to resume: the history has the final state.
      state.active = null;
      loadConversation(state.conversationId);
      return;
    }
    if (frame.error_code === "NOT_STREAMING") {
      finishActive(state.active?.replyId);
      return;
    }
    if (frame.message_id && state.pending.has(frame.message_id)) {
      state.pending.delete(frame.message_id);
      const node = $(`.msg--user[data-client-id="${CSS.escape(frame.message_id)}"]`, ui.list);
      node?.classList.remove("is-pending");
      node?.classList.add("is-failed");
    }
    if (frame.message_id && frame.message_id === state.regenerating) state.regenerating = null;
    hideActivity();
    setComposerMode();
    toast(t(`error.${frame.error_code}`) === `error.${frame.error_code}` ? t("error.generic") : t(`error.${frame.error_code}`));
  },
};

// The rendering state of a reply, creating its bubble on first sight (keyed by reply_id).
function replyState(frame) {
  const id = Number(frame.reply_id);
  let reply = state.replies.get(id);
  if (reply) return reply;
  let node = null;
  if (state.regenerating && state.regenerating === frame.message_id) {
    // A regenerated reply takes the place of the one it replaces.
    node = $(`.msg--assistant.is-regenerating`, ui.list);
    state.regenerating = null;
  }
  if (node) {
    node.classList.remove("is-regenerating");
    node.dataset.replyId = String(id);
    $(".bubble", node).replaceChildren();
    $(".msg-actions", node)?.remove();
    $(".feedback-form", node)?.remove();
  } else {
    node = assistantNode(id);
    const asker = $(`.msg--user[data-client-id="${CSS.escape(frame.message_id || "")}"]`, ui.list);
    if (asker && asker.nextElementSibling) asker.after(node);
    else ui.list.append(node);
  }
  for (const old of ui.list.querySelectorAll(".suggestions")) old.remove();
  reply = { id, node, seq: 0, ended: false, userMessageId: frame.message_id, reply: null };
  state.replies.set(id, reply);
  showWelcome();
  scrollToBottom();
  return reply;
}

function advance(reply, seq) {
  reply.seq = Math.max(reply.seq, seq);
  if (state.active && Number(state.active.replyId) === reply.id) state.active.lastSeq = reply.seq;
}

function finishActive(replyId) {
  if (!state.active || (replyId && Number(state.active.replyId) !== Number(replyId))) {
    if (!state.active) setComposerMode();
    return;
  }
  state.active = null;
  hideActivity();
  setComposerMode();
}

function showActivity(text) {
  ui.activityText.textContent = text;
  ui.activity.hidden = false;
}

function hideActivity() {
  ui.activity.hidden = true;
  ui.activityText.textContent = "";
}

// --- sending ----------------------------------------------------------------------------------------

function setComposerMode() {
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

function sendText(text) {
  const content = String(text || "").trim();
  if (!content) return false;
  if (!state.ageConfirmed) {
    openAgeGate();
    return false;
  }
  if (state.active) {
    toast(t("error.TURN_IN_PROGRESS"));
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
  showActivity(t("chat.thinking"));
  if (!sendFrame(frame)) {
    connect(); // session_created sends everything pending
    if (navigator.onLine === false) toast(t("error.offline"));
  }
  return true;
}

function stopGenerating() {
  if (!state.active) return;
  if (!sendFrame({ type: "stop" }) && state.conversationId && state.active.replyId) {
    api(`conversations/${state.conversationId}/messages/${state.active.replyId}/stop`, { method: "POST" }).catch(() => toast(t("error.generic")));
  }
}

function regenerate(node, reply) {
  if (state.active || !reply.userMessageId) return;
  node.classList.add("is-regenerating");
  state.regenerating = reply.userMessageId;
  state.active = { userMessageId: reply.userMessageId, replyId: null, lastSeq: 0, node };
  setComposerMode();
  showActivity(t("chat.thinking"));
  const frame = { type: "regenerate", message_id: reply.userMessageId };
  if (!sendFrame(frame)) {
    state.active = null;
    state.regenerating = null;
    node.classList.remove("is-regenerating");
    setComposerMode();
    hideActivity();
    toast(t("error.offline"));
  }
}

// --- the sidebar ------------------------------------------------------------------------------------

let sidebarTimer = null;
function refreshSidebarSoon() {
  clearTimeout(sidebarTimer);
  sidebarTimer = setTimeout(refreshSidebar, 300);
}

function sidebarHas(id) {
  return Boolean(id && ui.convList.querySelector(`[data-id="${CSS.escape(id)}"]`));
}

async function refreshSidebar({ append = false } = {}) {
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
    ui.convEmpty.textContent = t(search ? "sidebar.noresults" : "sidebar.empty");
    ui.convHeading.textContent = t(search ? "sidebar.results" : "sidebar.recent");
    markCurrentInSidebar();
    const current = page.results.find((c) => c.session_id === state.conversationId);
    if (current) setTitle(current.title);
  } catch {
    // The list is a convenience; the chat itself still works.
  }
}

function conversationItem(conversation) {
  const title = conversation.title || t("conv.untitled");
  const link = el("a", { class: "conv-link", href: `/c/${conversation.session_id}/`, text: title, title });
  link.addEventListener("click", (event) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    closeDrawer();
    if (conversation.session_id !== state.conversationId) navigate(conversation.session_id);
  });
  const rename = el("button", { type: "button", class: "icon-btn icon-btn--small", "aria-label": `${t("conv.rename")}: ${title}`, title: t("conv.rename") }, icon("edit"));
  const remove = el("button", { type: "button", class: "icon-btn icon-btn--small", "aria-label": `${t("conv.delete")}: ${title}`, title: t("conv.delete") }, icon("trash"));
  const item = el("li", { class: "conv-item", dataset: { id: conversation.session_id } }, link, el("span", { class: "conv-tools" }, rename, remove));
  rename.addEventListener("click", () => startRename(item, conversation));
  remove.addEventListener("click", () => confirmDelete(conversation));
  return item;
}

function markCurrentInSidebar() {
  for (const item of ui.convList.children) {
    const link = $(".conv-link", item);
    if (item.dataset.id === state.conversationId) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
}

function startRename(item, conversation) {
  const inputId = randomId("rn-");
  const input = el("input", { id: inputId, class: "input rename-input", type: "text", maxlength: 120, value: conversation.title || "" });
  const form = el("form", { class: "rename-form" }, el("label", { for: inputId, class: "visually-hidden", text: t("conv.renameLabel") }), input);
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
        toast(t("error.generic"));
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
  $("#delete-name").textContent = conversation.title || t("conv.untitled");
  ui.confirmDelete.returnValue = "";
  ui.confirmDelete.showModal();
  ui.confirmDelete.addEventListener(
    "close",
    async () => {
      if (ui.confirmDelete.returnValue !== "delete") return;
      try {
        await api(`conversations/${conversation.session_id}/`, { method: "DELETE" });
      } catch {
        toast(t("error.generic"));
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

function openDrawer() {
  app.classList.add("drawer-open");
  ui.backdrop.hidden = false;
  ui.sidebarOpen.setAttribute("aria-expanded", "true");
  $("#new-chat").focus();
}

function closeDrawer() {
  if (!app.classList.contains("drawer-open")) return;
  app.classList.remove("drawer-open");
  ui.backdrop.hidden = true;
  ui.sidebarOpen.setAttribute("aria-expanded", "false");
  ui.sidebarOpen.focus();
}

// --- age gate and safer-gambling settings ----------------------------------------------------------------

function openAgeGate() {
  if (!ui.ageGate.open) ui.ageGate.showModal();
  $("#age-yes").focus();
}

async function checkAge() {
  try {
    const profile = await api("betting/profile");
    state.ageConfirmed = Boolean(profile.age_confirmed);
  } catch {
    state.ageConfirmed = false;
  }
  setComposerMode();
  if (!state.ageConfirmed) openAgeGate();
}

async function confirmAge() {
  try {
    const profile = await api("betting/age-confirmation", { method: "POST", body: { confirm: true } });
    state.ageConfirmed = Boolean(profile.age_confirmed);
  } catch {
    toast(t("error.generic"));
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
    ["per_bet", profile.stake_limit_per_bet],
    ["daily", profile.stake_limit_daily],
    ["weekly", profile.stake_limit_weekly],
  ];
  limits.replaceChildren(
    ...rows.flatMap(([period, amount]) => [
      el("dt", { text: t(`safety.period.${period}`) }),
      el("dd", { text: amount == null ? t("safety.limits.none") : String(amount) }),
    ]),
  );
  const notes = [];
  if (profile.self_excluded_until) notes.push(t("safety.exclusion.active", { date: formatDate(profile.self_excluded_until) }));
  if (profile.cooling_off_until) notes.push(t("safety.break.active", { date: formatDate(profile.cooling_off_until) }));
  $("#safety-status").textContent = notes.join(" ");
}

async function openSafety(section) {
  ui.safety.showModal();
  const target = section === "exclusion" ? $("#safety-break") : $("#safety-limits");
  $("select, input", target)?.focus();
  try {
    renderProfile(await api("betting/profile"));
  } catch {
    $("#safety-status").textContent = t("error.generic");
  }
}

async function safetyPost(path, body, message) {
  const status = $("#safety-status");
  try {
    const result = await api(`betting/${path}`, { method: "POST", body });
    if (path === "limits") {
      status.textContent = result.immediate ? t("safety.limits.saved") : t("safety.limits.pending");
      renderProfile(await api("betting/profile"));
      status.textContent = result.immediate ? t("safety.limits.saved") : t("safety.limits.pending");
    } else {
      renderProfile(result);
    }
    if (message) announce(message);
  } catch (error) {
    status.textContent = error.message || t("error.generic");
  }
}

// --- preferences -------------------------------------------------------------------------------------

const narrow = window.matchMedia("(max-width: 820px)");

// On a phone the preference menus show short labels ("ES", "3/2"); their <label>s keep the meaning.
function applyOptionLabels() {
  for (const option of document.querySelectorAll(".topbar option[data-short]")) {
    if (!option.dataset.long) option.dataset.long = option.textContent;
    option.textContent = narrow.matches ? option.dataset.short : option.dataset.long;
  }
}

function applyLanguage() {
  applyTranslations(document, state.language);
  for (const option of document.querySelectorAll(".topbar option[data-short][data-i18n]")) delete option.dataset.long;
  applyOptionLabels();
  for (const node of document.querySelectorAll("[data-lang]")) node.hidden = node.dataset.lang !== state.language;
  if (!state.conversationId) setTitle("");
  setConnection(ui.conn.dataset.state || "idle");
  showWelcome();
}

function remember(key, value) {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Not persisted: still used for this page.
  }
}

// --- wiring -----------------------------------------------------------------------------------------

function autosize() {
  ui.input.style.height = "auto";
  ui.input.style.height = `${Math.min(ui.input.scrollHeight, 200)}px`;
}

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
  ui.lang.value = state.language;
  ui.lang.addEventListener("change", () => {
    state.language = ui.lang.value;
    remember(STORAGE.language, state.language);
    applyLanguage();
    refreshSidebar();
  });
  ui.odds.value = state.oddsFormat;
  ui.odds.addEventListener("change", () => {
    state.oddsFormat = ui.odds.value;
    remember(STORAGE.odds, state.oddsFormat);
  });

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
      $("#safety-status").textContent = t("safety.exclusion.needAck");
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
  applyLanguage();
  history.replaceState({ id: state.conversationId }, "", location.href);
  loadConversation(state.conversationId);
  refreshSidebar();
  checkAge();
}

// Exposed for the end-to-end tests and for debugging in the console.
window.chatbet = { state, renderMarkdown, connect, disconnect };

start();
