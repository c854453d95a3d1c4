// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { SECTION_BREAK } from '../extract-text';
import { createFacebookAdapter, chooseSelector } from './facebook';
import { renderTestFeed } from './facebook-test-dom';
import { BUNDLED_SITE_SELECTORS, chooseSiteSelectors, findSiteFor, parseSiteSelectors } from './site-selectors';

const selectors = BUNDLED_SITE_SELECTORS.sites['facebook']!;

describe('site selectors', () => {
  it('map facebook.com and its subdomains to the facebook adapter, nothing else', () => {
    expect(findSiteFor('www.facebook.com', BUNDLED_SITE_SELECTORS)?.id).toBe('facebook');
    expect(findSiteFor('web.facebook.com', BUNDLED_SITE_SELECTORS)?.id).toBe('facebook');
    expect(findSiteFor('facebook.com.evil.example', BUNDLED_SITE_SELECTORS)).toBeNull();
    expect(findSiteFor('notfacebook.com', BUNDLED_SITE_SELECTORS)).toBeNull();
  });

  it('accept a newer file from storage, dropping invalid selectors, and fall back to the bundled one otherwise', () => {
    const stored = {
      format: 1,
      version: BUNDLED_SITE_SELECTORS.version + 1,
      sites: { facebook: { ...selectors, posts: ['[[[invalid', '[data-new-post]'] } },
    };
    const chosen = chooseSiteSelectors(stored);
    expect(chosen.version).toBe(stored.version);
    expect(chosen.sites['facebook']!.posts).toEqual(['[data-new-post]']);
    expect(chooseSiteSelectors({ format: 2 })).toBe(BUNDLED_SITE_SELECTORS);
    expect(chooseSiteSelectors({ ...stored, version: 0 })).toBe(BUNDLED_SITE_SELECTORS);
    expect(parseSiteSelectors({ format: 1, version: 9, sites: { facebook: { posts: 'nope' } } })).toBeNull();
  });
});

describe('facebook adapter', () => {
  beforeEach(() => {
    document.body.innerHTML = renderTestFeed([
      {
        id: 'p1',
        text: 'Tuyển cộng tác viên, nạp tiền làm nhiệm vụ',
        seeMore: true,
        link: 'https://t.me/nhiemvu',
        comments: [{ id: 'c1', text: 'Bình luận một', replies: [{ id: 'c1r', text: 'Trả lời' }] }, { id: 'c2', text: 'Bình luận hai' }],
      },
      { id: 'p2', text: 'Bán xe Wave' },
    ]);
  });
  const byTest = (id: string) => document.querySelector(`[data-test="${id}"]`)!;

  it('finds posts and comments (nested replies too) with the first selector that matches', () => {
    const adapter = createFacebookAdapter(selectors, document);
    const items = adapter.findItems(document);
    expect(items.map((i) => i.getAttribute('data-test'))).toEqual(['p1', 'c1', 'c1r', 'c2', 'p2']);
    expect(adapter.kindOf(byTest('p1'))).toBe('post');
    expect(adapter.kindOf(byTest('c1r'))).toBe('comment');
  });

  it("reads a post's own text and links: not its comments, buttons, or the comment box", () => {
    const adapter = createFacebookAdapter(selectors, document);
    const content = adapter.readItem(byTest('p1'));
    expect(content.text).toContain('nạp tiền làm nhiệm vụ');
    expect(content.text).not.toContain('Xem thêm');
    expect(content.text).not.toContain('Bình luận một');
    expect(content.text).not.toContain('draft');
    expect(content.links).toContain('https://t.me/nhiemvu');
    const comment = adapter.readItem(byTest('c1'));
    expect(comment.text).toContain('Bình luận một');
    expect(comment.text).not.toContain('Trả lời');
    expect(comment.text).not.toContain('Phản hồi');
  });

  it("puts a section break between an item's header (author, time) and its text, and nowhere else", () => {
    const adapter = createFacebookAdapter(selectors, document);
    const post = adapter.readItem(byTest('p1'));
    const [header = '', message = ''] = post.text.split(SECTION_BREAK);
    expect(post.text.split(SECTION_BREAK)).toHaveLength(2);
    expect(header).toContain('Tác giả');
    expect(message).toContain('Tuyển cộng tác viên, nạp tiền làm nhiệm vụ');
    const comment = adapter.readItem(byTest('c1'));
    expect(comment.text.split(SECTION_BREAK).map((part) => part.trim())).toEqual(['Tên', 'Bình luận một']);
    // An item without a recognisable text container is read as one piece.
    document.body.innerHTML = '<div role="feed"><div aria-posinset="1"><span>Chỉ có chữ</span></div></div>';
    const bare = createFacebookAdapter(selectors, document);
    expect(bare.readItem(bare.findItems(document)[0]!).text).not.toContain(SECTION_BREAK);
  });

  it('finds the innermost item of a node and the anchor for the warning', () => {
    const adapter = createFacebookAdapter(selectors, document);
    const replyText = byTest('c1r').querySelector('div[dir=auto]')!.firstChild!;
    expect(adapter.closestItem(replyText)).toBe(byTest('c1r'));
    expect(adapter.findAnchor(byTest('p1')).id).toBe('m-p1'); // the aria-describedby message
    expect(adapter.findAnchor(byTest('c1'))).toBe(byTest('c1').querySelector('div[dir=auto]'));
  });

  it('falls back to role=article posts when aria-posinset is gone (a layout change)', () => {
    document.body.innerHTML = `<div role="main"><div role="feed">
      <div role="article" aria-labelledby="x"><div dir="auto">Bài viết</div>
        <div role="article" aria-label="Bình luận"><div dir="auto">Bình luận</div></div></div></div></div>`;
    const adapter = createFacebookAdapter(selectors, document);
    const items = adapter.findItems(document);
    expect(items).toHaveLength(2);
    expect(adapter.kindOf(items[0]!)).toBe('post');
    expect(adapter.kindOf(items[1]!)).toBe('comment');
    expect(chooseSelector(document, selectors.posts)).toBe('[role=feed] [role=article]');
  });
});
