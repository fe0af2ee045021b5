// Small helpers to build DOM nodes without innerHTML, so no text from a file can become markup.

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Makes an HTML element.
 * @param {string} tag
 * @param {object} [props] `class`, `text`, `dataset` (object), `on` ({event: handler}), any
 *   other key becomes an attribute (false/null/undefined are left out, true is an empty value)
 * @param {...(Node|string|null|undefined)} children
 */
export function el(tag, props = {}, ...children) {
  return build(document.createElement(tag), props, children);
}

/** Makes an SVG element; same arguments as `el`. */
export function svg(tag, props = {}, ...children) {
  return build(document.createElementNS(SVG_NS, tag), props, children);
}

function build(node, props, children) {
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') node.textContent = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'on') for (const [event, handler] of Object.entries(value)) node.addEventListener(event, handler);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

/** The element with this id; throws early when index.html and the code disagree. */
export function byId(id) {
  const node = document.getElementById(id);
  if (!node) throw new Error(`index.html has no element #${id}`);
  return node;
}
