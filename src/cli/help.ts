/** `nutgraf --help`. */
export const helpText = `Usage: nutgraf <command> [options]

Commands:
  check [paths|globs|-]   Check article files (.md, .markdown, .txt, .json, .html);
                          folders are searched (hidden entries, node_modules, .git
                          and ignored files skipped), - reads stdin
  fix [paths|globs|-]     Apply safe fixes (same as check --fix), then report what is
                          left; fix - prints the fixed text
  parse <file|->          Print an article converted to --to (diagnostics on stderr)
  parse <paths|globs> -o <dir>  Convert many files into <dir> (a progress line and a summary)

Check options:
  -f, --format <name>[=<file>]  stylish (default), json, github, sarif; repeatable,
                          name=file writes that report to a file
      --max-warnings <n>  Exit 1 when there are more than n warnings
  -q, --quiet             Report errors only
      --verbose           Also report info diagnostics
      --rule <id=level>   Set a rule to off, info, warn or error (repeatable)
      --preset <name>     recommended (default), google, strict
  -c, --config <file>     Use this config file instead of searching upward for
                          nutgraf.config.{json,jsonc,yaml,yml}, .nutgrafrc[.json,
                          .jsonc,.yaml,.yml] or package.json#nutgraf
      --time-zone <tz>    IANA time zone for dates without an offset
      --base-url <url>    The site's URL, for relative links and images
      --language <tag>    The site's language (BCP 47), for articles without one
      --authors <path>    Author records: a folder of files or a data file
      --images <path>     Image records: a folder of files or a data file
      --image-url <tpl>   URL of image records without one: {id}, {field}
      --ignore <glob>     Skip matching files (repeatable)
      --no-ignore         Also check files the config, --ignore, .nutgrafignore
                          or .gitignore ignore
      --no-gitignore      Do not read .gitignore files
      --max-file-size <n> Skip files over n bytes with an error (default 10485760)
      --stdin-filename <name>  Name (and format, by extension) of standard input
      --fix               Apply safe fixes before reporting
      --dry-run           With --fix or fix: print the diff, write nothing
      --cache             Skip files unchanged since the last run (same content,
                          settings and version)
      --cache-location <path>  Cache file, or folder for it (default .nutgrafcache)
  -w, --watch             check: check again whenever a file, the config, an
                          ignore file or the site data changes (Ctrl-C stops)
      --poll <ms>         With --watch: look for changes every ms milliseconds
                          (network drives, containers without file events)
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
  -o, --out-dir <dir>     Write one file per input under <dir> (.json, .md or .jsonld),
                          at its path relative to the inputs' common folder

  -h, --help              Show this help
  -v, --version           Show the version

Exit codes: 0 no errors (warnings allowed), 1 errors or more warnings than
--max-warnings, 2 the run failed: usage error, missing path, invalid config,
a file over its time or memory budget, or a crash.
`;
