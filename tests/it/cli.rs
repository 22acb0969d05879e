//! The `provgraph` binary, tested as data: arguments, standard input, and the expected standard
//! output, standard error, exit status and files, per case. Every case runs in a fresh copy of
//! the same small tree of inputs. None depends on what the extractor finds.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_provgraph");

/// What a case's standard output must be.
#[derive(Clone, Copy, Debug)]
enum Stdout {
    Empty,
    /// Anything: for output that a working extractor changes.
    Any,
    /// These pieces, in this order.
    Contains(&'static [&'static str]),
}

/// What a case's standard error must be.
#[derive(Clone, Copy, Debug)]
enum Stderr {
    Exactly(&'static str),
    /// These pieces, in this order.
    Contains(&'static [&'static str]),
}

#[derive(Clone, Copy, Debug)]
struct Case {
    name: &'static str,
    args: &'static [&'static str],
    stdin: &'static [u8],
    code: i32,
    stdout: Stdout,
    stderr: Stderr,
    /// A file that must exist afterwards, and what it starts with.
    file: Option<(&'static str, &'static str)>,
    /// Paths that must not exist afterwards.
    absent: &'static [&'static str],
}

const OK: Case = Case {
    name: "",
    args: &[],
    stdin: b"",
    code: 0,
    stdout: Stdout::Any,
    stderr: Stderr::Exactly(""),
    file: None,
    absent: &[],
};

/// The inputs every case sees, relative to its working directory.
fn make_tree(root: &Path) {
    let files: &[(&str, &[u8])] = &[
        (
            "articles/a.txt",
            b"Alpha headline\nThe sky over the city was clear on Monday.\n",
        ),
        (
            "articles/b.txt",
            b"\n   Bravo headline  \nRain is expected tomorrow.\n",
        ),
        ("articles/notes.md", b"Not an input.\n"),
        ("articles/sub/c.txt", b"Charlie, in a subdirectory.\n"),
        ("other/a.txt", b"Another alpha\n"),
        ("empty.txt", b""),
        ("empties/c.txt", b"  \n\t\n"),
        ("empties/a.txt", b""),
        ("empties/b.txt", b""),
        ("latin1.txt", b"Caf\xe9 society\n"),
        ("binary.txt", b"PK\x03\x04\x00\x00\x08\x00"),
        ("noinput/readme.md", b"Nothing here.\n"),
        ("existing.json", b"keep me\n"),
        ("previous/nodes.csv", b"id:ID,:LABEL\n\"old\",Person\n"),
        ("previous/relationships.csv", b":START_ID,:END_ID,:TYPE\n"),
    ];
    for (path, contents) in files {
        let path = root.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, contents).unwrap();
    }
    fs::create_dir(root.join("emptydir")).unwrap();
}

pub fn run_in(dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

/// Temporary files the atomic writer left behind, anywhere in the tree.
fn leftovers(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let temporary = path
            .file_name()
            .is_some_and(|name| name.to_string_lossy().starts_with(".provgraph-"));
        if temporary {
            found.push(path.display().to_string());
        } else if path.is_dir() {
            found.extend(leftovers(&path));
        } else if path
            .file_name()
            .is_some_and(|name| name.to_string_lossy().starts_with(".provgraph-"))
        {
            found.push(path.display().to_string());
        }
    }
    found
}

fn assert_in_order(stream: &str, text: &str, pieces: &[&str], context: &str) {
    let mut at = 0;
    for piece in pieces {
        match text[at..].find(piece) {
            Some(offset) => at += offset + piece.len(),
            None => panic!("{stream} lacks {piece:?} (in this order), {context}"),
        }
    }
}

