//! Web pages: the main text of an HTML page, its title and its publisher, for [`crate::analyze()`].
//!
//! Text in, text out, no I/O. The main text is what a readability port (`dom_smoothie`, after
//! Mozilla's Readability) keeps of the page: the article's paragraphs, without navigation,
//! adverts and footers, one paragraph per line with a blank line between paragraphs. The title
//! leads the text on a line of its own, as a headline does in a plain-text article, so that the
//! analysis sees the same shape of document either way; offsets refer to this text.

mod depth;
mod links;
mod scan;
mod standfirst;
mod story;
mod title;

use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};
use rustc_hash::FxHashSet;

pub use depth::{MAX_DEPTH, MAX_OPEN_FORMATTING, MAX_OPEN_TAGS};

/// What [`extract_page`] finds in a page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Page {
    /// The title line, a blank line, then the main text; empty when the page has neither.
    pub text: String,
    /// The page's title (`og:title`, JSON-LD `headline` or `<title>`, without the site's name).
    pub title: Option<String>,
    /// The site that published the page: JSON-LD `publisher.name`, else `og:site_name`, else
    /// `dc.publisher`, else the host of the page's URL (`og:url` or the canonical link) without
    /// "www." ("cbsnews.com").
    pub publisher: Option<String>,
    /// When the page says it was published: `article:published_time` or JSON-LD
    /// `datePublished`, as written (`2024-05-10T08:00:00Z`).
    pub published: Option<String>,
    /// The page nests its elements deeper than the reader follows ([`MAX_OPEN_TAGS`] open
    /// elements, [`MAX_DEPTH`] levels): the deeper ones were read as if they stood side by side
    /// at that depth (their text is all there, their structure is not).
    pub too_deep: bool,
}

/// Finds the main text, title and publisher of an HTML page. Never fails: a page without an
/// article gives the text of its body.
///
/// Captions (`figcaption`) are left out: they describe a picture, not the story. When the page
/// holds other stories besides its own ([`story`]) and Readability's text keeps less than half
/// of the paragraphs under the page's headline, the page is read again without the other
/// stories, and the reading that keeps more of them is taken.
pub fn extract_page(html: &str) -> Page {
    let Some((mut readability, scan, too_deep)) = reader(html) else {
        return Page::default();
    };
    // Read before `parse`, which prunes the document.
    let host = host_of_page(&scan);
    let fallback_publisher = scan
        .meta("dc.publisher")
        .map(str::to_string)
        .or_else(|| host.clone());
    let standfirsts = standfirst::find(&readability.doc, &scan);
    let headings: Vec<String> = scan
        .headings
        .iter()
        .filter_map(|id| readability.doc.tree.get(id))
        .map(|heading| one_line(&heading.text()))
        .collect();
    let stories = stories(&readability, &scan);
    // Lines of the text that are no part of the story; they stay in the page while Readability
    // reads it, which weighs blocks by their links and pictures.
    let mut skip = links::items_of_link_lists(&readability.doc, &scan.lists);
    skip.extend(scan.alts);
    skip.extend(links::paragraphs_of_links(&readability.doc, &scan.linking));
    let (title, publisher, published, mut body) = read(&mut readability);
    if let Some(stories) = stories {
        let kept = stories.share_kept(&body);
        if kept < MIN_OWN_SHARE
            && let Some((mut again, again_scan, _)) = reader(html)
            && let Some(again_stories) = self::stories(&again, &again_scan)
        {
            again_stories.remove_others(&again.doc);
            let (_, _, _, other_body) = read(&mut again);
            if stories.share_kept(&other_body) > kept {
                body = other_body;
            }
        }
    }
    let publisher = publisher
        .map(|publisher| one_line(&publisher))
        .filter(|publisher| !publisher.is_empty())
        .map(|publisher| title::without_edition(&publisher, host.as_deref()))
        .or(fallback_publisher);
    let title = title::without_site(&one_line(&title), publisher.as_deref());
    // The headline as the page shows it, rather than its metadata's shorter or longer version.
    let title = story::headline(&headings, &title).map_or(title, str::to_string);
    let mut body = paragraphs(&body, &skip);
    let in_body = one_line(&body);
    if let Some(standfirst) = standfirsts
        .into_iter()
        .find(|standfirst| !in_body.contains(standfirst.as_str()))
    {
        body = match body.is_empty() {
            true => format!("{standfirst}\n"),
            false => format!("{standfirst}\n\n{body}"),
        };
    }
    let text = match (title.is_empty(), body.is_empty()) {
        (true, _) => body,
        (false, true) => format!("{title}\n"),
        // The article often repeats its title as a heading.
        (false, false) if body.starts_with(&title) => body,
        (false, false) => format!("{title}\n\n{body}"),
    };
    Page {
        text,
        title: Some(title).filter(|title| !title.is_empty()),
        publisher,
        published: published
            .map(|published| one_line(&published))
            .filter(|published| !published.is_empty()),
        too_deep,
    }
}

