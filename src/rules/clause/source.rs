//! Sources: which mentions a rule accepts as the source of a frame.

use crate::lexicon::{NameTarget, RoleType, lexicon};
use crate::mention::{Mention, MentionKind};
use crate::text::Text;

/// Sources after "according to": people, outlets, organizations, role nouns that name people
/// or bodies or documents ("a statement", "the poll"), unnamed sources; not "plan", "law".
pub(crate) fn is_named_source(_text: &Text, mention: &Mention) -> bool {
    match &mention.kind {
        MentionKind::Other | MentionKind::Relative => false,
        MentionKind::Description { role, .. } => {
            let role = &lexicon().roles[*role as usize];
            matches!(
                role.kind,
                RoleType::Person
                    | RoleType::Org
                    | RoleType::Outlet
                    | RoleType::Document
                    | RoleType::Media
            )
        }
        _ => true,
    }
}

/// A news outlet: known ("TASS") or by its words ("the Interfax news agency").
pub(crate) fn is_outlet(mention: &Mention) -> bool {
    matches!(
        mention.kind,
        MentionKind::Known {
            target: NameTarget::Outlet(_),
            ..
        } | MentionKind::Outlet { .. }
    )
}
