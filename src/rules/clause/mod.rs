//! Clause helpers the rules share: a verb's subject and whether it agrees with the verb
//! ([`subject`]), the content before or after a cue ([`content`]), the words after a cue that
//! still belong to it ("told reporters on Tuesday in a statement", [`adjunct`]), which
//! mentions can be a source ([`source`]), and relays after a phrase ("reports cited by MySA",
//! [`relay`]). Rules use these instead of each other: no rule
//! imports another.

pub(crate) mod adjunct;
pub(crate) mod content;
pub(crate) mod relay;
pub(crate) mod source;
pub(crate) mod subject;

pub(crate) use adjunct::{by_means, relative_that, skip_adjuncts};
pub(crate) use content::{
    colon_quote_after, content_after, content_before, content_between, introduces_speech,
    quote_content, reports_words, skip_recipient, words_after_colon,
};
pub(crate) use relay::{relative_opening, relay_by, relay_participle_in, reporter_outlet};
pub(crate) use source::{is_named_source, is_outlet};
pub(crate) use subject::{
    agrees, is_subject, nearest_clause_subject, sentence_subject, statement_before, subject_of,
    whole_sentence_subject,
};

#[cfg(test)]
mod tests;
