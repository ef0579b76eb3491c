import { afterEach, describe, expect, it } from 'vitest';
import {
  BlockWalker,
  UI_HOST_ATTR,
  blockContainer,
  composedContains,
  extractBlocks,
  isInSkippedSubtree,
  segmentsOf,
} from '@/lib/page/blocks';
import { piecesFor, piecesValid } from '@/lib/page/ranges';
import { html } from './helpers';

const texts = (root: Node = document.body) => extractBlocks(root).map((b) => b.text);

afterEach(() => {
  document.body.innerHTML = '';
  document.designMode = 'off';
});

describe('extractBlocks', () => {
  it('joins inline elements into one block without adding separators', () => {
    html('<p><b>Crocus</b> City <a href="#">Hall</a>, <em>Krasnogorsk</em></p>');
    expect(texts()).toEqual(['Crocus City Hall, Krasnogorsk']);
    html('<p><span>Crocus</span><span>City</span></p>');
    expect(texts()).toEqual(['CrocusCity']);
  });

  it('separates block elements, <br>, table cells and list items', () => {
    html(
      '<div>Crocus<div>City Hall</div>after</div><p>one<br>two</p>' +
        '<table><tr><td>Crocus</td><td>City Hall</td></tr></table><ul><li>a</li><li>b</li></ul><h2>Title</h2>',
    );
    expect(texts()).toEqual(['Crocus', 'City Hall', 'after', 'one', 'two', 'Crocus', 'City Hall', 'a', 'b', 'Title']);
  });

  it('records segments whose offsets map 1:1 to the block text', () => {
    html('<p>The <b>Crocus</b> City <i>Hall</i> attack</p>');
    const [block] = extractBlocks(document.body);
    expect(segmentsOf(block).map((s) => [s.node.data, s.start])).toEqual([
      ['The ', 0],
      ['Crocus', 4],
      [' City ', 10],
      ['Hall', 16],
      [' attack', 20],
    ]);
    for (const s of segmentsOf(block)) expect(block.text.slice(s.start, s.start + s.node.data.length)).toBe(s.node.data);
  });

  it('works out the offsets of a plain block only when asked', () => {
    html('<p>The <b>Crocus</b><i></i> City <i>Hall</i> attack</p><p>one node</p>');
    const [block, single] = extractBlocks(document.body);
    expect(block.knownSegments).toBeUndefined();
    expect(segmentsOf(block).map((s) => [s.node.data, s.start])).toEqual([['The ', 0], ['Crocus', 4], [' City ', 10], ['Hall', 16], [' attack', 20]]);
    expect(segmentsOf(single)).toEqual([{ node: single.nodes[0], start: 0 }]);
  });

  it('keeps the nodes of a block whose range holds text that is not its own', () => {
    html('<p>The <b>Crocus</b><span hidden>secret</span> City Hall</p>');
    const [block] = extractBlocks(document.body);
    expect(block.text).toBe('The Crocus City Hall');
    expect(segmentsOf(block).map((s) => [s.node.data, s.start])).toEqual([['The ', 0], ['Crocus', 4], [' City Hall', 10]]);
  });

  it('a block the page has changed since the walk: what is gone does not map, the rest still does', () => {
    html('<p>The <b>Crocus</b> City Hall</p>');
    const [block] = extractBlocks(document.body);
    document.querySelector('b')!.remove();
    expect(piecesValid(piecesFor(block, 4, 10)!, 'Crocus')).toBe(false);
    expect(piecesValid(piecesFor(block, 11, 20)!, 'City Hall')).toBe(true);
  });

  it('a text the page changes while the walk is paused inside its block: text and offsets as the page has it then', () => {
    html(`<p>${'<b>Crocus</b> '.repeat(200)}</p>`);
    const walker = new BlockWalker(document.body);
    // Paused after its first slice (256 nodes), in the middle of the paragraph.
    expect(walker.step(() => true)).toBe(false);
    const first = document.querySelector('b')!.firstChild as Text;
    first.data = 'Crocus City Hall';
    walker.step();
    const [block] = walker.blocks;
    expect(block.text).toBe(`Crocus City Hall ${'Crocus '.repeat(199)}`);
    for (const s of segmentsOf(block)) expect(block.text.slice(s.start, s.start + s.node.data.length)).toBe(s.node.data);
  });

  it('skips script, style, noscript, template, svg, form controls and hidden elements', () => {
    html(
      '<p>a<script>var x = "Crocus City Hall"</script>b<style>p{}</style>c</p>' +
        '<noscript>no</noscript><template><p>tpl</p></template><svg><text>svg</text></svg>' +
        '<textarea>ta</textarea><input value="in"><select><option>opt</option></select>' +
        '<div hidden>hidden</div><p aria-hidden="true">aria <b>hidden</b></p><p aria-hidden="false">shown</p>' +
        '<dialog>closed dialog</dialog><dialog open>open dialog</dialog>',
    );
    expect(texts()).toEqual(['abc', 'shown', 'open dialog']);
  });

  it('skips editable regions: contenteditable, role=textbox and design mode', () => {
    html(
      '<div contenteditable="true"><p>edit me</p></div><div contenteditable>also</div>' +
        '<div contenteditable="plaintext-only">plain</div><div contenteditable="false">not editable</div>' +
        '<div role="textbox">box</div><p>page text</p>',
    );
    expect(texts()).toEqual(['not editable', 'page text']);
    document.designMode = 'on';
    expect(texts(document)).toEqual([]);
  });

  it("skips the extension's own UI hosts", () => {
    html(`<p>page</p><crocus-card ${UI_HOST_ATTR}=""><p>Crocus City Hall card</p></crocus-card>`);
    const host = document.querySelector('crocus-card')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>card in shadow</p>';
    expect(texts()).toEqual(['page']);
  });

  it('drops whitespace-only blocks', () => {
    html('<div>\n  <p>one</p>\n  <p>two</p>\n</div>');
    expect(texts()).toEqual(['one', 'two']);
  });

  it('shows only the summary of a closed <details>', () => {
    html('<details><summary>Sum</summary><p>body</p></details><details open><summary>S2</summary><p>b2</p></details>');
    expect(texts()).toEqual(['Sum', 'S2', 'b2']);
  });

  it('walks open shadow roots (with slotted light children) as their own blocks', () => {
    html('<p>before <x-card>light</x-card> after</p>');
    const host = document.querySelector('x-card')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<span>Crocus <slot></slot> City Hall</span>';
    const blocks = extractBlocks(document.body);
    expect(blocks.map((b) => b.text)).toEqual(['before ', 'Crocus light City Hall', ' after']);
    expect(blocks[1].nodes[0].getRootNode()).toBe(host.shadowRoot);
  });

  it('marks blocks in menus, sidebars, footers and tickers as furniture, by tag or ARIA role', () => {
    html(
      '<header><h1>Headline</h1><nav><a>World</a></nav></header><article><p>Body</p><footer>Filed under</footer></article>' +
        '<div role="complementary"><p>Most read</p></div><div role="marquee"><span>Ticker</span></div><aside><x-box></x-box></aside><p>After</p>',
    );
    document.querySelector('x-box')!.attachShadow({ mode: 'open' }).innerHTML = '<p>In a shadow root</p>';
    const furniture = extractBlocks(document.body).map((b) => `${b.text}:${b.furniture}`);
    expect(furniture).toEqual([
      'Headline:false',
      'World:true',
      'Body:false',
      'Filed under:true',
      'Most read:true',
      'Ticker:true',
      'In a shadow root:true',
      'After:false',
    ]);
  });


  it('marks tickers and rails as furniture by their class words, their ARIA label or their label in the language of the site', () => {
    html(
      '<div class="running-line"><span class="running-line__item">Putin met the governors</span></div>' +
        '<div class="news_related"><ul><li><a href="/n/1">A trade fair opens</a></li></ul></div>' +
        '<section class="b-t b_col" aria-label="Más información"><article><h3><a href="/a">Putin visits a plant</a></h3></article></section>' +
        '<div class="flow"><strong>속보</strong> <a href="/k">Inauguration on 7 May</a></div>' +
        '<div class="c_t"><p>The article itself</p></div>',
    );
    expect(extractBlocks(document.body).map((b) => `${b.text}:${b.furniture}`)).toEqual([
      'Putin met the governors:true',
      'A trade fair opens:true',
      'Putin visits a plant:true',
      '속보 Inauguration on 7 May:true',
      'The article itself:false',
    ]);
  });

  it('marks a table of contents (a list of links into the page) as furniture, not a list of links elsewhere', () => {
    html(
      '<p>Contents</p><ol><li><a href="#what">What happened</a></li><li><a href="#crocus">In the shadow of Crocus</a><ul><li><a href="#c1">Claims</a></li></ul></li></ol>' +
        '<p>Intro</p><ul><li><a href="/world/1">Elsewhere</a></li><li><a href="/world/2">Further</a></li></ul>' +
        '<ul><li>Step one: <a href="#fn1">note</a></li><li>Step two</li></ul>',
    );
    expect(extractBlocks(document.body).map((b) => `${b.text}:${b.furniture}`)).toEqual([
      'Contents:false',
      'What happened:true',
      'In the shadow of Crocus:true',
      'Claims:true',
      'Intro:false',
      'Elsewhere:false',
      'Further:false',
      'Step one: note:false',
      'Step two:false',
    ]);
  });

  it('marks a run of three or more blocks that are each one link as furniture, however they are set', () => {
    html(
      '<p>The four suspects were remanded in custody, the <a href="/court">court</a> said.</p>' +
        // A text-only page: the other stories as links, one per line.
        '<a href="/1">Putin wins the presidential election</a><br><a href="/2">Drones over Moscow</a><br><a href="/3">Spartak Moscow sign a striker</a>' +
        '<p>Sources</p><ul><li><a href="/a">Reuters</a></li><li> <a href="/b">TASS</a> </li></ul>' +
        '<p>Text after them</p><p><a href="/x">A paragraph that is a link</a></p>',
    );
    expect(extractBlocks(document.body).map((b) => `${b.text.trim()}:${b.furniture}`)).toEqual([
      'The four suspects were remanded in custody, the court said.:false',
      'Putin wins the presidential election:true',
      'Drones over Moscow:true',
      'Spartak Moscow sign a striker:true',
      'Sources:false',
      // Two links in a row, or one, are not yet a list of other stories.
      'Reuters:false',
      'TASS:false',
      'Text after them:false',
      'A paragraph that is a link:false',
    ]);
  });

  it('gives the level of the heading a block is the text of, with the inline elements in it, 0 for other text', () => {
    html(
      '<div class="consent"><p>We use cookies</p></div><p class="kicker">Reconstruction</p>' +
        '<h1><span>Thirteen</span> minutes <em>in March</em></h1><h2>The hall</h2><p>Body <b>text</b></p>',
    );
    expect(extractBlocks(document.body).map((b) => `${b.text}:${b.heading}`)).toEqual([
      'We use cookies:0',
      'Reconstruction:0',
      'Thirteen minutes in March:1',
      'The hall:2',
      'Body text:0',
    ]);
  });
  it('numbers the independent items a block lies in: table rows, list entries, like boxes of results or posts', () => {
    html(
      '<p>Intro</p>' +
        '<table><tr><td>2 January</td><td>Kerman</td></tr><tr><td>22 March</td><td>Krasnogorsk</td></tr><tr><td>28 June</td><td>Dagestan</td></tr></table>' +
        '<ul><li>One</li><li>Two</li><li>Three</li></ul>' +
        // Search results: like boxes with a title and a snippet each.
        '<div class="r"><h3>Result A</h3><div class="snip">a</div></div><div class="r"><h3>Result B</h3><div class="snip">b</div></div>' +
        '<div class="r"><h3>Result C</h3><div class="snip">c</div></div>' +
        // Paragraphs wrapped in like divs, and a list of two, are running text, not items.
        '<div class="para">First paragraph</div><div class="para">Second paragraph</div><div class="para">Third paragraph</div>' +
        '<ol><li>Alpha</li><li>Beta</li></ol>',
    );
    const blocks = extractBlocks(document.body);
    const item = (text: string) => blocks.find((b) => b.text === text)!.item;
    expect(item('Intro')).toBe(0);
    expect(item('22 March')).toBe(item('Krasnogorsk'));
    expect(new Set([item('2 January'), item('22 March'), item('28 June')]).size).toBe(3);
    expect(new Set([item('One'), item('Two'), item('Three')]).size).toBe(3);
    expect(item('Result B')).toBe(item('b'));
    expect(item('Result B')).not.toBe(item('Result A'));
    expect([item('One'), item('Result A')]).not.toContain(0);
    expect([item('Second paragraph'), item('Alpha'), item('Beta')]).toEqual([0, 0, 0]);
    // A rescan of part of the page (a walk from one row) numbers the row as the first walk did.
    expect(extractBlocks(document.querySelectorAll('tr')[1]!).map((b) => b.item)).toEqual([item('22 March'), item('22 March')]);
  });

  it('marks as furniture a box that opens with a heading such as "Read also", in the languages sites use', () => {
    html(
      '<div class="doboz"><div class="doboz-cim">Friss hírek</div><ul><li>Telefonon egyeztetett Putyinnal</li></ul></div>' +
        '<p><b>Читайте также:</b> <a href="#">Путин провёл совещание</a></p>' +
        '<div><h3><a href="#"><span>Lesen Sie auch</span></a></h3><p>Scholz in Paris</p></div>' +
        // An article section with a heading of its own, and a paragraph that merely opens with a bold word.
        '<section><h2>Reactions</h2><p>Leaders condemned the attack.</p></section><p><b>Главное</b> — не паниковать.</p>' +
        // A paragraph whose first link, after text of its own, reads like such a heading.
        '<p>The hashtag trended under <a href="#">Trending</a> within an hour.</p>' +
        // Tickers in capitals (a Turkish dotted İ lower-cased leaves a combining dot; Greek capitals drop the
        // accent of "Τώρα"), readers' comments.
        '<div class="manset"><b>SON DAKİKA</b> Putin Ankara\'ya geliyor</div><div class="roi"><span>ΤΩΡΑ</span> Ζελένσκι</div>' +
        '<section><h2>Comentários</h2><p>Putin andando a cavalo</p></section>',
    );
    expect(extractBlocks(document.body).map((b) => `${b.text}:${b.furniture}`)).toEqual([
      'Friss hírek:true',
      'Telefonon egyeztetett Putyinnal:true',
      'Читайте также: Путин провёл совещание:true',
      'Lesen Sie auch:true',
      'Scholz in Paris:true',
      'Reactions:false',
      'Leaders condemned the attack.:false',
      'Главное — не паниковать.:false',
      'The hashtag trended under Trending within an hour.:false',
      "SON DAKİKA Putin Ankara'ya geliyor:true",
      'ΤΩΡΑ Ζελένσκι:true',
      'Comentários:true',
      'Putin andando a cavalo:true',
    ]);
  });

  it('marks furniture by the class and id words sites give it, not the layout that holds the article', () => {
    document.body.className = 'menu-open';
    html(
      '<div class="l-page with-sidebar"><div class="article__body"><p>Body <span class="tag">Exclusive</span></p>' +
        '<div class="related-articles"><p>Read also</p></div></div>' +
        '<div class="c-sidebar"><div class="widget widget--most-read"><p>Most read</p></div></div>' +
        '<div id="comments"><div class="comment__body">A reader</div></div>' +
        '<div class="sidebar-hero"><h1>Headline in a box named like a sidebar</h1><p>Lead</p></div>' +
        '<div class="tags">Tags: Moscow</div><div class="site-footer">About us</div><div class="share-tools">Share</div>' +
        '<div class="print-related no-print"><h3>Saistītie raksti</h3></div><section class="article-sidebar"><p>Box</p></section>' +
        '<table class="navbox"><tr><td>Terror attacks in Russia</td></tr></table><section class="recommend_area"><p>Picks</p></section>' +
        '<div class="fil-info">En continu</div><div class="comentarios"><p>Um leitor</p></div></div>',
    );
    expect(extractBlocks(document.body).map((b) => `${b.text}:${b.furniture}`)).toEqual([
      'Body Exclusive:false',
      'Read also:true',
      'Most read:true',
      'A reader:true',
      'Headline in a box named like a sidebar:false',
      'Lead:false',
      'Tags: Moscow:true',
      'About us:true',
      'Share:true',
      'Saistītie raksti:true',
      'Box:true',
      'Terror attacks in Russia:true',
      'Picks:true',
      'En continu:true',
      'Um leitor:true',
    ]);
    document.body.className = '';
  });

  it('reports the shadow roots and frame documents it enters', () => {
    html('<div id="h"></div>');
    const sr = document.getElementById('h')!.attachShadow({ mode: 'open' });
    sr.innerHTML = '<p>x</p>';
    const roots: Node[] = [];
    extractBlocks(document, { onRoot: (r) => roots.push(r) });
    expect(roots).toEqual([sr]);
  });

  it('walks same-origin frame documents and skips frames that throw', () => {
    html(
      '<p>top</p><iframe id="a" srcdoc="<p>Crocus City Hall in a frame</p>"></iframe>' +
        '<iframe id="b" srcdoc="<p>cross-origin</p>"></iframe><iframe id="c" hidden srcdoc="<p>hidden frame</p>"></iframe>',
    );
    const frame = document.getElementById('a') as HTMLIFrameElement;
    const inner = frame.contentDocument!;
    expect(inner.body.textContent).toBe('Crocus City Hall in a frame');
    // Browsers give a same-origin frame's window its frameElement; happy-dom does not.
    if (!inner.defaultView!.frameElement) Object.defineProperty(inner.defaultView!, 'frameElement', { value: frame });
    Object.defineProperty(document.getElementById('b')!, 'contentDocument', {
      get() {
        throw new DOMException('Blocked a frame', 'SecurityError');
      },
    });
    const blocks = extractBlocks(document.body);
    expect(blocks.map((b) => b.text)).toEqual(['top', 'Crocus City Hall in a frame']);
    expect(blocks[1].nodes[0].ownerDocument).toBe(inner);
    // Ancestry crosses the frame boundary.
    expect(isInSkippedSubtree(blocks[1].nodes[0])).toBe(false);
    expect(composedContains(document.body, blocks[1].nodes[0])).toBe(true);
  });

  it('starts from a document, an element or a shadow root', () => {
    html('<main><p>one</p></main>');
    expect(texts(document)).toEqual(['one']);
    expect(texts(document.querySelector('main')!)).toEqual(['one']);
  });

  it('copes with very deep trees (no recursion limit)', () => {
    // Built detached: happy-dom's own attach code recurses. The walk itself keeps an explicit stack.
    const top = document.createElement('div');
    let el: HTMLElement = top;
    for (let i = 0; i < 20_000; i++) el = el.appendChild(document.createElement(i % 2 ? 'span' : 'b'));
    el.textContent = 'deep';
    expect(texts(top)).toEqual(['deep']);
  });
});

