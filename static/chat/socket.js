// The WebSocket protocol (docs/websocket.md): connect, reconnect with backoff, resume, and one
// handler per server frame type.

import { setComposerMode } from "./composer.js";
import { $ } from "./dom.js";
import { loadConversation } from "./history.js";
import { gettext } from "./i18n.js";
import { announce, announceStream, assistantNode, hideActivity, lastAssistantNode, renderChips, renderFinal, scrollToBottom, setConnection, setStreamingText, showActivity, showWelcome, toast } from "./render.js";
import { updateShareTools } from "./sharing.js";
import { refreshSidebar, refreshSidebarSoon, sidebarHas } from "./sidebar.js";
import { state, ui } from "./state.js";

const BACKOFF_MS = { first: 500, max: 15000 };
const PING_MS = 25000;

// --- the socket ---------------------------------------------------------------------------------------

function socketUrl() {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  const path = state.conversationId ? `/ws/chat/${state.conversationId}/` : "/ws/chat/";
  return `${scheme}//${location.host}${path}`;
}

export function connect() {
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

export function disconnect() {
  state.wantSocket = false;
  clearTimeout(state.retryTimer);
  clearInterval(state.pingTimer);
  const ws = state.ws;
  state.ws = null;
  state.wsOpen = false;
  if (ws) ws.close(1000);
  setConnection("idle");
}

export function sendFrame(frame) {
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
      updateShareTools();
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
    if (frame.is_typing && !state.active) showActivity(gettext("Thinking…"));
  },
  streaming_start(frame) {
    const reply = replyState(frame);
    state.pending.delete(frame.message_id);
    $(`.msg--user[data-client-id="${CSS.escape(frame.message_id)}"]`, ui.list)?.classList.remove("is-pending");
    state.active = { userMessageId: frame.message_id, replyId: frame.reply_id, lastSeq: Math.max(reply.seq, frame.seq), node: reply.node };
    reply.seq = Math.max(reply.seq, frame.seq);
    state.announced = "";
    showActivity(gettext("Thinking…"));
    setComposerMode();
    if (!sidebarHas(state.conversationId)) refreshSidebar();
  },
  tool_activity(frame) {
    const reply = replyState(frame);
    if (reply.ended) return;
    advance(reply, frame.seq);
    if (frame.status === "started") showActivity(frame.label || gettext("Thinking…"));
    else showActivity(gettext("Thinking…"));
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
    if (data.status === "cancelled") announce(gettext("Stopped"));
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
        announce(data.errorMessage || gettext("Sorry, something went wrong with this answer."));
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
    toast(errorText(frame.error_code));
  },
};

// What to tell the person about a failed frame: the codes they can act on, else a generic line.
function errorText(code) {
  const texts = {
    TURN_IN_PROGRESS: gettext("Please wait for the current answer to finish."),
    RATE_LIMITED: gettext("You're sending messages quickly. Please wait a moment."),
    MESSAGE_TOO_LONG: gettext("That message is too long."),
  };
  return texts[code] || gettext("Something went wrong. Please try again.");
}

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
