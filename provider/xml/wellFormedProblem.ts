/**
 * Whether a body is one XML element tree, checked in one pass before fast-xml-parser reads it: fast-xml-parser
 * reads leniently (a cut-off document, a stray end tag or text after the root come back as a plausible result),
 * and its own validator walks the text a second time character by character and allocates as it goes, which cost
 * a quarter of each parse. This jumps from one `<` to the next with `indexOf`, keeps the open elements as offsets
 * into the body and compares names in place: nothing is allocated per tag.
 *
 * What it refuses: a document cut short (an element left open, a tag, comment, CDATA section or processing
 * instruction left unclosed), end tags that do not close the element open, a `<` that starts no markup, text or a
 * second element outside the root, no root. What it leaves to the parser: attribute syntax (attributes are
 * ignored), entity references (only the predefined ones and character references are ever decoded), DOCTYPE
 * (refused before this runs).
 */

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;

/** Characters that end a tag name: whitespace, `/`, `>` (and `<`, `!`, `?`, `=`, quotes, never part of one). */
function endsName(code: number): boolean {
  return code <= 0x20 || code === SLASH || code === GT || code === LT || code === BANG || code === QUESTION || code === 0x3d || code === 0x22 || code === 0x27;
}

function isBlank(body: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = body.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return false;
  }
  return true;
}

/** Why `body` is not a single well-formed element tree, or undefined when it is. */
export function wellFormedProblem(body: string): string | undefined {
  // Open elements as [name start, name end] offsets, flattened: nothing allocated per tag.
  const open: number[] = [];
  let rootSeen = false;
  let at = 0;
  for (;;) {
    const lt = body.indexOf("<", at);
    if (open.length === 0 && !isBlank(body, at, lt < 0 ? body.length : lt)) return "text outside the root element";
    if (lt < 0) break;
    const kind = body.charCodeAt(lt + 1);
    if (kind === BANG || kind === QUESTION) {
      const end = specialEnd(body, lt);
      if (end < 0) return `a comment, CDATA section or declaration that does not close, at offset ${lt}`;
      at = end;
      continue;
    }
    const closing = kind === SLASH;
    const nameStart = closing ? lt + 2 : lt + 1;
    let nameEnd = nameStart;
    while (nameEnd < body.length && !endsName(body.charCodeAt(nameEnd))) nameEnd++;
    const gt = body.indexOf(">", nameEnd);
    if (nameEnd === nameStart || gt < 0) return `a "<" that starts no tag, or a tag that does not close, at offset ${lt}`;
    at = gt + 1;
    if (closing) {
      const openEnd = open.pop();
      const openStart = open.pop();
      if (openStart === undefined || openEnd === undefined || !sameName(body, openStart, openEnd, nameStart, nameEnd)) {
        return `an end tag </${body.slice(nameStart, Math.min(nameEnd, nameStart + 40))}> that closes no open element`;
      }
      continue;
    }
    if (open.length === 0) {
      if (rootSeen) return "more than one root element";
      rootSeen = true;
    }
    if (body.charCodeAt(gt - 1) !== SLASH) open.push(nameStart, nameEnd);
  }
  if (!rootSeen) return "no root element";
  if (open.length > 0) return `the document ends inside <${body.slice(open[open.length - 2], Math.min(open[open.length - 1], open[open.length - 2] + 40))}> (cut short?)`;
  return undefined;
}

/** Just past a comment, CDATA section, processing instruction or declaration starting at `lt`; -1 if it never ends. */
function specialEnd(body: string, lt: number): number {
  const [terminator, from] = body.startsWith("<!--", lt) ? ["-->", lt + 4] : body.startsWith("<![CDATA[", lt) ? ["]]>", lt + 9] : [body.charCodeAt(lt + 1) === QUESTION ? "?>" : ">", lt + 2];
  const end = body.indexOf(terminator, from);
  return end < 0 ? -1 : end + terminator.length;
}

function sameName(body: string, aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  if (aEnd - aStart !== bEnd - bStart) return false;
  for (let i = 0; i < aEnd - aStart; i++) if (body.charCodeAt(aStart + i) !== body.charCodeAt(bStart + i)) return false;
  return true;
}
