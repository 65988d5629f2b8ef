"""Cleaning imported and edited HTML, and what is read from it."""
from chalicelib import content

OLD = 'https://certilyst.com/resources/faq/'


def test_gutenberg_comments_and_blank_runs_are_removed():
    raw = ('<!-- wp:paragraph -->\n<p>One</p>\n<!-- /wp:paragraph -->\n\n\n\n'
           '<!-- wp:heading {"level":3} --><h3>Two</h3><!-- /wp:heading -->')
    cleaned = content.clean_html(raw)
    assert 'wp:' not in cleaned and '<!--' not in cleaned
    assert '\n\n\n' not in cleaned
    assert cleaned == '<p>One</p>\n\n<h3>Two</h3>'


def test_links_into_the_old_faq_section_become_site_paths():
    raw = ('<p><a href="https://certilyst.com/resources/faq/some-answer/">in</a> '
           '<a href="https://certilyst.com/resources/faq/other#part">frag</a> '
           '<a href="https://certilyst.com/resources/about/">not a faq</a> '
           '<a href="https://example.org/">out</a></p>')
    cleaned = content.clean_html(raw, OLD)
    assert 'href="/faq/some-answer/"' in cleaned
    assert 'href="/faq/other/#part"' in cleaned
    assert 'href="https://certilyst.com/resources/about/"' in cleaned
    assert 'href="https://example.org/"' in cleaned


def test_dangerous_markup_does_not_survive():
    raw = ('<p onclick="steal()">x<script>alert(1)</script>'
           '<a href="javascript:alert(1)">a</a><img src="x" onerror="alert(1)">'
           '<iframe src="https://evil.example/"></iframe><style>*{}</style></p>')
    cleaned = content.clean_html(raw).lower()
    for bad in ('onclick', 'script', 'javascript:', 'onerror', 'iframe', '<style'):
        assert bad not in cleaned


def test_description_is_cut_at_a_word_within_160_characters():
    words = ' '.join('word%d' % i for i in range(100))
    description = content.derive_description('<p>%s</p><p>second</p>' % words)
    assert len(description) <= 160
    assert description.endswith('…')
    assert description[:-1].split(' ')[-1] in words.split(' ')


def test_description_comes_from_the_first_non_empty_paragraph():
    assert content.derive_description('<p> </p><p>Short &amp; sweet.</p><p>No</p>') \
        == 'Short & sweet.'


def test_reading_time_is_at_least_one_minute_at_200_words_a_minute():
    assert content.reading_minutes('') == 1
    assert content.reading_minutes('<p>%s</p>' % ('w ' * 200)) == 1
    assert content.reading_minutes('<p>%s</p>' % ('w ' * 201)) == 2


def test_mount_links_prefixes_only_root_relative_links():
    html = '<a href="/faq/a/">a</a><a href="//cdn.example/x">b</a><a href="https://x/">c</a>'
    mounted = content.mount_links(html, '/api')
    assert 'href="/api/faq/a/"' in mounted
    assert 'href="//cdn.example/x"' in mounted and 'href="https://x/"' in mounted
    assert content.mount_links(html, '') == html
