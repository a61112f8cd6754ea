/// The whole interface of `trace`, for `trace --help` (all of it) and `help trace` (its
/// own synopsis line, then the body).
public let traceHelpText = traceHelpSynopsis + "\n\n" + traceHelpBody

public let traceHelpSynopsis = "trace [--json] [--chrome FILE] [--otlp FILE] [-o FILE] [--peek N] [--live|--no-live] [--no-color] [--] PIPELINE | -p PID[,PID…] | %JOB"

public let traceHelpBody = """
Run a pipeline and report how data flowed through it.

The pipeline runs as it would without `trace` (Ctrl-C, Ctrl-Z, `fg` and its exit
status are unchanged). When it ends, weir writes one row per stage and one line per
edge to standard error, then names the stage that held the rest back. PIPELINE may be
any pipeline, compound command, function call or builtin, with process
substitutions (each `<(…)` and `>(…)` is a stage, its FIFO an edge).

Each stage: pid, how it ended (exit status, or the signal and whether a reader leaving
early explains it), start, wall time, user and system CPU, peak memory, and the shares
of its life spent running, waiting for input and waiting for the next stage to read
(sampled from /proc every 10 ms), and what its stdin and stdout were. Each edge: the
exact bytes and lines that crossed it, its rate, and when a reader left early how much
was written and how much was read.

A traced job keeps flowing out of the foreground: after Ctrl-Z and `bg`, or started
with `trace PIPELINE &`, its report comes as a job notice when it ends, and `jobs -t`
shows its numbers so far (a helper process relays and samples, not the shell).

Attaching to a pipeline already running:
  trace %JOB                a job of this shell
  trace -p PID[,PID…]       the pipeline these processes belong to, whoever started it
weir finds the other stages through /proc (the pipes on their stdin and stdout, within
the job), samples each stage, estimates each edge's bytes from /proc/PID/io (marked ~;
lines are unknown) and reads how full each pipe is, until the pipeline ends or Ctrl-C,
then writes the same report.

Options:
  --json            one JSON object per stage, edge and pipeline instead of the table
                    (schema: docs/trace-json.md)
  --chrome FILE     also write a timeline for Perfetto (ui.perfetto.dev) or
                    chrome://tracing: a track per stage, a counter per edge
  --otlp FILE       also write the trace as OpenTelemetry OTLP/JSON: a span per
                    pipeline and per stage, edges as links; under a W3C TRACEPARENT
                    the spans join that trace. With OTEL_EXPORTER_OTLP_ENDPOINT (or
                    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) an http:// URL, every trace is
                    also POSTed there
  -o, --output FILE the report goes to FILE instead of standard error
  --peek N          keep the first and last N lines that crossed each edge, and show
                    them under it (JSON: the edge's "peek": {"head": […], "tail": […]})
  --live            show the live view at the bottom of the terminal from the start
  --no-live         no live view (by default a pipeline that runs longer than half a
                    second on a terminal gets one)
  --no-color        no colour in the report (also when NO_COLOR is set)
  -p, --pid PIDS    attach to the running pipeline of these processes (see above)
  --help            show this help
  --                the end of the options

A whole script:
  weir --trace SCRIPT             a report for every pipeline, on standard error
  weir --trace=FILE SCRIPT        one JSON stream into FILE
  weir --trace-chrome=FILE SCRIPT one timeline, functions as nested spans
  weir --trace-otlp=FILE SCRIPT   one OTLP/JSON file
  set -o trace … set +o trace     trace the pipelines between the two
  weir --profile[=FILE] SCRIPT    at exit, the time and CPU of each line's own commands
                                  and of each function, most first

Exit Status:
The pipeline's status. 2 for a bad option; 1 if the pipeline succeeded but the
report or timeline could not be written. Attached: 0, or 1 when no such process or
job exists or the report could not be written.

"""
