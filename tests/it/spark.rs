//! The Spark recipe (`spark/provgraph_spark.py`): `extract` as the map step of a local Spark job,
//! `merge` as the reduce, gives the graph `build` gives, byte for byte.
//!
//! It needs Java and pyspark: `bash .ci/run` installs them (pyspark in
//! /tmp/provgraph-spark-venv); `PROVGRAPH_SPARK_PYTHON` names another Python that has pyspark, and
//! `PROVGRAPH_SKIP_SPARK=1` skips the test.

use std::fs;
use std::path::Path;
use std::process::Command;

use serde_json::json;

const BIN: &str = env!("CARGO_BIN_EXE_provgraph");

/// A Python that can import pyspark, if there is one.
fn python_with_pyspark() -> Option<String> {
    let candidates = [
        std::env::var("PROVGRAPH_SPARK_PYTHON").ok(),
        Some("/tmp/provgraph-spark-venv/bin/python".to_string()),
        Some("python3".to_string()),
    ];
    candidates.into_iter().flatten().find(|python| {
        Command::new(python)
            .args(["-c", "import pyspark"])
            .output()
            .is_ok_and(|output| output.status.success())
    })
}

#[test]
fn the_spark_recipe_gives_the_graph_of_one_build() {
    if std::env::var("PROVGRAPH_SKIP_SPARK").is_ok_and(|skip| skip == "1") {
        eprintln!("skipped: PROVGRAPH_SKIP_SPARK=1");
        return;
    }
    let Some(python) = python_with_pyspark() else {
        crate::tools::missing(
            "a Python with pyspark",
            "`bash .ci/run` installs Java and pyspark in /tmp/provgraph-spark-venv; or set \
             PROVGRAPH_SPARK_PYTHON to a Python that has pyspark",
        );
        return;
    };
    if Command::new("java").arg("-version").output().is_err() {
        crate::tools::missing(
            "Java (pyspark needs it)",
            "apt-get install openjdk-17-jre-headless",
        );
        return;
    }

    let dir = tempfile::tempdir().unwrap();
    let mut archive = String::new();
    let mut paths: Vec<_> = fs::read_dir("tests/data/articles")
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    paths.sort();
    for (i, path) in paths.iter().enumerate() {
        let mut record = json!({
            "id": path.file_stem().unwrap().to_string_lossy(),
            "text": fs::read_to_string(path).unwrap(),
        });
        if i % 3 == 0 {
            record["publisher"] = json!("Reuters");
        }
        archive.push_str(&format!("{record}\n"));
    }
    fs::write(dir.path().join("archive.jsonl"), &archive).unwrap();

    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("spark/provgraph_spark.py");
    let spark = Command::new(&python)
        .arg(&script)
        .args(["archive.jsonl", "spark.json", "--provgraph", BIN])
        .args(["--master", "local[2]", "--partitions", "3"])
        .env("SPARK_LOCAL_IP", "127.0.0.1")
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(
        spark.status.success(),
        "the Spark job failed:\n{}",
        String::from_utf8_lossy(&spark.stderr)
    );
    let build = Command::new(BIN)
        .args(["build", "archive.jsonl", "-o", "build.json"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(build.status.success());

    let from_spark = fs::read_to_string(dir.path().join("spark.json")).unwrap();
    let from_build = fs::read_to_string(dir.path().join("build.json")).unwrap();
    assert!(
        from_build.matches("\"chain\"").count() > 20,
        "the sample has attributions"
    );
    assert!(
        from_spark == from_build,
        "the Spark job's graph differs from build's"
    );
}