fn check(case: &Case) {
    // An HTML report warns that it has no diagram when Graphviz is missing.
    let html = case
        .args
        .iter()
        .any(|arg| arg.ends_with(".html") || *arg == "html");
    if html && !crate::tools::has_dot() {
        crate::tools::missing("the `dot` binary", "apt-get install graphviz");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    make_tree(dir.path());
    let output = run_in(dir.path(), case.args, case.stdin);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let context = format!(
        "case {:?}: provgraph {}\n--- stdout\n{stdout}\n--- stderr\n{stderr}",
        case.name,
        case.args.join(" ")
    );

    assert_eq!(
        output.status.code(),
        Some(case.code),
        "exit status, {context}"
    );
    match case.stdout {
        Stdout::Empty => assert_eq!(stdout, "", "stdout, {context}"),
        Stdout::Any => {}
        Stdout::Contains(pieces) => assert_in_order("stdout", &stdout, pieces, &context),
    }
    match case.stderr {
        Stderr::Exactly(expected) => assert_eq!(stderr, expected, "stderr, {context}"),
        Stderr::Contains(pieces) => assert_in_order("stderr", &stderr, pieces, &context),
    }
    if let Some((path, start)) = case.file {
        let text = fs::read_to_string(dir.path().join(path))
            .unwrap_or_else(|err| panic!("{path}: {err}, {context}"));
        assert!(
            text.starts_with(start),
            "{path} starts with {:?}, {context}",
            &text[..text.len().min(80)]
        );
    }
    for path in case.absent {
        assert!(
            !dir.path().join(path).exists(),
            "{path} must not exist, {context}"
        );
    }
    assert_eq!(leftovers(dir.path()), Vec::<String>::new(), "{context}");
}

const JSON_START: &str = "{\n  \"directed\": true,";

const CASES: &[Case] = &[
    // Formats and where the output goes.
    Case {
        name: "json on standard output by default",
        args: &["build", "articles/a.txt"],
        stdout: Stdout::Contains(&[
            JSON_START,
            "\"schema\": \"provgraph/1\"",
            "\"id\": \"a\"",
            "\"path\": \"articles/a.txt\"",
            "\"title\": \"Alpha headline\"",
            "\"bytes\": 58",
        ]),
        ..OK
    },
    Case {
        name: "--format dot",
        args: &["build", "articles/a.txt", "--format", "dot"],
        stdout: Stdout::Contains(&["digraph provgraph {\n", "rankdir=LR"]),
        ..OK
    },
    Case {
        name: "--format json, upper case",
        args: &["build", "articles/a.txt", "--format", "JSON"],
        stdout: Stdout::Contains(&[JSON_START]),
        ..OK
    },
    Case {
        name: "-o .json",
        args: &["build", "articles/a.txt", "-o", "graph.json"],
        stdout: Stdout::Empty,
        file: Some(("graph.json", JSON_START)),
        ..OK
    },
    Case {
        name: "--sync replaces an existing file",
        args: &["build", "articles/a.txt", "--sync", "-o", "existing.json"],
        stdout: Stdout::Empty,
        file: Some(("existing.json", JSON_START)),
        ..OK
    },
    Case {
        name: "--sync before the command",
        args: &["--sync", "extract", "articles", "-o", "shard.jsonl"],
        stdout: Stdout::Empty,
        file: Some(("shard.jsonl", "{\"document\":{\"id\":\"a\",")),
        ..OK
    },
    Case {
        name: "--sync to standard output has nothing to sync",
        args: &["build", "articles/a.txt", "--sync"],
        stdout: Stdout::Contains(&[JSON_START]),
        ..OK
    },
    Case {
        name: "-o .dot",
        args: &["build", "articles/a.txt", "-o", "graph.dot"],
        stdout: Stdout::Empty,
        file: Some(("graph.dot", "digraph provgraph {")),
        ..OK
    },
    Case {
        name: "-o .gv",
        args: &["build", "articles/a.txt", "--output", "graph.gv"],
        stdout: Stdout::Empty,
        file: Some(("graph.gv", "digraph provgraph {")),
        ..OK
    },
    Case {
        name: "--format wins over the extension of -o",
        args: &[
            "build",
            "articles/a.txt",
            "-o",
            "graph.json",
            "--format",
            "dot",
        ],
        stdout: Stdout::Empty,
        file: Some(("graph.json", "digraph provgraph {")),
        ..OK
    },
    Case {
        name: "--format makes any file name fine",
        args: &["build", "articles/a.txt", "-o", "graph.out", "-f", "json"],
        stdout: Stdout::Empty,
        file: Some(("graph.out", JSON_START)),
        ..OK
    },
    Case {
        name: "-o - is standard output",
        args: &["build", "articles/a.txt", "-o", "-"],
        stdout: Stdout::Contains(&[JSON_START]),
        absent: &["-"],
        ..OK
    },
    Case {
        name: "an existing output file is replaced",
        args: &["build", "articles/a.txt", "-o", "existing.json"],
        stdout: Stdout::Empty,
        file: Some(("existing.json", JSON_START)),
        ..OK
    },
    Case {
        name: "-o .graphml",
        args: &["build", "articles/a.txt", "-o", "graph.graphml"],
        stdout: Stdout::Empty,
        file: Some((
            "graph.graphml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml ",
        )),
        ..OK
    },
    Case {
        name: "-o .gexf",
        args: &["build", "articles/a.txt", "-o", "graph.gexf"],
        stdout: Stdout::Empty,
        file: Some((
            "graph.gexf",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf ",
        )),
        ..OK
    },
    Case {
        name: "-o .prov.json is PROV-JSON, not provgraph JSON",
        args: &["build", "articles/a.txt", "-o", "graph.prov.json"],
        stdout: Stdout::Empty,
        file: Some(("graph.prov.json", "{\n  \"prefix\": {")),
        ..OK
    },
    Case {
        name: "-o .provn",
        args: &["build", "articles/a.txt", "-o", "graph.provn"],
        stdout: Stdout::Empty,
        file: Some(("graph.provn", "document\n  prefix pg <urn:provgraph:>")),
        ..OK
    },
    Case {
        name: "-o .cyjs",
        args: &["build", "articles/a.txt", "-o", "graph.cyjs"],
        stdout: Stdout::Empty,
        file: Some(("graph.cyjs", "{\n  \"data\": {\n    \"attributions\": [],")),
        ..OK
    },
    Case {
        name: "-o .cytoscape.json",
        args: &["build", "articles/a.txt", "-o", "graph.cytoscape.json"],
        stdout: Stdout::Empty,
        file: Some((
            "graph.cytoscape.json",
            "{\n  \"data\": {\n    \"attributions\": [],",
        )),
        ..OK
    },
    Case {
        name: "-o .cypher",
        args: &["build", "articles/a.txt", "-o", "graph.cypher"],
        stdout: Stdout::Empty,
        file: Some(("graph.cypher", "// provgraph ")),
        ..OK
    },
    Case {
        name: "-o .csv",
        args: &["build", "articles/a.txt", "-o", "edges.csv"],
        stdout: Stdout::Empty,
        file: Some(("edges.csv", "source,target,relation,weight,documents,")),
        ..OK
    },
    Case {
        name: "-o .html",
        args: &["build", "articles/a.txt", "-o", "report.html"],
        stdout: Stdout::Empty,
        file: Some(("report.html", "<!DOCTYPE html>\n<html lang=\"en\">")),
        ..OK
    },
    Case {
        name: "--format prov-n on standard output",
        args: &["build", "articles/a.txt", "--format", "prov-n"],
        stdout: Stdout::Contains(&[
            "document\n",
            "entity(document:a, [prov:type='pg:Document', prov:label=\"Alpha headline\"",
            "endDocument\n",
        ]),
        ..OK
    },
    Case {
        name: "--format neo4j writes a new directory",
        args: &[
            "build",
            "articles/a.txt",
            "--format",
            "neo4j",
            "-o",
            "import",
        ],
        stdout: Stdout::Empty,
        file: Some((
            "import/nodes.csv",
            "id:ID,:LABEL,label,kind,aliases:string[],titles:string[],mentions:int\n",
        )),
        ..OK
    },
    Case {
        name: "--format neo4j fills an empty directory",
        args: &[
            "build",
            "articles/a.txt",
            "--format",
            "neo4j",
            "-o",
            "emptydir",
        ],
        stdout: Stdout::Empty,
        file: Some((
            "emptydir/relationships.csv",
            ":START_ID,:END_ID,:TYPE,relation,weight:int,attributions:string[]\n",
        )),
        ..OK
    },
    Case {
        name: "--format neo4j replaces a previous export",
        args: &[
            "build",
            "articles/a.txt",
            "--format",
            "neo4j",
            "-o",
            "previous",
        ],
        stdout: Stdout::Empty,
        file: Some(("previous/nodes.csv", "id:ID,")),
        ..OK
    },
    Case {
        name: "--format neo4j --sync replaces a previous export",
        args: &[
            "build",
            "articles/a.txt",
            "--format",
            "neo4j",
            "--sync",
            "-o",
            "previous",
        ],
        stdout: Stdout::Empty,
        file: Some(("previous/relationships.csv", ":START_ID,:END_ID,:TYPE,")),
        ..OK
    },
    Case {
        name: "--format neo4j leaves a directory with other files alone",
        args: &[
            "build",
            "articles/a.txt",
            "--format",
            "neo4j",
            "-o",
            "noinput",
        ],
        code: 1,
        stdout: Stdout::Empty,
        stderr: Stderr::Exactly(
            "provgraph: cannot write noinput: the directory holds readme.md, so it is not a previous export; give a new or empty directory, or remove it first\n",
        ),
        file: Some(("noinput/readme.md", "Nothing here.")),
        absent: &["noinput/nodes.csv"],
        ..OK
    },
    Case {
        name: "--format neo4j does not replace a file",
        args: &[
            "build",
            "articles/a.txt",
            "--format",
            "neo4j",
            "-o",
            "existing.json",
        ],
        code: 1,
        stdout: Stdout::Empty,
        stderr: Stderr::Exactly(
            "provgraph: cannot write existing.json: it is a file, and this format writes a directory; give the name of a new or empty directory\n",
        ),
        file: Some(("existing.json", "keep me\n")),
        ..OK
    },
    Case {
        name: "--format neo4j needs -o",
        args: &["build", "articles/a.txt", "--format", "neo4j"],
        code: 2,
        stdout: Stdout::Empty,
        stderr: Stderr::Exactly(
            "provgraph: cannot write neo4j to standard output: it is a directory of two files; give the directory with -o DIR\n",
        ),
        ..OK
    },
    Case {
        name: "build points pictures to render",
        args: &["build", "articles/a.txt", "-o", "graph.svg"],
        code: 2,
        stdout: Stdout::Empty,
        stderr: Stderr::Exactly(
            "provgraph: cannot write graph.svg with build: .svg is a picture; draw it with provgraph render -o graph.svg\n",
        ),
        absent: &["graph.svg"],
        ..OK
    },
    Case {
        name: "render needs -o",
        args: &["render", "articles/a.txt"],
        code: 2,
        stdout: Stdout::Empty,
        stderr: Stderr::Exactly(
            "provgraph: the following required arguments were not provided: --output <FILE>; see provgraph render --help\n",
        ),
        ..OK
    },
    Case {
        name: "render knows svg, png and pdf",
        args: &["render", "articles/a.txt", "-o", "graph.gif"],
        code: 2,
        stdout: Stdout::Empty,
        stderr: Stderr::Exactly(
            "provgraph: cannot tell the picture format of graph.gif: .gif is not a picture format provgraph draws; name the file .svg, .png or .pdf\n",
        ),
        absent: &["graph.gif"],
        ..OK
    },
    Case {
        name: "render --help",
        args: &["render", "--help"],
        stdout: Stdout::Contains(&[
            "legend",
            "Usage: provgraph render [OPTIONS] --output <FILE> <INPUT>...",
            "--clusters",
        ]),
        ..OK
    },
    // Inputs.
    Case {
        name: "standard input is document stdin",
        args: &["build", "-"],
        stdin: b"\xef\xbb\xbfStdin headline\nSome text.\n",
        stdout: Stdout::Contains(&[
            "\"id\": \"stdin\"",
            "\"path\": null",
            "\"title\": \"Stdin headline\"",
            "\"bytes\": 29",
        ]),
        ..OK
    },
    Case {
        name: "files and standard input together",
        args: &["build", "articles/b.txt", "-"],
        stdin: b"From a pipe\n",
        stdout: Stdout::Contains(&[
            "\"id\": \"b\"",
            "\"title\": \"Bravo headline\"",
            "\"id\": \"stdin\"",
        ]),
        ..OK
    },
    Case {
        name: "a directory gives its articles and those of its subdirectories, not other files",
        args: &["build", "articles"],
        stdout: Stdout::Contains(&[
            "\"id\": \"a\"",
            "\"path\": \"articles/a.txt\"",
            "\"id\": \"b\"",
            "\"path\": \"articles/b.txt\"",
            "\"id\": \"c\"",
            "\"path\": \"articles/sub/c.txt\"",
            "\"nodes\"",
        ]),
        ..OK
    },
    Case {
        name: "a directory is read in path order",
        args: &["build", "empties/"],
        stdout: Stdout::Contains(&[
            "\"path\": \"empties/a.txt\"",
            "\"path\": \"empties/b.txt\"",
            "\"path\": \"empties/c.txt\"",
        ]),
        stderr: Stderr::Exactly(
            "provgraph: warning: empties/a.txt is empty; it yields nothing\n\
             provgraph: warning: empties/b.txt is empty; it yields nothing\n\
             provgraph: warning: empties/c.txt is empty; it yields nothing\n\
             provgraph: 3 warnings (3 empty inputs)\n",
        ),
        ..OK
    },
    Case {
        name: "duplicate ids are made unique and reported",
        args: &["build", "articles", "other/a.txt"],
        stdout: Stdout::Contains(&[
            "\"id\": \"a\"",
            "\"path\": \"articles/a.txt\"",
            "\"id\": \"a-2\"",
            "\"path\": \"other/a.txt\"",
            "\"title\": \"Another alpha\"",
            "\"id\": \"b\"",
        ]),
        stderr: Stderr::Exactly(
            "provgraph: warning: articles/a.txt and other/a.txt are both document a; calling other/a.txt a-2\n\
             provgraph: 1 warning (1 renamed document)\n",
        ),
        ..OK
    },
    Case {
        name: "a file given twice becomes two documents",
        args: &["build", "other/a.txt", "other/a.txt"],
        stdout: Stdout::Contains(&["\"id\": \"a\"", "\"id\": \"a-2\""]),
        stderr: Stderr::Exactly(
            "provgraph: warning: other/a.txt and other/a.txt are both document a; calling other/a.txt a-2\n\
             provgraph: 1 warning (1 renamed document)\n",
        ),
        ..OK
    },
    Case {
        name: "an empty input is a warning, not an error",
        args: &["build", "empty.txt"],
        stdout: Stdout::Contains(&["\"id\": \"empty\"", "\"title\": null", "\"bytes\": 0"]),
        stderr: Stderr::Exactly(
            "provgraph: warning: empty.txt is empty; it yields nothing\n\
             provgraph: 1 warning (1 empty input)\n",
        ),
        ..OK
    },
    Case {
        name: "empty standard input",
        args: &["chains", "-"],
        stdout: Stdout::Empty,
        stderr: Stderr::Exactly(
            "provgraph: warning: standard input is empty; it yields nothing\n\
             provgraph: 1 warning (1 empty input)\n",
        ),
        ..OK
    },
    Case {
        name: "chains reads the same inputs",
        args: &["chains", "articles", "-"],
        stdin: b"Text from a pipe.\n",
        ..OK
    },
    Case {
        name: "explain traces the rules per document",
        args: &["explain", "articles/a.txt", "-"],
        stdin: b"Officials said the talks went well, Reuters reported.\n",
        stdout: Stdout::Contains(&[
            "== a\n",
            "== stdin\n[0] Officials said the talks went well, Reuters reported.\n",
            "    preposed ",
            "cue=\"said\" src=Officials",
            "    postposed ",
            "cue=\"reported\" src=Reuters (known by lone_word)",
            "    => postposed [Officials -> Reuters]\n",
        ]),
        ..OK
    },
    // Failures: exit status 1, nothing on standard output, no file.
    Case {
        name: "missing input",
        args: &["build", "missing.txt", "-o", "graph.json"],
        code: 1,
        stdout: Stdout::Empty,
        stderr: Stderr::Exactly(
            "provgraph: cannot read missing.txt: no such file or directory; check the path\n",
        ),
        absent: &["graph.json"],
        ..OK
    },
    Case {
        name: "missing input for chains",
        args: &["chains", "articles", "missing.txt"],
        code: 1,
        stdout: Stdout::Empty,
        stderr: Stderr::Exactly(
            "provgraph: cannot read missing.txt: no such file or directory; check the path\n",
        ),
        ..OK
    },
    Case {
        name: "a directory without articles",
        args: &["build", "noinput"],
        code: 1,
        stdout: Stdout::Empty,
        stderr: Stderr::Exactly(
            "provgraph: cannot read noinput: the directory has no articles (.txt, .jsonl, .ndjson, .html or .htm files, gzipped or not); give files, or a directory that holds some\n",
        ),
        ..OK
    },
    // Documents that cannot be analysed are skipped with a warning; --strict stops at them.
    Case {
        name: "a file that is not UTF-8 is skipped",
        args: &["build", "articles/a.txt", "latin1.txt"],
        stdout: Stdout::Contains(&["\"id\": \"a\""]),
        stderr: Stderr::Exactly(
            "provgraph: warning: latin1.txt is skipped: it is not UTF-8 (the first invalid byte is at offset 3); convert it to UTF-8 first, e.g. with iconv -f WINDOWS-1252 -t UTF-8\n\
             provgraph: 1 warning (1 skipped document)\n",
        ),
        ..OK
    },
    Case {
        name: "a file that is not UTF-8 under --strict",
        args: &["build", "--strict", "articles/a.txt", "latin1.txt"],
        code: 1,
        stdout: Stdout::Empty,
        stderr: Stderr::Exactly(
            "provgraph: cannot read latin1.txt: it is not UTF-8 (the first invalid byte is at offset 3); convert it to UTF-8 first, e.g. with iconv -f WINDOWS-1252 -t UTF-8\n",
        ),
        ..OK
    },
    Case {
        name: "standard input that is not UTF-8",
        args: &["chains", "-"],
        stdin: b"ok\n\xff",
        stdout: Stdout::Empty,
        stderr: Stderr::Exactly(
            "provgraph: warning: standard input is skipped: it is not UTF-8 (the first invalid byte is at offset 3); convert it to UTF-8 first, e.g. with iconv -f WINDOWS-1252 -t UTF-8\n\
             provgraph: 1 warning (1 skipped document)\n",
        ),
        ..OK
    },
    Case {
        name: "a binary file is skipped",
        args: &["build", "binary.txt"],
        stdout: Stdout::Contains(&["\"documents\": []"]),
        stderr: Stderr::Exactly(
            "provgraph: warning: binary.txt is skipped: it holds binary data (a NUL byte at offset 4); give a plain-text file; UTF-16 text can be converted with iconv -f UTF-16 -t UTF-8\n\
             provgraph: 1 warning (1 skipped document)\n",
        ),
        ..OK
    },
    Case {
        name: "a binary file under --strict",
        args: &["build", "binary.txt", "--strict"],
        code: 1,
        stdout: Stdout::Empty,
        stderr: Stderr::Exactly(
            "provgraph: cannot read binary.txt: it holds binary data (a NUL byte at offset 4); give a plain-text file; UTF-16 text can be converted with iconv -f UTF-16 -t UTF-8\n",
        ),
        ..OK
    },
    Case {
        name: "output into a missing directory",
        args: &["build", "articles", "-o", "out/graph.json"],
        code: 1,
        stdout: Stdout::Empty,
        stderr: Stderr::Exactly(
            "provgraph: cannot write out/graph.json: the directory out does not exist; create it first, or choose another path\n",
        ),
        absent: &["out"],
        ..OK
    },
    Case {
        name: "output under a file",
        args: &["build", "articles", "-o", "empty.txt/graph.json"],
        code: 1,
        stdout: Stdout::Empty,
        stderr: Stderr::Exactly(
            "provgraph: cannot write empty.txt/graph.json: empty.txt is not a directory; choose another path\n",
        ),
        file: Some(("empty.txt", "")),
        ..OK
    },
    Case {
        name: "output onto a directory",
        args: &["build", "articles", "-o", "noinput", "--format", "json"],
        code: 1,
        stdout: Stdout::Empty,
        stderr: Stderr::Exactly(
            "provgraph: cannot write noinput: it is a directory; give a file name\n",
        ),
        file: Some(("noinput/readme.md", "Nothing here.")),
        ..OK
    },
    Case {
        name: "output where nobody may write, not even root",
        args: &["build", "articles", "-o", "/sys/provgraph-test.json"],
        code: 1,
        stdout: Stdout::Empty,
        // Permission denied, or a read-only file system where /sys is mounted so.
        stderr: Stderr::Contains(&[
            "provgraph: cannot write /sys/provgraph-test.json: /sys is not writable (",
            "); choose a writable location\n",
        ]),
        ..OK
    },
    Case {
        name: "a failing input leaves an existing output file alone",
        args: &["build", "--strict", "latin1.txt", "-o", "existing.json"],
        code: 1,
        stdout: Stdout::Empty,
        stderr: Stderr::Contains(&["cannot read latin1.txt"]),
        file: Some(("existing.json", "keep me\n")),
        ..OK
    },
    // Usage errors: exit status 2.
    Case {
        name: "unknown --format",
        args: &[
            "build",
            "articles",
            "--format",
            "xml",
            "-o",
            "existing.json",
        ],
        code: 2,
        stdout: Stdout::Empty,
        stderr: Stderr::Exactly(
            "provgraph: unknown format xml: provgraph writes json, dot, graphml, gexf, prov-json, prov-n, cytoscape, neo4j, cypher, csv or html; give one of these with --format\n",
        ),
        file: Some(("existing.json", "keep me\n")),
        ..OK
    },
    Case {
        name: "unknown extension of -o",
        args: &["build", "articles", "-o", "graph.xml"],
        code: 2,
        stdout: Stdout::Empty,
        stderr: Stderr::Exactly(
            "provgraph: cannot tell the output format of graph.xml: .xml is not a known extension; name the file .json, .dot, .gv, .graphml, .gexf, .prov.json, .provn, .cyjs, .cypher, .csv or .html, or give --format (neo4j writes a directory)\n",
        ),
        absent: &["graph.xml"],
        ..OK
    },
    Case {
        name: "-o without an extension is json, as help says",
        args: &["build", "articles", "-o", "graph"],
        code: 0,
        stdout: Stdout::Empty,
        stderr: Stderr::Exactly(""),
        file: Some(("graph", "{")),
        ..OK
    },
    Case {
        name: "-o /dev/null without --format is json",
        args: &["build", "articles", "-o", "/dev/null"],
        code: 0,
        stdout: Stdout::Empty,
        stderr: Stderr::Exactly(""),
        ..OK
    },
    Case {
        name: "the format is checked before any input is read",
        args: &["build", "missing.txt", "--format", "svg"],
        code: 2,
        stdout: Stdout::Empty,
        stderr: Stderr::Contains(&["provgraph: unknown format svg"]),
        ..OK
    },
    Case {
        name: "a size that is not a size",
        args: &["build", "articles", "--max-doc-bytes", "lots"],
        code: 2,
        stdout: Stdout::Empty,
        stderr: Stderr::Exactly(
            "provgraph: --max-doc-bytes lots is not a size: expected a number of bytes, perhaps with K, M or G; give it as 16777216, 16M or 16MiB\n",
        ),
        ..OK
    },
    Case {
        name: "a number of threads that is not a number",
        args: &["chains", "articles", "-j", "many"],
        code: 2,
        stdout: Stdout::Empty,
        stderr: Stderr::Exactly(
            "provgraph: invalid value 'many' for '--threads <N>': invalid digit found in string; see provgraph chains --help\n",
        ),
        ..OK
    },
    Case {
        name: "formats are names in any case",
        args: &["build", "articles", "--format", "GV"],
        stdout: Stdout::Contains(&["digraph provgraph {"]),
        ..OK
    },
    Case {
        name: "standard input twice",
        args: &["build", "-", "articles", "-"],
        code: 2,
        stdout: Stdout::Empty,
        stderr: Stderr::Exactly(
            "provgraph: cannot read standard input twice: - is given 2 times; give - once\n",
        ),
        ..OK
    },
    Case {
        name: "no input",
        args: &["build"],
        code: 2,
        stdout: Stdout::Empty,
        stderr: Stderr::Exactly(
            "provgraph: the following required arguments were not provided: <INPUT>...; see provgraph build --help\n",
        ),
        ..OK
    },
    Case {
        name: "unknown flag",
        args: &["chains", "--bogus", "articles"],
        code: 2,
        stdout: Stdout::Empty,
        stderr: Stderr::Exactly(
            "provgraph: unexpected argument '--bogus' found; to pass '--bogus' as a value, use '-- --bogus', or see provgraph chains --help\n",
        ),
        ..OK
    },
    Case {
        name: "unknown subcommand",
        args: &["frobnicate"],
        code: 2,
        stdout: Stdout::Empty,
        stderr: Stderr::Exactly(
            "provgraph: unrecognized subcommand 'frobnicate'; see provgraph --help\n",
        ),
        ..OK
    },
    Case {
        name: "no arguments at all shows the help",
        args: &[],
        code: 2,
        stdout: Stdout::Empty,
        stderr: Stderr::Contains(&["Usage: provgraph [OPTIONS] <COMMAND>"]),
        ..OK
    },
    // Help.
    Case {
        name: "--help",
        args: &["--help"],
        stdout: Stdout::Contains(&[
            "Usage: provgraph [OPTIONS] <COMMAND>",
            "build",
            "chains",
            "Exit status: 0 on success (also with warnings), 1",
            "Examples:",
        ]),
        ..OK
    },
    Case {
        name: "build --help",
        args: &["build", "--help"],
        stdout: Stdout::Contains(&[
            "Usage: provgraph build [OPTIONS] <INPUT>...",
            "--format <FORMAT>",
            "--output <FILE>",
        ]),
        ..OK
    },
    Case {
        name: "chains --help",
        args: &["chains", "--help"],
        stdout: Stdout::Contains(&["-reported->", "-published->", "Usage: provgraph chains"]),
        ..OK
    },
    Case {
        name: "--version",
        args: &["--version"],
        stdout: Stdout::Contains(&[concat!("provgraph ", env!("CARGO_PKG_VERSION"), "\n")]),
        ..OK
    },
];

#[test]
fn cases() {
    let mut names = std::collections::BTreeSet::new();
    for case in CASES {
        assert!(names.insert(case.name), "two cases named {:?}", case.name);
        check(case);
    }
}

#[test]
fn the_same_inputs_give_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    make_tree(dir.path());
    for format in [
        "json",
        "dot",
        "graphml",
        "gexf",
        "prov-json",
        "prov-n",
        "cytoscape",
        "cypher",
        "csv",
    ] {
        let args = ["build", "articles", "other/a.txt", "--format", format];
        let one = run_in(dir.path(), &args, b"");
        let two = run_in(dir.path(), &args, b"");
        assert!(one.status.success());
        assert_eq!(one.stdout, two.stdout, "{format}");
    }
}

