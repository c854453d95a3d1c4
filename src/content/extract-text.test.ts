// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createRanges, extractContent, SECTION_BREAK } from './extract-text';

function mount(html: string): HTMLElement {
  document.body.innerHTML = `<div id="root">${html}</div>`;
  return document.getElementById('root')!;
}

describe('extractContent', () => {
  it('reads visible text and leaves out scripts, styles, form fields, editable and hidden parts', () => {
    const root = mount(`
      <p>Xin chào</p><script>var secret = "nạp tiền";</script><style>.a{}</style>
      <textarea>draft</textarea><input value="typed"><div contenteditable="true">composer</div>
      <div role="textbox">box</div><div hidden>hidden text</div><span>cuối</span>`);
    const { text } = extractContent(root, { checkVisibility: false });
    expect(text).toContain('Xin chào');
    expect(text).toContain('cuối');
    for (const leftOut of ['secret', 'draft', 'typed', 'composer', 'box', 'hidden text']) expect(text).not.toContain(leftOut);
  });

  it('separates blocks so words of adjacent blocks do not run together, and keeps inline text joined', () => {
    const root = mount('<div>nạp</div><div>tiền</div><span>làm</span><b>nhiệm</b> <i>vụ</i>');
    const { text } = extractContent(root, { checkVisibility: false });
    expect(text).toMatch(/nạp\s+tiền/);
    expect(text).toContain('làmnhiệm'); // inline elements do not add spaces
    expect(text).toContain('nhiệm vụ');
  });

  it('adds image alt text and unwraps l.facebook.com links, deduplicated', () => {
    const target = 'https://evil.example/page?a=1';
    const shim = `https://l.facebook.com/l.php?u=${encodeURIComponent(target)}&h=AT1`;
    const root = mount(`<img alt="NẠP TIỀN LÀM NHIỆM VỤ"><a href="${shim}">x</a><a href="${shim}">y</a><a href="javascript:void 0">z</a>`);
    const { text, links } = extractContent(root, { checkVisibility: false });
    expect(text).toContain('NẠP TIỀN LÀM NHIỆM VỤ');
    expect(links).toEqual([target]);
  });

  it('honours the skip callback (nested items, our hosts)', () => {
    const root = mount('<p>post text</p><div class="nested"><p>comment text</p></div>');
    const { text } = extractContent(root, { checkVisibility: false, skip: (el) => el.classList.contains('nested') });
    expect(text).toContain('post text');
    expect(text).not.toContain('comment text');
  });

  it("puts a section break before the element that starts the item's own text, and only there", () => {
    const root = mount(`<h4>Trang A${SECTION_BREAK}B</h4><div class="body">nạp${SECTION_BREAK}tiền<img alt="x${SECTION_BREAK}y"></div>`);
    const body = root.querySelector('.body')!;
    const { text } = extractContent(root, { checkVisibility: false, startsSection: (el) => el === body });
    // The page's own U+2029 (text and alt) is read as a space, so it cannot fence every word off.
    expect(text.split(SECTION_BREAK).map((part) => part.trim())).toEqual(['Trang A B', expect.stringContaining('nạp tiền')]);
    expect(text).toContain('x y');
  });

  it('stops at maxChars', () => {
    const root = mount(`<p>${'a'.repeat(500)}</p><p>${'b'.repeat(500)}</p>`);
    expect(extractContent(root, { checkVisibility: false, maxChars: 600 }).text.length).toBeLessThanOrEqual(600);
  });
});

describe('createRanges', () => {
  it('maps text offsets back to the Text nodes, across inline elements', () => {
    const root = mount('<div>Ai muốn <b>nạp tiền</b> làm nhiệm vụ</div>');
    const content = extractContent(root, { checkVisibility: false });
    const start = content.text.indexOf('nạp tiền làm');
    const end = start + 'nạp tiền làm'.length;
    const ranges = createRanges(content, start, end, document);
    expect(ranges).toHaveLength(1);
    expect(ranges[0]!.toString()).toBe('nạp tiền làm');
    // The page's nodes are untouched.
    expect(root.innerHTML).toBe('<div>Ai muốn <b>nạp tiền</b> làm nhiệm vụ</div>');
  });

  it('returns nothing for a span inside alt text', () => {
    const root = mount('<img alt="chỉ trong ảnh"><p>chữ</p>');
    const content = extractContent(root, { checkVisibility: false });
    const at = content.text.indexOf('trong');
    expect(createRanges(content, at, at + 5, document)).toEqual([]);
  });
});