/// The least share of the paragraphs under the headline that Readability's text must keep for
/// the page not to be read again without its other stories.
const MIN_OWN_SHARE: f64 = 0.5;

/// A reader of the page with its captions removed, what a walk over the page found, and
/// whether the page nests deeper than [`depth`] lets it; `None` only on a bad document URL, and
/// there is none.
fn reader(html: &str) -> Option<(Readability, scan::Scan, bool)> {
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let (html, dropped) = depth::bound_tags(html);
    let doc = Document::from(html.as_ref());
    let moved = depth::flatten(&doc);
    let readability = Readability::with_document(doc, None, Some(config)).ok()?;
    let scan = scan::Scan::new(&readability.doc);
    let doc = &readability.doc;
    for caption in scan.captions.iter().filter_map(|id| doc.tree.get(id)) {
        caption.remove_from_parent();
    }
    Some((readability, scan, dropped + moved > 0))
}

/// The page's stories, when it holds others besides its own.
fn stories(readability: &Readability, scan: &scan::Scan) -> Option<story::Stories> {
    if scan.headings.len() < 2 {
        return None;
    }
    let metadata = readability.get_article_metadata(readability.parse_json_ld());
    let title = readability.get_article_title();
    story::Stories::find(&readability.doc, &scan.headings, &[&metadata.title, &title])
}

/// What Readability finds: title, site name, time of publication and main text, as in
/// [`Page`].
type Read = (String, Option<String>, Option<String>, String);

/// The title, site name, time of publication and main text that Readability finds; the page's
/// title and body text when it finds no article.
fn read(readability: &mut Readability) -> Read {
    match readability.parse() {
        Ok(article) => (
            article.title,
            article.site_name,
            article.published_time,
            article.text_content.to_string(),
        ),
        Err(_) => {
            let metadata = readability.get_article_metadata(readability.parse_json_ld());
            let body = readability.doc.select("body").text().to_string();
            (
                metadata.title,
                metadata.site_name,
                metadata.published_time,
                body,
            )
        }
    }
}

/// The host of the page's URL (`og:url`, else the canonical link) without "www.".
fn host_of_page(scan: &scan::Scan) -> Option<String> {
    host(scan.meta("og:url").or(scan.canonical.as_deref())?)
}

/// The host of an absolute URL without "www.": "cbsnews.com" of "https://www.cbsnews.com/news/".
fn host(url: &str) -> Option<String> {
    let (_, rest) = url.split_once("://")?;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    host.contains('.').then(|| host.to_ascii_lowercase())
}

