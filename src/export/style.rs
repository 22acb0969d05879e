//! How each kind of source looks, in every format that draws: one colour per kind (fill and
//! border), and a shape for Graphviz, yEd and Gephi. The pictures, the GEXF colours and the HTML
//! report all take their colours from here, so a kind looks the same everywhere.

use crate::model::Kind;

/// The look of one kind of node.
pub(crate) struct KindStyle {
    /// Graphviz shape.
    pub dot_shape: &'static str,
    /// Graphviz style.
    pub dot_style: &'static str,
    /// yEd `y:Shape` type.
    pub yed_shape: &'static str,
    /// GEXF `viz:shape` value.
    pub gexf_shape: &'static str,
    /// Fill colour, `#rrggbb`.
    pub fill: &'static str,
    /// Border colour, `#rrggbb`.
    pub border: &'static str,
}

pub(crate) fn kind_style(kind: Kind) -> KindStyle {
    match kind {
        Kind::Person => KindStyle {
            dot_shape: "ellipse",
            dot_style: "filled",
            yed_shape: "ellipse",
            gexf_shape: "disc",
            fill: "#dbe9f6",
            border: "#3d6fa3",
        },
        Kind::Organization => KindStyle {
            dot_shape: "box",
            dot_style: "filled,rounded",
            yed_shape: "roundrectangle",
            gexf_shape: "square",
            fill: "#fde9d0",
            border: "#b8732a",
        },
        Kind::Outlet => KindStyle {
            dot_shape: "note",
            dot_style: "filled",
            yed_shape: "rectangle",
            gexf_shape: "square",
            fill: "#dcefd6",
            border: "#4b8a3c",
        },
        Kind::Group => KindStyle {
            dot_shape: "hexagon",
            dot_style: "filled",
            yed_shape: "hexagon",
            gexf_shape: "diamond",
            fill: "#eadcf0",
            border: "#7a4d8c",
        },
        Kind::Unnamed => KindStyle {
            dot_shape: "ellipse",
            dot_style: "filled,dashed",
            yed_shape: "ellipse",
            gexf_shape: "triangle",
            fill: "#eeeeee",
            border: "#777777",
        },
    }
}

/// A `#rrggbb` colour as its red, green and blue components.
pub(crate) fn rgb(colour: &str) -> (u8, u8, u8) {
    let channel = |at: usize| u8::from_str_radix(&colour[at..at + 2], 16).expect("#rrggbb");
    (channel(1), channel(3), channel(5))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_own_fill_colour() {
        let mut fills: Vec<&str> = Kind::ALL
            .iter()
            .map(|&kind| kind_style(kind).fill)
            .collect();
        fills.sort();
        fills.dedup();
        assert_eq!(fills.len(), Kind::ALL.len());
    }

    #[test]
    fn colours_split_into_channels() {
        assert_eq!(rgb("#dbe9f6"), (0xdb, 0xe9, 0xf6));
        for kind in Kind::ALL {
            let style = kind_style(kind);
            rgb(style.fill);
            rgb(style.border);
        }
    }
}
