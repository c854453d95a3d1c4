/**
 * Test helper: Facebook-like markup (the same shapes as test/fixtures/pages/facebook/feed.js, in a string) for DOM
 * tests of the adapter and the scanner.
 */
export interface TestComment {
  id: string;
  text: string;
  replies?: TestComment[];
}
export interface TestPost {
  id: string;
  text: string;
  seeMore?: boolean;
  comments?: TestComment[];
  link?: string;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

function renderComment(c: TestComment): string {
  return `<li><div role="article" aria-label="Bình luận dưới tên A" data-test="${c.id}" class="x1n2onr6 x1iorvi4">
    <div class="x1y1aw1k"><span><a href="https://www.facebook.com/profile.php?id=1" role="link"><span>Tên</span></a></span>
      <div class="xdj266r"><span lang="vi-VN"><div dir="auto" style="text-align: start;">${escape(c.text)}</div></span></div></div>
    <ul><li><div role="button" tabindex="0">Thích</div></li><li><div role="button" tabindex="0">Phản hồi</div></li></ul>
    ${c.replies?.length ? `<ul>${c.replies.map(renderComment).join('')}</ul>` : ''}
  </div></li>`;
}

export function renderTestPost(p: TestPost, index: number): string {
  const link = p.link
    ? `<a href="https://l.facebook.com/l.php?u=${encodeURIComponent(p.link)}&amp;h=AT1" role="link"><span>link</span></a>`
    : '';
  return `<div class="x1lliihq" data-test-wrapper="${p.id}">
    <div aria-posinset="${index + 1}" aria-setsize="-1" aria-labelledby="l-${p.id}" aria-describedby="m-${p.id} a-${p.id}" data-test="${p.id}" class="x1a2a7pz">
      <h4 id="l-${p.id}"><a href="https://www.facebook.com/profile.php?id=2" role="link"><strong><span>Tác giả</span></strong></a></h4>
      <div id="m-${p.id}" data-ad-preview="message" class="xdj266r"><div class="x11i5rnm"><div dir="auto" style="text-align: start;">${escape(p.text)}${
        p.seeMore ? ' <div role="button" tabindex="0" class="x1sur9pj">Xem thêm</div>' : ''
      }</div></div></div>
      <div id="a-${p.id}">${link}</div>
      <div role="toolbar"><div role="button" tabindex="0">Thích</div><div role="button" tabindex="0">Bình luận</div></div>
      <div class="xcomments"><ul>${(p.comments ?? []).map(renderComment).join('')}</ul>
        <form><div role="textbox" contenteditable="true" aria-label="Viết bình luận...">nạp tiền làm nhiệm vụ draft</div></form></div>
    </div></div>`;
}

export function renderTestFeed(posts: TestPost[]): string {
  return `<div role="main"><div role="feed">${posts.map(renderTestPost).join('')}</div></div>`;
}
