// Renders each address given (a JSON array in argv[3]) with the dashboard's own dom.js, whose
// directory is argv[2], and prints what became of it as JSON: the element's tag, its href, rel and
// target attributes and its text. ExternalLinkTest judges the answer.
//
// Node has no DOM; the few calls dom.js's h() makes are recorded by the small stand-in below. The
// URL parsing under test is Node's own WHATWG URL, the parser browsers use.
import { pathToFileURL } from 'node:url';
import path from 'node:path';

class FakeNode {}

class FakeText extends FakeNode {
  constructor(text) {
    super();
    this.textContent = text;
  }
}

class FakeElement extends FakeNode {
  constructor(tag) {
    super();
    this.tagName = tag.toLowerCase();
    this.attributes = {};
    this.children = [];
    this.classList = { add: () => {} };
    this.dataset = {};
    this.style = {};
  }

  setAttribute(name, value) {
    this.attributes[name] = String(value);
  }

  addEventListener() {}

  append(...nodes) {
    this.children.push(...nodes);
  }

  get textContent() {
    return this.children.map((c) => c.textContent).join('');
  }
}

globalThis.Node = FakeNode;
globalThis.document = {
  createElement: (tag) => new FakeElement(tag),
  createTextNode: (text) => new FakeText(text),
};

const dom = await import(pathToFileURL(path.join(process.argv[2], 'dom.js')).href);
const out = JSON.parse(process.argv[3]).map((url) => {
  const el = dom.externalLink(url);
  return {
    url,
    tag: el.tagName,
    href: el.attributes.href ?? null,
    rel: el.attributes.rel ?? null,
    target: el.attributes.target ?? null,
    text: el.textContent,
  };
});
process.stdout.write(JSON.stringify(out));