#[test]
fn a_closed_standard_output_ends_the_run_quietly() {
    let mut child = Command::new(BIN)
        .args(["build", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The reader goes away before provgraph has read its input, so its output hits a closed pipe.
    drop(child.stdout.take());
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Headline\nText.\n")
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn piping_into_head_exits_quietly_with_status_zero() {
    let dir = tempfile::tempdir().unwrap();
    // Far more output than a pipe holds, so that writing goes on after `head` has exited.
    fs::create_dir(dir.path().join("many")).unwrap();
    for i in 0..3000 {
        let path = dir.path().join(format!("many/article-{i:04}.txt"));
        fs::write(path, format!("Headline number {i}\nText.\n")).unwrap();
    }
    let script = r#""$1" build many | head -n 1; echo "status ${PIPESTATUS[0]}""#;
    let output = Command::new("bash")
        .args(["-c", script, "bash", BIN])
        .current_dir(dir.path())
        .output()
        .expect("bash runs");
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
    assert_eq!(String::from_utf8_lossy(&output.stdout), "{\nstatus 0\n");
}

#[cfg(unix)]
#[test]
fn an_unreadable_input_says_permission_denied() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("secret.txt");
    fs::write(&path, "text").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&path).is_ok() {
        // Root reads anything; the message for this case is then unreachable.
        eprintln!("skipped: running as root, permissions do not apply");
        return;
    }
    let output = run_in(dir.path(), &["build", "secret.txt"], b"");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "provgraph: cannot read secret.txt: permission denied; check its permissions\n"
    );
}

