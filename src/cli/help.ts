/** `nutgraf --help`. */
export const helpText = `Usage: nutgraf <command> [options]

Commands:
  check [paths|globs|-]   Check article files (.md, .markdown, .txt, .json, .html);
                          folders are searched, node_modules and .git ignored, - reads stdin
  fix [paths|globs]       Apply safe fixes (same as check --fix), then report what is left
  parse <file|->          Print an article converted to --to (diagnostics on stderr)

Check options:
  -f, --format <name>     stylish (default), json, github, sarif
      --max-warnings <n>  Exit 1 when there are more than n warnings
  -q, --quiet             Report errors only
      --verbose           Also report info diagnostics
      --rule <id=level>   Set a rule to off, info, warn or error (repeatable)
      --preset <name>     recommended (default), google, strict
  -c, --config <file>     Use this config file instead of searching upward for
                          nutgraf.config.json, .nutgrafrc.json or package.json#nutgraf
      --time-zone <tz>    IANA time zone for dates without an offset
      --max-file-size <n> Skip files over n bytes with an error (default 10485760)
      --stdin-filename <name>  Name (and format, by extension) of standard input
      --fix               Apply safe fixes before reporting
      --dry-run           With --fix or fix: print the diff, write nothing
      --threads <n>       Check in n worker threads (default 1); more than one
                          only for runs of 200 files or more
      --timeout <s>       Seconds each file may take, per started megabyte
                          (default 10); over it: check-timeout, exit 2.
                          0 turns the budget off (checks in the main thread)
      --max-memory <MB>   Heap a worker may use (default: Node's heap limit);
                          over it: check-out-of-memory, exit 2

Parse options:
      --from <format>     text, markdown, jsonld, json, html (default: by extension)
      --to <format>       json (default), markdown, jsonld
      --graph             JSON-LD as an @graph (with --to jsonld)
      --script            JSON-LD inside a <script> tag (with --to jsonld)

  -h, --help              Show this help
  -v, --version           Show the version

Exit codes: 0 no errors (warnings allowed), 1 errors or more warnings than
--max-warnings, 2 usage error, unreadable or invalid config, or crash.
`;
