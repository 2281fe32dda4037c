// Builds elements from data without ever parsing it as HTML: text from the API is always text.

/**
 * h('a', {href: '#/x', class: 'link', onclick: fn}, 'text', child) → an element. Properties starting with
 * "on" are listeners; "class", "for" and any attribute with a dash are set as attributes; booleans
 * set or leave out an attribute; null and undefined are skipped, as are null children.
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2), value);
    } else if (value === true) {
      element.setAttribute(key, '');
    } else {
      element.setAttribute(key, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Appends children to an element, skipping null, undefined and false (which the DOM would write as text). */
export function add(element, ...children) {
  append(element, children);
  return element;
}

/** Replaces what an element holds. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** A message that a screen reader announces: role=status for news, role=alert for errors. */
export function notice(kind, ...text) {
  return h('div', { class: 'notice notice-' + kind, role: kind === 'error' ? 'alert' : 'status' }, ...text);
}

/**
 * A table with a caption and header cells. A row is an array of cells, or {attrs, cells} to give the row
 * attributes (data-* for the row's key); a cell is text, an element, or {text, value} to keep the number
 * shown as data-value beside its formatted text, or a td of its own.
 */
export function table(caption, headers, rows, options = {}) {
  const numeric = index => options.numeric?.includes(index) ? 'num' : null;
  const cell = (content, index) => content instanceof HTMLTableCellElement ? content
    : content !== null && typeof content === 'object' && !(content instanceof Node)
    ? h('td', { class: numeric(index), 'data-value': content.value ?? '' }, content.text)
    : h('td', { class: numeric(index) }, content);
  return h('table', { class: options.className || 'data' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, headers.map((header, index) => h('th', { scope: 'col', class: numeric(index) }, header)))),
    h('tbody', {}, rows.map(row => Array.isArray(row)
      ? h('tr', {}, row.map(cell))
      : h('tr', row.attrs, row.cells.map(cell)))));
}

/** A labelled form field. */
export function field(label, control, hint) {
  const id = control.id || ('f-' + Math.random().toString(36).slice(2));
  control.id = id;
  return h('div', { class: 'field' },
    h('label', { for: id }, label),
    hint ? h('span', { class: 'hint', id: id + '-hint' }, hint) : null,
    control);
}