/// The binary with a PATH where no `dot` can be found.
fn run_without_dot(dir: &Path, args: &[&str]) -> Output {
    let empty = tempfile::tempdir().unwrap();
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env("PATH", empty.path())
        .output()
        .expect("the binary runs")
}

#[test]
fn render_says_which_package_to_install_when_dot_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    make_tree(dir.path());
    let output = run_without_dot(dir.path(), &["render", "articles/a.txt", "-o", "graph.svg"]);
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "provgraph: cannot render: the Graphviz program dot is not installed; install the graphviz package (apt-get install graphviz)\n"
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(!dir.path().join("graph.svg").exists());
    assert_eq!(leftovers(dir.path()), Vec::<String>::new());
}

#[test]
fn without_dot_the_html_report_has_its_table_and_says_why_there_is_no_diagram() {
    let dir = tempfile::tempdir().unwrap();
    make_tree(dir.path());
    let output = run_without_dot(
        dir.path(),
        &["build", "articles/a.txt", "-o", "report.html"],
    );
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "provgraph: warning: the report has no diagram: the Graphviz program dot is not installed; install the graphviz package (apt-get install graphviz)\n\
         provgraph: 1 warning (1 other)\n"
    );
    assert_eq!(output.status.code(), Some(0));
    let html = fs::read_to_string(dir.path().join("report.html")).unwrap();
    assert!(html.contains("<p class=\"missing\">The diagram needs Graphviz"));
    assert!(html.contains("<table id=\"attribution-table\""));
    // The rows (none in a.txt), as the data the table shows a page at a time.
    assert!(html.contains("<script type=\"application/json\" id=\"report-data\">{"));
    assert!(html.contains("{\"documents\":[\"a\"],\"rows\":["), "{html}");
    assert!(!html.contains("<svg"));
}

