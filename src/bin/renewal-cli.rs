//! `renewal-cli`: simulate a scenario file and print its trace (JSON or a readable timeline).

use clap::{Parser, Subcommand, ValueEnum};
use renewal_lab::engine::trace::{EventKind, TraceJson};
use renewal_lab::engine::{simulate, simulate_all_tiers, Scenario};
use renewal_lab::explain::text_timeline;
use std::io::{self, Read, Write};
use std::process::ExitCode;

/// Simulates subscription lifecycles (renewal-lab/1 scenarios).
#[derive(Parser)]
#[command(name = "renewal-cli", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Prints the trace of a scenario.
    Simulate {
        /// Scenario file, or `-` for standard input.
        file: String,
        /// Simulate every tier of the scenario's policy.
        #[arg(long)]
        all_tiers: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Include the app's `reminder` events (an extension of renewal-lab-trace/1, which
        /// does not list them; without this flag the output is exactly that format).
        #[arg(long)]
        reminders: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// The trace format (renewal-lab-trace/1).
    Json,
    /// A readable timeline.
    Text,
}

fn main() -> ExitCode {
    let Command::Simulate {
        file,
        all_tiers,
        format,
        reminders,
    } = Cli::parse().command;
    let text = match read_input(&file) {
        Ok(text) => text,
        Err(message) => {
            report(&format!("error: {file}: {message}"));
            return ExitCode::from(2);
        }
    };
    let scenario = match Scenario::from_json(&text) {
        Ok(s) => s,
        Err(errors) => {
            for e in errors {
                report(&format!("error: {e}"));
            }
            return ExitCode::from(2);
        }
    };
    let mut traces = if all_tiers {
        simulate_all_tiers(&scenario)
    } else {
        vec![simulate(&scenario)]
    };
    if !reminders {
        // Reminders change no state or balance, so dropping them leaves a consistent trace.
        for trace in &mut traces {
            trace
                .events
                .retain(|event| !matches!(event.kind, EventKind::Reminder { .. }));
        }
    }
    let output = match format {
        Format::Text => Ok(traces
            .iter()
            .map(|t| text_timeline(&scenario, t))
            .collect::<Vec<_>>()
            .join("\n")),
        Format::Json if all_tiers => pretty(&AllTiers {
            tiers: TiersInOrder(&scenario, &traces),
        }),
        Format::Json => pretty(&TraceJson {
            trace: &traces[0],
            scenario: &scenario,
        }),
    };
    match output {
        Ok(output) => write_output(output.trim_end()),
        // (The trace's serializer has no failing case today; never an empty "success".)
        Err(e) => {
            report(&format!("error: cannot write the trace as JSON: {e}"));
            ExitCode::from(1)
        }
    }
}

/// Writes the result and a newline to standard output. A reader that stopped early (`| head`)
/// is not an error; any other failure to write is reported, with exit code 1.
fn write_output(text: &str) -> ExitCode {
    let mut out = io::stdout().lock();
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            report(&format!("error: cannot write the output: {e}"));
            ExitCode::from(1)
        }
    }
}

/// One line on standard error (nothing more can be done if even that fails); what it quotes from
/// the file cannot break the line or reach the terminal as an escape sequence.
fn report(line: &str) {
    let _ = writeln!(io::stderr(), "{}", renewal_lab::explain::printable(line));
}

/// `{ "tiers": { ... } }`.
#[derive(serde::Serialize)]
struct AllTiers<'a> {
    tiers: TiersInOrder<'a>,
}

/// Serializes `{ "<tier>": trace, ... }` in the policy's tier order.
struct TiersInOrder<'a>(&'a Scenario, &'a [renewal_lab::engine::Trace]);

impl serde::Serialize for TiersInOrder<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.1.len()))?;
        for trace in self.1 {
            map.serialize_entry(
                &trace.tier,
                &TraceJson {
                    trace,
                    scenario: self.0,
                },
            )?;
        }
        map.end()
    }
}

fn pretty<T: serde::Serialize>(value: &T) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(value)
}

fn read_input(file: &str) -> Result<String, String> {
    const MAX_BYTES: u64 = 16 * 1024 * 1024;
    let mut bytes = Vec::new();
    let result = if file == "-" {
        std::io::stdin().take(MAX_BYTES + 1).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(file).and_then(|f| f.take(MAX_BYTES + 1).read_to_end(&mut bytes))
    };
    result.map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(format!("larger than {} MiB", MAX_BYTES / 1024 / 1024));
    }
    renewal_lab::engine::doc::text_of_bytes(bytes)
}
