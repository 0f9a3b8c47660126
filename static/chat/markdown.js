// A small, safe Markdown renderer for assistant replies.
//
// Everything is HTML-escaped first; only the tags this module writes itself ever reach the page.
// Supported: paragraphs, line breaks, headings, bold, italic, inline code, fenced code, bullet
// and numbered lists (one level of nesting), block quotes, rules, pipe tables, and links whose
// target is http(s) only (opened with rel="noopener noreferrer").

const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

// Inline formatting on already-escaped text. Code spans and links are set aside as placeholders
// first so that nothing inside them is formatted again.
function inline(escaped) {
  const held = [];
  const hold = (html) => `\u0000${held.push(html) - 1}\u0000`;
  let s = escaped.replace(/`([^`\n]+)`/g, (_, code) => hold(`<code>${code}</code>`));
  s = s.replace(/\[([^\]\n]+)\]\(([^)\s]+)\)/g, (whole, label, url) => {
    if (!/^https?:\/\//i.test(url)) return label;
    return hold(`<a href="${url}" target="_blank" rel="noopener noreferrer">${label}</a>`);
  });
  s = s.replace(/(^|[\s(])(https?:\/\/[^\s<)]+[^\s<).,;:!?])/g, (_, lead, url) =>
    lead + hold(`<a href="${url}" target="_blank" rel="noopener noreferrer">${url}</a>`),
  );
  s = s.replace(/\*\*(?=\S)([^*]*?\S)\*\*/g, "<strong>$1</strong>");
  s = s.replace(/(^|[^\w])__(?=\S)([^_]*?\S)__(?!\w)/g, "$1<strong>$2</strong>");
  s = s.replace(/(^|[^*\w])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?!\*)/g, "$1<em>$2</em>");
  s = s.replace(/(^|[^\w])_(?=[^\s_])([^_\n]*?[^\s_])_(?!\w)/g, "$1<em>$2</em>");
  s = s.replace(/~~(?=\S)([^~]*?\S)~~/g, "<del>$1</del>");
  return s.replace(/\u0000(\d+)\u0000/g, (_, i) => held[Number(i)]);
}

const LIST_ITEM = /^(\s*)([-*+]|\d{1,3}[.)])\s+(.*)$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

function splitRow(line) {
  let row = line.trim();
  if (row.startsWith("|")) row = row.slice(1);
  if (row.endsWith("|") && !row.endsWith("\\|")) row = row.slice(0, -1);
  return row.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, "|"));
}

function table(lines) {
  const header = splitRow(lines[0]);
  const aligns = splitRow(lines[1]).map((cell) => {
    const left = cell.startsWith(":");
    const right = cell.endsWith(":");
    if (left && right) return "center";
    if (right) return "right";
    return "";
  });
  const cls = (i) => (aligns[i] ? ` class="align-${aligns[i]}"` : "");
  const head = header.map((cell, i) => `<th scope="col"${cls(i)}>${inline(cell)}</th>`).join("");
  const body = lines
    .slice(2)
    .map((line) => {
      const cells = splitRow(line);
      while (cells.length < header.length) cells.push("");
      return `<tr>${cells
        .slice(0, header.length)
        .map((cell, i) => `<td${cls(i)}>${inline(cell)}</td>`)
        .join("")}</tr>`;
    })
    .join("");
  return `<div class="table-wrap" tabindex="0"><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

function list(lines) {
  // lines: [{indent, ordered, start, text}] -> nested <ul>/<ol> (nesting by indentation).
  const out = [];
  const stack = [];
  for (const item of lines) {
    while (stack.length && item.indent < stack[stack.length - 1].indent) {
      out.push(`</li></${stack.pop().tag}>`);
    }
    const tag = item.ordered ? "ol" : "ul";
    if (stack.length && item.indent === stack[stack.length - 1].indent && stack[stack.length - 1].tag !== tag) {
      out.push(`</li></${stack.pop().tag}>`); // a bullet list followed by a numbered one
    }
    const top = stack[stack.length - 1];
    if (!top || item.indent > top.indent) {
      const start = item.ordered && item.start !== 1 ? ` start="${item.start}"` : "";
      stack.push({ indent: item.indent, tag });
      out.push(`<${tag}${start}><li>${inline(item.text)}`);
    } else {
      out.push(`</li><li>${inline(item.text)}`);
    }
  }
  while (stack.length) out.push(`</li></${stack.pop().tag}>`);
  return out.join("");
}

export function renderMarkdown(source) {
  const lines = escapeHtml(String(source ?? "").replace(/\u0000/g, "").replace(/\r\n?/g, "\n")).split("\n");
  const html = [];
  let paragraph = [];
  const flush = () => {
    if (paragraph.length) html.push(`<p>${paragraph.map(inline).join("<br>")}</p>`);
    paragraph = [];
  };
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const trimmed = line.trim();
    if (!trimmed) {
      flush();
      i += 1;
      continue;
    }
    const fence = trimmed.match(/^(`{3,}|~{3,})/);
    if (fence) {
      flush();
      const code = [];
      i += 1;
      while (i < lines.length && !lines[i].trim().startsWith(fence[1])) code.push(lines[i++]);
      i += 1;
      html.push(`<pre><code>${code.join("\n")}</code></pre>`);
      continue;
    }
    const heading = trimmed.match(/^(#{1,6})\s+(.*?)\s*#*$/);
    if (heading) {
      flush();
      const level = Math.min(6, heading[1].length + 2);
      html.push(`<h${level}>${inline(heading[2])}</h${level}>`);
      i += 1;
      continue;
    }
    if (/^([-*_])(\s*\1){2,}$/.test(trimmed)) {
      flush();
      html.push("<hr>");
      i += 1;
      continue;
    }
    if (trimmed.includes("|") && i + 1 < lines.length && TABLE_SEPARATOR.test(lines[i + 1]) && lines[i + 1].includes("-")) {
      flush();
      const rows = [line, lines[i + 1]];
      i += 2;
      while (i < lines.length && lines[i].trim() && lines[i].includes("|")) rows.push(lines[i++]);
      html.push(table(rows));
      continue;
    }
    if (trimmed.startsWith("&gt;")) {
      flush();
      const quoted = [];
      while (i < lines.length && lines[i].trim().startsWith("&gt;")) {
        quoted.push(lines[i].trim().replace(/^&gt;\s?/, ""));
        i += 1;
      }
      html.push(`<blockquote>${quoted.map(inline).join("<br>")}</blockquote>`);
      continue;
    }
    if (LIST_ITEM.test(line)) {
      flush();
      const items = [];
      while (i < lines.length) {
        const m = lines[i].match(LIST_ITEM);
        if (m) {
          const marker = m[2];
          const ordered = /\d/.test(marker);
          items.push({ indent: m[1].replace(/\t/g, "    ").length, ordered, start: ordered ? parseInt(marker, 10) : 1, text: m[3] });
        } else if (lines[i].trim() && /^\s+/.test(lines[i]) && items.length) {
          items[items.length - 1].text += ` ${lines[i].trim()}`; // a wrapped continuation line
        } else {
          break;
        }
        i += 1;
      }
      html.push(list(items));
      continue;
    }
    paragraph.push(trimmed);
    i += 1;
  }
  flush();
  return html.join("");
}