#[test]
fn render_draws_svg_png_and_pdf() {
    if std::env::var_os("PROVGRAPH_SKIP_DOT").is_some() {
        eprintln!("skipped: PROVGRAPH_SKIP_DOT is set");
        return;
    }
    if !crate::tools::has_dot() {
        crate::tools::missing("the `dot` binary", "apt-get install graphviz");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("article.txt"),
        "Headline\nPutin has called for calm, the Kremlin's press service reported, quoted by TASS.\n",
    )
    .unwrap();
    let magic: [(&str, &[u8]); 3] = [
        ("graph.svg", b"<?xml"),
        ("graph.png", b"\x89PNG"),
        ("graph.pdf", b"%PDF"),
    ];
    for (name, start) in magic {
        for clusters in [false, true] {
            let mut args = vec!["render", "article.txt", "-o", name];
            if clusters {
                args.push("--clusters");
            }
            let output = run_in(dir.path(), &args, b"");
            assert_eq!(String::from_utf8_lossy(&output.stderr), "", "{args:?}");
            assert!(output.status.success(), "{args:?}");
            let bytes = fs::read(dir.path().join(name)).unwrap();
            assert!(bytes.starts_with(start), "{name}");
        }
    }
    let svg = fs::read_to_string(dir.path().join("graph.svg")).unwrap();
    for text in [
        "Putin</text>",
        ">TASS</text>",
        ">Legend</text>",
        ">quoted ×1</text>",
    ] {
        assert!(svg.contains(text), "missing {text}");
    }
    assert_eq!(leftovers(dir.path()), Vec::<String>::new());
}
