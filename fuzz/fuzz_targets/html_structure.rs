//! Structured HTML pages, as the command line reads a `.html` file: a small tree grammar
//! (elements of the tags that matter to the reader: tables, lists, formatting, scripts, style
//! sheets, templates, SVG; attributes among them `charset` and `http-equiv` declarations; text
//! of attribution words and entity soup; runs of one tag nested thousands deep) derived with
//! `arbitrary`, written out as a page, encoded in the charset it may declare, and read the way
//! `build` reads a page: decoded, extracted, analysed and checked as every document is.

#![no_main]

use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use provgraph::DocumentInput;
use provgraph::input::html;
use provgraph::page::extract_page;

#[derive(Arbitrary, Debug)]
struct Page {
    /// The charset a `<meta>` in the head declares, and how it declares it.
    declared: Option<(Charset, bool)>,
    /// The charset the bytes are written in (a page may lie about it).
    written: Option<Charset>,
    /// A byte order mark before everything.
    bom: Option<Charset>,
    title: Vec<Word>,
    body: Vec<Node>,
    /// Bytes after the page, as they come.
    tail: Vec<u8>,
}

#[derive(Arbitrary, Debug)]
enum Node {
    Element {
        tag: Tag,
        attrs: Vec<Attr>,
        children: Vec<Node>,
        closed: bool,
    },
    /// `tag` opened `depth` times around `inner`, then closed (or not).
    Nest {
        tag: Tag,
        depth: u16,
        inner: Box<Node>,
        closed: bool,
    },
    Text(Vec<Word>),
    Entity(Entity),
    Comment(String),
    /// Markup as it comes.
    Raw(String),
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Tag {
    Div, B, I, Span, Font, A, P, H1, Table, Tbody, Tr, Td, Th, Caption, Ul, Ol, Li, Dl, Dd,
    Script, Style, Template, Svg, G, Math, Mi, Title, Textarea, Select, Option, Noscript, Iframe,
    Figure, Figcaption, Img, Br, Meta, Link, Article, Section, Nav, Header, Footer, Main, Form,
    Button, Plaintext, Xmp, Pre, Blockquote, Q, Code, Nobr, Frameset,
}

#[derive(Arbitrary, Debug)]
enum Attr {
    Charset(Charset),
    HttpEquiv(Charset),
    Name(MetaName, Vec<Word>),
    Href(String),
    Alt(Vec<Word>),
    Class(String),
    Rel,
    Unquoted(String),
    /// A quote that does not close.
    Open(String),
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum MetaName {
    OgTitle, OgSiteName, OgUrl, Description, DcPublisher, TwitterDescription,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Charset {
    Utf8, Windows1251, Windows1252, Koi8R, ShiftJis, Gb18030, Utf16Le, Utf16Be, XUserDefined,
    Iso88597, Bogus,
}

#[derive(Arbitrary, Debug)]
enum Word {
    Said, According, Told, Reported, Quoted, Putin, Reuters, Minister, Quote, CurlyQuote, Stop,
    Space, Newline, Cyrillic, Any(String),
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Entity {
    Amp, Nbsp, NbspNoSemicolon, Rlo, Nul, Surrogate, Huge, Bare, Lt, Quot, Hex, Named,
}

impl Tag {
    fn name(self) -> &'static str {
        use Tag::*;
        match self {
            Div => "div", B => "b", I => "i", Span => "span", Font => "font", A => "a", P => "p",
            H1 => "h1", Table => "table", Tbody => "tbody", Tr => "tr", Td => "td", Th => "th",
            Caption => "caption", Ul => "ul", Ol => "ol", Li => "li", Dl => "dl", Dd => "dd",
            Script => "script", Style => "style", Template => "template", Svg => "svg", G => "g",
            Math => "math", Mi => "mi", Title => "title", Textarea => "textarea",
            Select => "select", Option => "option", Noscript => "noscript", Iframe => "iframe",
            Figure => "figure", Figcaption => "figcaption", Img => "img", Br => "br",
            Meta => "meta", Link => "link", Article => "article", Section => "section",
            Nav => "nav", Header => "header", Footer => "footer", Main => "main", Form => "form",
            Button => "button", Plaintext => "plaintext", Xmp => "xmp", Pre => "pre",
            Blockquote => "blockquote", Q => "q", Code => "code", Nobr => "nobr",
            Frameset => "frameset",
        }
    }
}

impl Charset {
    fn label(self) -> &'static str {
        use Charset::*;
        match self {
            Utf8 => "utf-8", Windows1251 => "windows-1251", Windows1252 => "windows-1252",
            Koi8R => "koi8-r", ShiftJis => "shift_jis", Gb18030 => "gb18030",
            Utf16Le => "utf-16le", Utf16Be => "utf-16be", XUserDefined => "x-user-defined",
            Iso88597 => "iso-8859-7", Bogus => "klingon",
        }
    }

    /// The text in this charset (UTF-16 written by hand: encoding_rs encodes it as UTF-8).
    fn encode(self, text: &str) -> Vec<u8> {
        match self {
            Charset::Utf16Le => text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
            Charset::Utf16Be => text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
            _ => match encoding_rs::Encoding::for_label(self.label().as_bytes()) {
                Some(encoding) => encoding.encode(text).0.into_owned(),
                None => text.as_bytes().to_vec(),
            },
        }
    }

    fn bom(self) -> &'static [u8] {
        match self {
            Charset::Utf16Le => b"\xff\xfe",
            Charset::Utf16Be => b"\xfe\xff",
            _ => b"\xef\xbb\xbf",
        }
    }
}

impl Word {
    fn write(&self, out: &mut String) {
        out.push_str(match self {
            Word::Said => " said ",
            Word::According => " according to ",
            Word::Told => " told ",
            Word::Reported => " reported ",
            Word::Quoted => " quoted ",
            Word::Putin => "Vladimir Putin",
            Word::Reuters => "Reuters",
            Word::Minister => "the foreign minister",
            Word::Quote => "\"",
            Word::CurlyQuote => "“",
            Word::Stop => ". ",
            Word::Space => " ",
            Word::Newline => "\n",
            Word::Cyrillic => "Путин сказал",
            Word::Any(text) => text,
        });
    }
}

impl Entity {
    fn text(self) -> &'static str {
        use Entity::*;
        match self {
            Amp => "&amp;", Nbsp => "&nbsp;", NbspNoSemicolon => "&nbsp", Rlo => "&#x202E;",
            Nul => "&#0;", Surrogate => "&#xD800;", Huge => "&#99999999999;", Bare => "&",
            Lt => "&lt;script&gt;", Quot => "&quot;", Hex => "&#x1F4F0;", Named => "&notin;",
        }
    }
}

