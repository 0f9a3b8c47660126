// Share or download the open conversation (conversations/apis/sharing.py): Markdown and JSON
// downloads, and read-only links the owner creates, copies or revokes.

import { api } from "./api.js";
import { $, copyText, el, randomId } from "./dom.js";
import { gettext } from "./i18n.js";
import { announce } from "./render.js";
import { state, ui } from "./state.js";

const GENERIC_ERROR = () => gettext("Something went wrong. Please try again.");

// The share button and the download links follow the conversation on screen.
export function updateShareTools() {
  const id = state.conversationId;
  ui.openShare.hidden = !id;
  $("#export-markdown").href = id ? `/api/v1/conversations/${id}/export/markdown` : "#";
  $("#export-json").href = id ? `/api/v1/conversations/${id}/export/json` : "#";
}

function setStatus(text) {
  $("#share-status").textContent = text;
}

function shareRow(conversationId, share) {
  const inputId = randomId("share-");
  const input = el("input", { id: inputId, class: "input share-url", type: "text", readonly: true, value: share.url });
  input.addEventListener("focus", () => input.select());
  const row = el(
    "li",
    { class: "share-row", dataset: { token: share.token } },
    el("label", { for: inputId, class: "visually-hidden", text: gettext("Read-only link") }),
    input,
  );
  const copy = el("button", {
    type: "button",
    class: "btn btn--ghost btn--small",
    text: gettext("Copy link"),
    onclick: async () => {
      if (await copyText(share.url)) announce(gettext("Copied"));
    },
  });
  const revoke = el("button", {
    type: "button",
    class: "btn btn--danger btn--small",
    text: gettext("Revoke"),
    onclick: async () => {
      try {
        await api(`conversations/${conversationId}/shares/${encodeURIComponent(share.token)}`, { method: "DELETE" });
      } catch (error) {
        setStatus(error.message || GENERIC_ERROR());
        return;
      }
      row.remove();
      setStatus(gettext("Link revoked: it no longer opens."));
      $("#share-create").focus();
    },
  });
  row.append(copy, revoke);
  return row;
}

async function openShareDialog() {
  const id = state.conversationId;
  if (!id) return;
  setStatus("");
  $("#share-list").replaceChildren();
  ui.shareDialog.showModal();
  try {
    const shares = await api(`conversations/${id}/shares`);
    $("#share-list").replaceChildren(...shares.map((share) => shareRow(id, share)));
  } catch (error) {
    setStatus(error.message || GENERIC_ERROR());
  }
}

async function createShare() {
  const id = state.conversationId;
  try {
    const share = await api(`conversations/${id}/shares`, { method: "POST" });
    const row = shareRow(id, share);
    $("#share-list").prepend(row);
    setStatus(gettext("Link created."));
    $("input", row).focus();
  } catch (error) {
    setStatus(error.message || GENERIC_ERROR());
  }
}

export function wireSharing() {
  ui.openShare.addEventListener("click", openShareDialog);
  $("#share-create").addEventListener("click", createShare);
  ui.shareDialog.addEventListener("click", (event) => {
    if (event.target === ui.shareDialog) ui.shareDialog.close(); // a click on the backdrop
  });
}