/// The text with its whitespace collapsed to single spaces.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One paragraph per line, blank lines between them, trailing newline; whitespace inside a
/// paragraph collapsed; the lines of `skip` (items of lists of links, paragraphs of links,
/// captions repeating a picture's alternative text) left out.
fn paragraphs(text: &str, skip: &FxHashSet<String>) -> String {
    let mut out = String::with_capacity(text.len());
    for paragraph in text
        .lines()
        .map(one_line)
        .filter(|line| !line.is_empty() && !skip.contains(line))
    {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&paragraph);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html>
<html><head><title>Minister says talks went well - The Daily Planet</title>
<meta property="og:site_name" content="The Daily Planet">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news</a></li></ul></nav>
<article>
<h1>Minister says talks went well</h1>
<p>The foreign minister said on Monday that the talks with his counterpart had gone well,
   and that both sides would meet again next month in Geneva to continue.</p>
<p>"We have made real progress," he told reporters, according to the state news agency. The
   talks lasted more than four hours and covered trade, security and <em>climate</em> issues.</p>
<p>Officials familiar with the matter said a deal could be signed before the end of the year,
   though several questions remained open.</p>
</article>
<footer>Copyright 2024 The Daily Planet. All rights reserved.</footer>
</body></html>"#;

    #[test]
    fn the_main_text_comes_in_paragraphs_after_the_title() {
        let page = extract_page(PAGE);
        assert_eq!(page.title.as_deref(), Some("Minister says talks went well"));
        assert_eq!(page.publisher.as_deref(), Some("The Daily Planet"));
        assert!(
            page.text.starts_with(
                "Minister says talks went well\n\nThe foreign minister said on Monday that the \
                 talks with his counterpart had gone well, and that both sides"
            ),
            "{}",
            page.text
        );
        assert!(
            page.text.contains(
                "continue.\n\n\"We have made real progress,\" he told reporters, according to"
            ),
            "{}",
            page.text
        );
        assert!(page.text.contains("trade, security and climate issues."));
        assert!(page.text.ends_with("several questions remained open.\n"));
        for boilerplate in ["Home", "World news", "Copyright"] {
            assert!(
                !page.text.contains(boilerplate),
                "{boilerplate} in {}",
                page.text
            );
        }
    }

    /// A page whose own story sits deep in the markup, followed by two other stories in full
    /// (a "next story" feed), each under an `h1` of its own.
    fn page_with_a_feed(own: &str, others: &str) -> String {
        let paragraph = |text: &str, n: usize| -> String {
            (0..n)
                .map(|i| format!("<p>{text}, paragraph {i}, which goes on about it at length, with a comma, another comma, and a third.</p>"))
                .collect()
        };
        let story = |title: &str| {
            format!(
                "<div><div><h1>{title}</h1></div><div><div><div>{}</div></div></div></div>",
                paragraph(others, 10)
            )
        };
        format!(
            "<html><head><title>Meta outage hits Facebook and Instagram | Kulu</title>\
             <meta property=\"og:site_name\" content=\"Kulu\"></head><body><main><article>\
             <div><div><header><h1>Meta outage hits Facebook and Instagram \
             worldwide</h1></header><div><div><div><div><div><div>{}</div>\
             </div></div></div></div></div><div id=\"more\"><div>{}{}</div></div></div></div>\
             </article></main></body></html>",
            paragraph(own, 6),
            story("Artemis crew returns safely after the historic lunar flyby"),
            story("Rocket launch marks historic return to deep space exploration"),
        )
    }

    #[test]
    fn the_story_under_the_headline_wins_over_the_stories_after_it() {
        let html = page_with_a_feed(
            "Users reported login failures",
            "The crew was in good shape",
        );
        let page = extract_page(&html);
        assert!(
            page.text
                .starts_with("Meta outage hits Facebook and Instagram worldwide\n"),
            "{}",
            page.text
        );
        assert!(
            page.text
                .contains("Users reported login failures, paragraph 5"),
            "{}",
            page.text
        );
        assert!(
            !page.text.contains("The crew was in good shape"),
            "{}",
            page.text
        );
    }

    #[test]
    fn headings_of_sections_are_no_other_stories() {
        // The same page whose "other stories" are sections of the article, found by Readability
        // with the lead: nothing is read again, nothing is lost.
        let html = PAGE.replace(
            "</article>",
            "<section><h1>What the two sides still disagree about</h1><p>Trade remains the \
             hardest question, officials said, and neither side has moved on tariffs, quotas, \
             or the timetable, though both have said they want a deal.</p></section></article>",
        );
        let page = extract_page(&html);
        assert!(
            page.text.contains("The foreign minister said"),
            "{}",
            page.text
        );
        assert!(
            page.text.contains("Trade remains the hardest question"),
            "{}",
            page.text
        );
    }

    #[test]
    fn captions_are_left_out() {
        let html = PAGE.replace(
            "<p>Officials familiar",
            "<figure><img src=\"a.jpg\"><figcaption>The minister arrives in Geneva. \
             (Photo: Agency)</figcaption></figure><p>Officials familiar",
        );
        let page = extract_page(&html);
        assert!(!page.text.contains("arrives in Geneva"), "{}", page.text);
        assert!(
            page.text.contains("Officials familiar with the matter"),
            "{}",
            page.text
        );
    }

    #[test]
    fn the_standfirst_under_the_headline_follows_the_title() {
        let dek = "Both sides will meet again next month, the minister told the state news agency";
        let html = PAGE
            .replace(
                "</head>",
                &format!("<meta property=\"og:description\" content=\"{dek}\"></head>"),
            )
            .replace(
                "<h1>Minister says talks went well</h1>",
                &format!(
                    "<header><h1>Minister says talks went well</h1><p class=\"dek\">{dek}</p>\
                     </header>"
                ),
            );
        let page = extract_page(&html);
        assert!(
            page.text.starts_with(&format!(
                "Minister says talks went well\n\n{dek}\n\nThe foreign minister"
            )),
            "{}",
            page.text
        );
        assert_eq!(page.text.matches(dek).count(), 1, "{}", page.text);
    }

    #[test]
    fn a_description_the_page_does_not_show_is_no_standfirst() {
        // Only in the metadata, or already the first paragraph of the text: nothing is added.
        let summary = "A summary for search engines that the page itself never shows anywhere";
        let hidden = PAGE.replace(
            "</head>",
            &format!("<meta name=\"description\" content=\"{summary}\"></head>"),
        );
        assert!(!extract_page(&hidden).text.contains(summary));
        let lead = "The foreign minister said on Monday that the talks with his counterpart had \
                    gone well";
        let repeated = PAGE.replace(
            "</head>",
            &format!("<meta name=\"description\" content=\"{lead}\"></head>"),
        );
        assert_eq!(extract_page(&repeated).text.matches(lead).count(), 1);
    }

    #[test]
    fn an_edition_after_the_site_name_goes_when_the_host_spells_the_name() {
        let html = PAGE.replace(
            r#"content="The Daily Planet">"#,
            r#"content="The Daily Planet New York"><meta property="og:url" content="https://www.dailyplanet.com/world/talks">"#,
        );
        assert_eq!(
            extract_page(&html).publisher.as_deref(),
            Some("The Daily Planet")
        );
    }

    #[test]
    fn a_list_of_links_is_no_part_of_the_story() {
        let html = PAGE.replace(
            "</article>",
            "<div><h3>Trending</h3><ol><li><a href=\"/a\">Airline went into records after \
             crash, engineer says</a></li><li><a href=\"/b\">Council says the bridge will \
             reopen</a></li></ol></div><ul><li>Talks lasted four hours, officials said</li>\
             <li>Both sides <a href=\"/c\">will meet again</a> next month</li></ul></article>",
        );
        let page = extract_page(&html);
        assert!(!page.text.contains("engineer says"), "{}", page.text);
        assert!(!page.text.contains("bridge will reopen"), "{}", page.text);
        // A list whose items are more than links is the story's own.
        assert!(
            page.text
                .contains("Talks lasted four hours, officials said"),
            "{}",
            page.text
        );
    }

    #[test]
    fn a_paragraph_that_is_a_link_is_no_part_of_the_story() {
        let html = PAGE.replace(
            "<p>Officials familiar",
            "<p>Read more: <a href=\"/x\">Minister says the border talks will resume in \
             spring</a></p><p>[<a href=\"/y\">Read: Why the talks matter to the region</a>]</p>\
             <p>The talks, <a href=\"/z\">the agency reported</a>, lasted four hours, officials \
             said.</p><p>Officials familiar",
        );
        let page = extract_page(&html);
        assert!(
            !page.text.contains("border talks will resume"),
            "{}",
            page.text
        );
        assert!(!page.text.contains("Why the talks matter"), "{}", page.text);
        // A link inside a sentence of the story is no promotion.
        assert!(
            page.text.contains("the agency reported, lasted four hours"),
            "{}",
            page.text
        );
    }

    #[test]
    fn a_line_repeating_a_pictures_description_is_a_caption() {
        let alt = "The foreign minister speaks to reporters after the talks in Geneva";
        let html = PAGE.replace(
            "<p>Officials familiar",
            &format!(
                "<div><img src=\"a.jpg\" alt=\"{alt}\"><div>{alt}</div></div><p>Officials \
                 familiar"
            ),
        );
        let page = extract_page(&html);
        assert!(!page.text.contains(alt), "{}", page.text);
        assert!(
            page.text.contains("Officials familiar with the matter"),
            "{}",
            page.text
        );
    }

    #[test]
    fn the_title_is_the_headline_the_page_shows() {
        // og:title shortens the headline; the h1 like it is the page's headline. An h1 unlike
        // the title (a section's name) does not replace it.
        let shown = PAGE.replace(
            "</head>",
            "<meta property=\"og:title\" content=\"Minister: talks went well\"></head>",
        );
        let title = |html: &str| extract_page(html).title.unwrap_or_default();
        assert_eq!(title(&shown), "Minister says talks went well");
        let unlike = shown.replace(
            "<h1>Minister says talks went well</h1>",
            "<h1>World news</h1>",
        );
        assert_eq!(title(&unlike), "Minister: talks went well");
    }

    #[test]
    fn the_time_of_publication_comes_from_the_metadata() {
        let head = |meta: &str| {
            format!(
                "<html><head>{meta}</head><body><article><h1>Flu</h1><p>{}</p></article></body></html>",
                "The flu season has killed 105 children so far, the agency said. ".repeat(8)
            )
        };
        let meta = r#"<meta property="article:published_time" content="2013-03-22T10:00:00Z">"#;
        let page = extract_page(&head(meta));
        assert_eq!(page.published.as_deref(), Some("2013-03-22T10:00:00Z"));
        let json_ld = r#"<script type="application/ld+json">{"@context": "https://schema.org",
            "@type": "NewsArticle", "headline": "Flu", "datePublished": "2013-03-21"}</script>"#;
        let page = extract_page(&head(json_ld));
        assert_eq!(page.published.as_deref(), Some("2013-03-21"));
        assert_eq!(extract_page(&head("")).published, None);
    }

    #[test]
    fn json_ld_names_the_publisher() {
        let page = PAGE.replace(
            "</head>",
            r#"<script type="application/ld+json">{"@context": "https://schema.org",
            "@type": "NewsArticle", "headline": "Minister says talks went well",
            "publisher": {"@type": "Organization", "name": "Reuters"}}</script></head>"#,
        );
        assert_eq!(extract_page(&page).publisher.as_deref(), Some("Reuters"));
    }

    #[test]
    fn without_a_site_name_the_publisher_is_dc_publisher_or_the_host() {
        let bare = PAGE.replace(
            r#"<meta property="og:site_name" content="The Daily Planet">"#,
            "",
        );
        assert_eq!(extract_page(&bare).publisher, None);
        let dc = bare.replace(
            "</head>",
            r#"<meta name="DC.publisher" content="Planet Publishing Group"></head>"#,
        );
        let url = bare.replace(
            "</head>",
            r#"<link rel="canonical" href="https://www.dailyplanet.com/world/talks"></head>"#,
        );
        assert_eq!(
            extract_page(&dc).publisher.as_deref(),
            Some("Planet Publishing Group")
        );
        assert_eq!(
            extract_page(&url).publisher.as_deref(),
            Some("dailyplanet.com")
        );
        assert_eq!(
            host("https://www.cbsnews.com/news/x"),
            Some("cbsnews.com".into())
        );
        assert_eq!(host("not a url"), None);
    }

    #[test]
    fn a_page_without_an_article_gives_its_title_and_body() {
        let page = extract_page(
            "<html><head><title>Short</title></head><body><p>One line.</p></body></html>",
        );
        assert_eq!(page.title.as_deref(), Some("Short"));
        assert_eq!(page.publisher, None);
        assert_eq!(page.text, "Short\n\nOne line.\n");
    }

    #[test]
    fn anything_at_all_gives_a_page() {
        for html in [
            "",
            "not html at all",
            "<p>",
            "<html><body></body></html>",
            "\u{0}<<>>",
        ] {
            let page = extract_page(html);
            assert!(
                page.text.is_empty() || page.text.ends_with('\n'),
                "{html:?}: {page:?}"
            );
        }
    }
}