fn words(words: &[Word], out: &mut String) {
    for word in words {
        word.write(out);
    }
}

impl Attr {
    fn write(&self, out: &mut String) {
        let mut value = String::new();
        match self {
            Attr::Charset(charset) => out.push_str(&format!(" charset=\"{}\"", charset.label())),
            Attr::HttpEquiv(charset) => out.push_str(&format!(
                " http-equiv=\"Content-Type\" content=\"text/html; charset={}\"",
                charset.label()
            )),
            Attr::Name(name, content) => {
                words(content, &mut value);
                let name = match name {
                    MetaName::OgTitle => "property=\"og:title\"",
                    MetaName::OgSiteName => "property=\"og:site_name\"",
                    MetaName::OgUrl => "property=\"og:url\"",
                    MetaName::Description => "name=\"description\"",
                    MetaName::DcPublisher => "name=\"DC.publisher\"",
                    MetaName::TwitterDescription => "name=\"twitter:description\"",
                };
                out.push_str(&format!(" {name} content=\"{}\"", value.replace('"', "&quot;")));
            }
            Attr::Href(href) => out.push_str(&format!(" href=\"{}\"", href.replace('"', ""))),
            Attr::Alt(alt) => {
                words(alt, &mut value);
                out.push_str(&format!(" alt='{}'", value.replace('\'', "")));
            }
            Attr::Class(class) => out.push_str(&format!(" class={class:?}")),
            Attr::Rel => out.push_str(" rel=canonical"),
            Attr::Unquoted(text) => out.push_str(&format!(" data-x={text}")),
            Attr::Open(text) => out.push_str(&format!(" title=\"{text}")),
        }
    }
}

/// The most levels one `Nest` opens: deep enough to overflow any recursive walk.
const MAX_NEST: u16 = 20_000;

impl Node {
    fn write(&self, out: &mut String) {
        match self {
            Node::Element { tag, attrs, children, closed } => {
                out.push('<');
                out.push_str(tag.name());
                for attr in attrs {
                    attr.write(out);
                }
                out.push('>');
                for child in children {
                    child.write(out);
                }
                if *closed {
                    out.push_str(&format!("</{}>", tag.name()));
                }
            }
            Node::Nest { tag, depth, inner, closed } => {
                let depth = usize::from(depth % MAX_NEST);
                for _ in 0..depth {
                    out.push_str(&format!("<{}>", tag.name()));
                }
                inner.write(out);
                if *closed {
                    for _ in 0..depth {
                        out.push_str(&format!("</{}>", tag.name()));
                    }
                }
            }
            Node::Text(text) => words(text, out),
            Node::Entity(entity) => out.push_str(entity.text()),
            Node::Comment(text) => out.push_str(&format!("<!--{text}-->")),
            Node::Raw(text) => out.push_str(text),
        }
    }
}

impl Page {
    fn bytes(&self) -> Vec<u8> {
        let mut page = String::from("<!DOCTYPE html><html><head>");
        if let Some((charset, http_equiv)) = self.declared {
            let attr = match http_equiv {
                true => Attr::HttpEquiv(charset),
                false => Attr::Charset(charset),
            };
            page.push_str("<meta");
            attr.write(&mut page);
            page.push('>');
        }
        page.push_str("<title>");
        words(&self.title, &mut page);
        page.push_str("</title></head><body>");
        for node in &self.body {
            node.write(&mut page);
        }
        page.push_str("</body></html>");
        let mut bytes = self.bom.map(|bom| bom.bom().to_vec()).unwrap_or_default();
        match self.written {
            Some(charset) => bytes.extend(charset.encode(&page)),
            None => bytes.extend(page.as_bytes()),
        }
        bytes.extend(&self.tail);
        bytes
    }
}

fuzz_target!(|page: Page| {
    let Ok(html) = html::decode_page(page.bytes()) else {
        return;
    };
    let page = extract_page(&html);
    assert!(page.text.is_empty() || page.text.ends_with('\n'));
    provgraph_fuzz::check_document(&DocumentInput {
        id: "page",
        text: &page.text,
        path: None,
        title: page.title.as_deref(),
        publisher: page.publisher.as_deref(),
    });
});
