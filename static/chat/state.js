// The page's shared state and its elements.

import { $ } from "./dom.js";
import { language } from "./i18n.js";

const ODDS_FORMATS = ["decimal", "fractional", "american"];
export const STORAGE = { odds: "chatbet.oddsFormat" };

export const app = $("#app");
export const ui = {
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
  odds: $("#odds-select"),
  ageGate: $("#age-gate"),
  safety: $("#safety"),
  confirmDelete: $("#confirm-delete"),
  openShare: $("#open-share"),
  shareDialog: $("#share-dialog"),
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

export const state = {
  conversationId: app.dataset.conversationId || null,
  language,
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

