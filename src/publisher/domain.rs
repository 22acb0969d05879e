//! An outlet's domain form: "CNN.com", "DW.COM", "deccanherald.com", "www.bbc.co.uk" name the
//! outlet whose name, without spaces, punctuation and case, is the site's name ("cnn", "dw",
//! "deccanherald", "bbc"). A site calls itself so ("Officials told CityPaper.com"), and pages
//! give their publisher so (a URL's host).

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::lexicon::{NameTarget, lexicon};

/// The site's name in a domain: "CityPaper" of "CityPaper.com", "bbc" of "www.bbc.co.uk",
/// "ap" of "hosted.ap.org"; `None` for a word that is no domain ("U.S.", "a.m.", "St.Louis").
/// The last label is two to four letters of one case; a two-letter country code may follow a
/// short second level ("co.uk", "com.au").
pub(crate) fn site_name(word: &str) -> Option<&str> {
    let mut labels = word.rsplit('.');
    let top = labels.next()?;
    let letters = |label: &str| label.bytes().all(|b| b.is_ascii_alphabetic());
    let one_case =
        top.bytes().all(|b| b.is_ascii_lowercase()) || top.bytes().all(|b| b.is_ascii_uppercase());
    if !(2..=4).contains(&top.len()) || !letters(top) || !one_case {
        return None;
    }
    let mut name = labels.next()?;
    if top.len() == 2 && name.len() <= 3 && letters(name) {
        // "bbc.co.uk": "co" is part of the suffix when a name comes before it.
        if let Some(before) = labels.clone().next() {
            name = before;
            labels.next();
        }
    }
    let valid = !name.is_empty()
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && name.bytes().any(|b| b.is_ascii_alphabetic());
    valid.then_some(name)
}

/// The known outlet a domain names: "CNN.com", "dw.com", "cbsnews.com".
pub(crate) fn outlet_by_domain(word: &str) -> Option<u16> {
    let name = site_name(word.trim_end_matches('/'))?;
    DOMAINS.get(&squash(name)).copied()
}

/// Do two names name the same outlet, one of them by its domain ("CityPaper.com" and
/// "CityPaper", "deccanherald.com" and "Deccan Herald")?
pub(crate) fn same_outlet(a: &str, b: &str) -> bool {
    let by_domain = |domain: &str, name: &str| {
        site_name(domain).is_some_and(|site| {
            let (site, name) = (squash(site), squash(name));
            !site.is_empty() && (site == name || name.strip_prefix("the") == Some(&site))
        })
    };
    by_domain(a, b) || by_domain(b, a)
}

/// The letters and digits of `name`, lower-cased.
fn squash(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The known outlets by the squashed forms of their names (with and without "The"); a short
/// form only safe after the full name ("Times") names no site.
static DOMAINS: LazyLock<FxHashMap<String, u16>> = LazyLock::new(|| {
    let mut domains = FxHashMap::default();
    for entry in lexicon().all_names() {
        let NameTarget::Outlet(outlet) = entry.target else {
            continue;
        };
        if entry.short {
            continue;
        }
        let name = squash(&entry.tokens.concat());
        if let Some(without) = name.strip_prefix("the") {
            domains.entry(without.to_string()).or_insert(outlet);
        }
        domains.entry(name).or_insert(outlet);
    }
    domains
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_site_name_of_a_domain() {
        for (word, name) in [
            ("CityPaper.com", Some("CityPaper")),
            ("DW.COM", Some("DW")),
            ("www.cbsnews.com", Some("cbsnews")),
            ("www.bbc.co.uk", Some("bbc")),
            ("hosted.ap.org", Some("ap")),
            ("sportsnet.ca", Some("sportsnet")),
            ("U.S.", None),
            ("a.m.", None),
            ("St.Louis", None),
            ("Reuters", None),
            ("3.5", None),
        ] {
            assert_eq!(site_name(word), name, "{word}");
        }
    }

    #[test]
    fn a_domain_names_a_known_outlet() {
        let lex = lexicon();
        let id = |word: &str| outlet_by_domain(word).map(|o| lex.outlet(o).id.as_str());
        assert_eq!(id("CNN.com"), Some("cnn"));
        assert_eq!(id("cbsnews.com"), Some("cbs-news"));
        assert_eq!(id("dw.com"), Some("deutsche-welle"));
        assert_eq!(id("politico.com"), Some("politico"));
        assert_eq!(id("CityPaper.com"), None);
        assert_eq!(id("CNN"), None);
    }

    #[test]
    fn a_name_and_its_domain_are_the_same_outlet() {
        assert!(same_outlet("CityPaper.com", "CityPaper"));
        assert!(same_outlet("Deccan Herald", "deccanherald.com"));
        assert!(same_outlet("therealdeal.com", "The Real Deal"));
        assert!(!same_outlet("CityPaper.com", "City Times"));
        assert!(!same_outlet("CityPaper", "CityPaper"));
    }
}
