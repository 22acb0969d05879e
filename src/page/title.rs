//! A page's title without the site's name that pages append to it.
//!
//! `<title>` and `og:title` often end with the site: "Nadal keeps Spain alive - Sportsnet.ca",
//! "Meta Outage Hits Facebook | Kulu Media", "Berlin confronts its past | DW | 19.01.2020". The
//! suffix is no part of the headline, and as a line of the text it reads as a credit. A part
//! after the last separator goes when it names the site (its publisher's name, or the first
//! label of a host "dw.com" gives), is a host name itself ("CNN.com") or holds no letter (a
//! date); never the whole title.

/// What separates a title from the site's name: a dash, a bar, a guillemet or a middle dot
/// between spaces.
const SEPARATORS: [char; 6] = ['-', '|', '–', '—', '»', '·'];

/// `title` without the parts after its last separators that name the site whose `publisher`
/// is given (a name or a host).
pub(super) fn without_site(title: &str, publisher: Option<&str>) -> String {
    let mut title = title;
    while let Some((head, tail)) = last_part(title) {
        if !names_site(tail, publisher) {
            break;
        }
        title = head;
    }
    title.to_string()
}

/// The title before its last separator and the part after it, both trimmed; `None` when there
/// is no separator or either side is empty.
fn last_part(title: &str) -> Option<(&str, &str)> {
    let (at, separator) = title.char_indices().rev().find(|&(at, c)| {
        SEPARATORS.contains(&c)
            && title[..at].ends_with(' ')
            && title[at + c.len_utf8()..].starts_with(' ')
    })?;
    let head = title[..at].trim_end();
    let tail = title[at + separator.len_utf8()..].trim_start();
    (!head.is_empty() && !tail.is_empty()).then_some((head, tail))
}

/// Whether the part of a title `part` names the site: the publisher's name or first host
/// label (case, spaces and punctuation aside), a host name, or no letter at all.
fn names_site(part: &str, publisher: Option<&str>) -> bool {
    if !part.chars().any(char::is_alphabetic) || is_host(part) {
        return true;
    }
    let Some(publisher) = publisher else {
        return false;
    };
    let part = squeeze(part);
    let name = squeeze(publisher);
    let label = publisher
        .split('.')
        .next()
        .filter(|_| is_host(publisher))
        .map(squeeze);
    !part.is_empty() && (part == name || label.is_some_and(|label| label == part))
}

/// Whether `text` is a host name: one word of labels joined by dots, the last of two or more
/// letters ("CNN.com", "sportsnet.ca").
fn is_host(text: &str) -> bool {
    let mut labels = text.split('.');
    let Some(top) = text.rsplit('.').next() else {
        return false;
    };
    text.contains('.')
        && top.len() >= 2
        && top.chars().all(|c| c.is_ascii_alphabetic())
        && labels.all(|label| {
            !label.is_empty() && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
}

/// The lower-cased letters and digits of `text`.
fn squeeze(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A site name without the edition after the outlet's name, when the page's `host` spells the
/// name: "The Real Deal" of "The Real Deal New York" at therealdeal.com, so that the outlet the
/// text names ("seen by The Real Deal") is the page's publisher. Unchanged when the host spells
/// the whole name or none of its leading words.
pub(super) fn without_edition(name: &str, host: Option<&str>) -> String {
    let Some(label) = host.and_then(|host| host.split('.').next()).map(squeeze) else {
        return name.to_string();
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    (1..words.len())
        .map(|n| words[..n].join(" "))
        .find(|prefix| {
            let prefix = squeeze(prefix);
            !label.is_empty()
                && (prefix == label
                    || prefix.strip_prefix("the") == Some(&label)
                    || label.strip_prefix("the") == Some(&prefix))
        })
        .unwrap_or_else(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_site_after_the_title_goes() {
        for (title, publisher, want) in [
            (
                "Nadal keeps Spain alive - Sportsnet.ca",
                Some("Sportsnet"),
                "Nadal keeps Spain alive",
            ),
            (
                "Democrats to use Social Security - CNN.com",
                None,
                "Democrats to use Social Security",
            ),
            (
                "Meta Outage Hits Facebook | Kulu Media",
                Some("Kulu Media"),
                "Meta Outage Hits Facebook",
            ),
            (
                "Berlin confronts its past | DW | 19.01.2020",
                Some("dw.com"),
                "Berlin confronts its past",
            ),
        ] {
            assert_eq!(without_site(title, publisher), want, "{title}");
        }
    }

    #[test]
    fn an_edition_after_the_outlet_the_host_spells_goes() {
        for (name, host, want) in [
            (
                "The Real Deal New York",
                Some("therealdeal.com"),
                "The Real Deal",
            ),
            ("Guardian US", Some("theguardian.com"), "Guardian"),
            ("The Real Deal New York", None, "The Real Deal New York"),
            ("Fox News", Some("foxnews.com"), "Fox News"),
            ("The Guardian", Some("theguardian.com"), "The Guardian"),
            ("Yahoo News", Some("news.yahoo.com"), "Yahoo News"),
            (
                "Daily Planet Group",
                Some("planet.com"),
                "Daily Planet Group",
            ),
        ] {
            assert_eq!(without_edition(name, host), want, "{name}");
        }
    }

    #[test]
    fn a_headline_with_a_dash_stays_whole() {
        for (title, publisher) in [
            ("Obama - the interview", Some("BBC News")),
            ("Stocks fall | Markets wrap", Some("Reuters")),
            ("Live: the vote - as it happened", None),
            ("CNN.com", Some("CNN")),
            ("Price hike - 2024-25 budget", None),
        ] {
            assert_eq!(without_site(title, publisher), title);
        }
    }
}
