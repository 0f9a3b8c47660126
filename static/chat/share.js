// A shared conversation (read-only): the server writes each answer as plain text; this renders its
// Markdown through the same escaping renderer as the chat page.

import { renderMarkdown } from "./markdown.js";

for (const bubble of document.querySelectorAll(".bubble[data-markdown]")) {
  bubble.innerHTML = renderMarkdown(bubble.textContent);
}