describe('block helpers', () => {
  it('blockContainer finds the nearest block element, shadow root or document', () => {
    html('<div><p>a <b>b <i id="i">c</i></b></p></div><span id="s">x</span>');
    expect(blockContainer(document.getElementById('i')!.firstChild!)).toBe(document.querySelector('p'));
    expect(blockContainer(document.getElementById('s')!)).toBe(document.body);
    const sr = document.getElementById('s')!.attachShadow({ mode: 'open' });
    sr.innerHTML = '<b>in</b>';
    expect(blockContainer(sr.querySelector('b')!.firstChild!)).toBe(sr);
  });

  it('isInSkippedSubtree sees ancestors across shadow roots, and detached nodes', () => {
    html('<div aria-hidden="true"><p id="a">x</p></div><div id="h"></div><div contenteditable><p id="e">y</p></div>');
    expect(isInSkippedSubtree(document.getElementById('a')!.firstChild!)).toBe(true);
    expect(isInSkippedSubtree(document.getElementById('e')!)).toBe(true);
    const host = document.getElementById('h')!;
    const sr = host.attachShadow({ mode: 'open' });
    sr.innerHTML = '<p>z</p>';
    expect(isInSkippedSubtree(sr.querySelector('p')!)).toBe(false);
    host.setAttribute(UI_HOST_ATTR, '');
    expect(isInSkippedSubtree(sr.querySelector('p')!)).toBe(true);
    expect(isInSkippedSubtree(document.createElement('p'))).toBe(true);
    expect(composedContains(document.body, sr.querySelector('p')!)).toBe(true);
  });
});
