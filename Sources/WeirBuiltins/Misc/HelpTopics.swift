import WeirTracing

/// One entry of `help`: a builtin or a reserved word.
struct HelpTopic {
    /// The name `help NAME` matches (patterns match it too).
    let name: String
    /// The one-line synopsis, as `help -s` and the list show it, e.g. "cd [-L|-P] [dir]".
    let synopsis: String
    /// A one-sentence summary (`help -d`).
    let summary: String
    /// The longer description: what it does, each option on its own line ("  -x\tmeaning"), and its exit status. Lines end with \n.
    let description: String
}

/// Every builtin and reserved word, sorted by name.
let helpTopics: [HelpTopic] = [
    HelpTopic(
        name: "!",
        synopsis: "! pipeline",
        summary: "Negate the exit status of a pipeline.",
        description: """
            Negate the exit status of a pipeline.

            Runs the pipeline and inverts its status: a status of zero becomes
            one, and any other status becomes zero. A negated pipeline never
            triggers `set -e`.

            Exit Status:
            0 if the pipeline failed, 1 if it succeeded.

            """),
    HelpTopic(
        name: "(",
        synopsis: "( list )",
        summary: "Run a list of commands in a subshell.",
        description: """
            Run a list of commands in a subshell.

            The commands run in a copy of the shell, so changes they make to
            variables, the working directory, traps or options are discarded
            when the subshell ends. Redirections after the closing parenthesis
            apply to the whole list.

            Exit Status:
            The status of the last command run in the subshell.

            """),
    HelpTopic(
        name: "((",
        synopsis: "(( expression ))",
        summary: "Evaluate an arithmetic expression.",
        description: """
            Evaluate an arithmetic expression.

            The expression is expanded and evaluated with the rules of shell
            arithmetic, the same as `let "expression"`. Variables may be named
            without a `$`, and assignments such as `(( i += 2 ))` change them.

            Exit Status:
            0 if the expression is non-zero; 1 if it is zero or cannot be
            evaluated.

            """),
    HelpTopic(
        name: ".",
        synopsis: ". filename [arguments]",
        summary: "Read and run commands from a file in the current shell.",
        description: """
            Read and run commands from a file in the current shell.

            The commands of FILENAME run in this shell, so they can set
            variables and define functions here. A FILENAME without a slash is
            looked up in PATH (and then in the current directory, if
            `sourcepath` is on). Any ARGUMENTS become the positional parameters
            while the file runs. Same as `source`.

            Exit Status:
            The status of the last command in the file, or 1 if it cannot be read.

            """),
    HelpTopic(
        name: ":",
        synopsis: ":",
        summary: "Do nothing, successfully.",
        description: """
            Do nothing, successfully.

            The arguments are expanded (so their side effects happen) and then
            ignored. Useful as a placeholder or with `${var:=default}`.

            Exit Status:
            Always 0.

            """),
    HelpTopic(
        name: "[",
        synopsis: "[ arg... ]",
        summary: "Evaluate a conditional expression.",
        description: """
            Evaluate a conditional expression.

            The same as `test`, except that the last argument must be a
            closing `]`. See `help test` for the operators.

            Exit Status:
            0 if the expression is true, 1 if false, 2 on a usage error.

            """),
    HelpTopic(
        name: "[[",
        synopsis: "[[ expression ]]",
        summary: "Evaluate a conditional expression without word splitting.",
        description: """
            Evaluate a conditional expression without word splitting.

            Takes the operators of `test`, plus `&&`, `||`, `!` and parentheses
            for grouping. Words inside are neither split nor globbed. The right
            side of `==` and `!=` is a pattern unless quoted; `=~` matches an
            extended regular expression and stores the matched parts in the
            BASH_REMATCH array. `<` and `>` compare strings.

            Exit Status:
            0 if the expression is true, 1 if false, 2 on a syntax error.

            """),
    HelpTopic(
        name: "alias",
        synopsis: "alias [-p] [name[=value] ... ]",
        summary: "Define or show aliases.",
        description: """
            Define or show aliases.

            With NAME=VALUE, makes NAME an alias: when it is the first word of
            a simple command it is replaced by VALUE. A VALUE ending in a space
            lets the next word be alias-expanded too. With NAME alone, shows
            that alias; with no arguments, shows them all in a reusable form.

            Options:
              -p\tprint every alias in a form that can be read back in

            Exit Status:
            0 unless a NAME given without a value has no alias.

            """),
    HelpTopic(
        name: "bg",
        synopsis: "bg [job_spec ...]",
        summary: "Resume jobs in the background.",
        description: """
            Resume jobs in the background.

            Each stopped job named is continued in the background, as if it had
            been started with `&`. Without a JOB_SPEC, the current job is used.
            Needs job control (`set -m`).

            Exit Status:
            0 unless job control is off or a job does not exist.

            """),
    HelpTopic(
        name: "bind",
        synopsis: "bind [-lpsvPSVX] [-m keymap] [-f filename] [-q name] [-u name] [-r keyseq] [-x keyseq:shell-command] [keyseq:readline-function or readline-command]",
        summary: "Set or show readline key bindings and variables.",
        description: """
            Set or show readline key bindings and variables.

            An argument such as `"\\C-t": forward-word` or `set bell-style none`
            is read as a line of an inputrc file. Ctrl-X Ctrl-E
            (edit-and-execute-command) opens the current line in $VISUAL or
            $EDITOR and runs it when the editor exits.

            Options:
              -m keymap\tuse KEYMAP (emacs, vi, vi-insert, ...) for this command
              -l\tlist the names of all readline functions
              -p\tlist functions and their bindings, reusable as input
              -P\tlist functions and their bindings
              -s\tlist key sequences bound to macros, reusable as input
              -S\tlist key sequences bound to macros
              -v\tlist variables and their values, reusable as input
              -V\tlist variables and their values
              -f filename\tread bindings from FILENAME
              -q name\tshow which keys call the function NAME
              -u name\tunbind every key bound to the function NAME
              -r keyseq\tremove the binding of KEYSEQ
              -x keyseq:shell-command\trun SHELL-COMMAND when KEYSEQ is typed;
              \tit sees and may change READLINE_LINE and READLINE_POINT
              -X\tlist key sequences bound with -x, reusable as input

            Exit Status:
            0 unless an option is invalid or an error occurs.

            """),
    HelpTopic(
        name: "break",
        synopsis: "break [n]",
        summary: "Leave a for, while, until or select loop.",
        description: """
            Leave a for, while, until or select loop.

            Stops the innermost enclosing loop, or with N the N-th enclosing
            loop counting outwards. N must be 1 or more.

            Exit Status:
            0 unless N is not at least 1.

            """),
    HelpTopic(
        name: "builtin",
        synopsis: "builtin [shell-builtin [arg ...]]",
        summary: "Run a shell builtin, bypassing functions.",
        description: """
            Run a shell builtin, bypassing functions.

            Runs SHELL-BUILTIN with ARGs even when a function of the same name
            exists; a function that wraps a builtin uses this to call it.

            Exit Status:
            The status of SHELL-BUILTIN, or 1 if it is not a builtin.

            """),
    HelpTopic(
        name: "caller",
        synopsis: "caller [expr]",
        summary: "Report where the current function or sourced file was called from.",
        description: """
            Report where the current function or sourced file was called from.

            Without EXPR, prints the line number and file name of the current
            call. With EXPR, prints the line number, function name and file of
            the frame EXPR levels up the call stack (0 is the current one);
            handy for stack traces.

            Exit Status:
            0 unless no function is running or EXPR is out of range.

            """),
    HelpTopic(
        name: "case",
        synopsis: "case WORD in [PATTERN [| PATTERN]...) COMMANDS ;;]... esac",
        summary: "Run commands chosen by matching a word against patterns.",
        description: """
            Run commands chosen by matching a word against patterns.

            WORD is expanded and compared with each PATTERN in turn, using glob
            matching; the COMMANDS of the first match are run. `|` separates
            alternative patterns. Ending a clause with `;&` falls through into
            the next clause's commands, and `;;&` goes on testing the patterns
            that follow.

            Exit Status:
            The status of the last command run, or 0 if nothing matched.

            """),
    HelpTopic(
        name: "cd",
        synopsis: "cd [-L|-P] [dir]",
        summary: "Change the working directory.",
        description: """
            Change the working directory.

            Without DIR, goes to $HOME. `cd -` goes to $OLDPWD and prints it.
            A relative DIR is looked up in each directory of CDPATH first. PWD
            and OLDPWD are updated.

            Options:
              -L\tfollow symbolic links logically, resolving `..` in the path (default)
              -P\tuse the physical directory, resolving symbolic links

            Exit Status:
            0 if the directory was changed, non-zero otherwise.

            """),
    HelpTopic(
        name: "command",
        synopsis: "command [-pVv] command [arg ...]",
        summary: "Run a command while ignoring functions, or describe it.",
        description: """
            Run a command while ignoring functions, or describe it.

            Runs COMMAND with ARGs, looking only at builtins and the PATH, so a
            function of the same name is skipped. A special builtin run this
            way does not end the shell on an error.

            Options:
              -p\tsearch a default PATH that finds the standard utilities
              -v\tprint the word or path that would be run
              -V\tprint a longer description, like `type`

            Exit Status:
            The status of COMMAND, 127 if it was not found, or 1 with -v/-V if
            it was not found.

            """),
    HelpTopic(
        name: "compgen",
        synopsis: "compgen [-abcdefgjksuv] [-o option] [-A action] [-G globpat] [-W wordlist] [-F function] [-C command] [-X filterpat] [-P prefix] [-S suffix] [word]",
        summary: "Print the completions of a word.",
        description: """
            Print the completions of a word.

            Generates the matches for WORD the same way a completion
            specification would and prints them one per line. Takes the
            options of `complete` except -p, -r, -D, -E and -I. Meant for
            completion functions.

            Options:
              -a -b -c -d -e -f -g -j -k -s -u -v\tshortcuts for the actions
              \talias, builtin, command, directory, export, file, group, job,
              \tkeyword, service, user and variable
              -A action\tgenerate by a named action
              -G globpat\tfiles matching the glob pattern
              -W wordlist\twords of the list that match WORD
              -F function\tcall FUNCTION, which fills COMPREPLY
              -C command\trun COMMAND; each output line is a match
              -X filterpat\tdrop matches of the pattern (`!` inverts)
              -P prefix\tadd PREFIX before each match
              -S suffix\tadd SUFFIX after each match
              -o option\tsee `help complete`

            Exit Status:
            0 unless an option is invalid or nothing was generated.

            """),
    HelpTopic(
        name: "complete",
        synopsis: "complete [-abcdefgjksuv] [-pr] [-DEI] [-o option] [-A action] [-G globpat] [-W wordlist] [-F function] [-C command] [-X filterpat] [-P prefix] [-S suffix] [name ...]",
        summary: "Say how the arguments of commands are completed.",
        description: """
            Say how the arguments of commands are completed.

            Attaches a completion specification to each command NAME. Without
            options or with -p, prints the existing specifications.

            Options:
              -p\tprint specifications in a reusable form
              -r\tremove the specification of each NAME, or all of them
              -D\tset the default, for commands with no specification
              -E\tset the one used on an empty line
              -I\tset the one used for the first word of a line
              -o option\tdefault, bashdefault, dirnames, filenames, noquote,
              \tnosort, nospace or plusdirs
              -A action\tgenerate by a named action (alias, builtin, command,
              \tdirectory, file, function, hostname, job, variable, ...)
              -a -b -c -d -e -f -g -j -k -s -u -v\tshortcuts for actions
              -G globpat\tfiles matching the glob pattern
              -W wordlist\tsplit the list and keep words that match
              -F function\tcall FUNCTION; it puts matches in COMPREPLY
              -C command\trun COMMAND; each output line is a match
              -X filterpat\tdrop matches of the pattern (`!` inverts)
              -P prefix\tadd PREFIX before each match
              -S suffix\tadd SUFFIX after each match

            Exit Status:
            0 unless an option is invalid or a NAME has no specification.

            """),
    HelpTopic(
        name: "compopt",
        synopsis: "compopt [-o|+o option] [-DEI] [name ...]",
        summary: "Change completion options.",
        description: """
            Change completion options.

            Turns options of the specification of each NAME on or off. With no
            NAME inside a completion function, changes the completion being
            generated now. Without -o or +o, prints the options.

            Options:
              -o option\tturn OPTION on
              +o option\tturn OPTION off
              -D\tchange the default specification
              -E\tchange the specification for an empty line
              -I\tchange the specification for the first word

            Exit Status:
            0 unless an option is invalid or a NAME has no specification.

            """),
    HelpTopic(
        name: "continue",
        synopsis: "continue [n]",
        summary: "Go on with the next turn of a loop.",
        description: """
            Go on with the next turn of a loop.

            Skips the rest of the body of the innermost enclosing for, while,
            until or select loop, or with N of the N-th enclosing loop, and
            starts its next iteration. N must be 1 or more.

            Exit Status:
            0 unless N is not at least 1.

            """),
    HelpTopic(
        name: "coproc",
        synopsis: "coproc [NAME] command [redirections]",
        summary: "Run a command in the background with pipes to and from it.",
        description: """
            Run a command in the background with pipes to and from it.

            COMMAND runs asynchronously. The array NAME (default COPROC) holds
            two descriptors: ${NAME[0]} reads the command's output and
            ${NAME[1]} writes to its input. NAME_PID holds its process id.
            A NAME may only be given when COMMAND is compound.

            Exit Status:
            0 (the coprocess's own status is collected with `wait`).

            """),
    HelpTopic(
        name: "declare",
        synopsis: "declare [-aAfFgilnrtux] [name[=value] ...] or declare -p [-aAfFilnrtux] [name ...]",
        summary: "Declare variables and set their attributes.",
        description: """
            Declare variables and set their attributes.

            Sets values and attributes of each NAME. Without NAMEs, shows the
            variables (or functions) that have the given attributes. Inside a
            function, names become local unless -g is given. Writing `+`
            instead of `-` removes an attribute.

            Options:
              -a\tindexed array
              -A\tassociative array
              -f\twork on functions; with no NAME, print them all
              -F\tprint function names only
              -g\tcreate global variables even inside a function
              -i\tinteger: assignments are evaluated arithmetically
              -l\tconvert values to lower case
              -n\tname reference to the variable named by the value
              -p\tprint attributes and values in a reusable form
              -r\treadonly
              -t\ttrace attribute (functions inherit DEBUG and RETURN traps)
              -u\tconvert values to upper case
              -x\texport to the environment of commands

            Exit Status:
            0 unless an option is invalid or an assignment fails.

            """),
    HelpTopic(
        name: "dirs",
        synopsis: "dirs [-clpv] [+N] [-N]",
        summary: "Show the directory stack.",
        description: """
            Show the directory stack.

            Prints the stack kept by `pushd` and `popd`, the current directory
            first. +N shows the N-th entry from the left (counting from 0), -N
            the N-th from the right.

            Options:
              -c\tclear the stack
              -l\twrite home as a full path instead of `~`
              -p\tone entry per line
              -v\tone entry per line, numbered

            Exit Status:
            0 unless an option is invalid or N is out of range.

            """),
    HelpTopic(
        name: "disown",
        synopsis: "disown [-h] [-ar] [jobspec ... | pid ...]",
        summary: "Remove jobs from the job table.",
        description: """
            Remove jobs from the job table.

            The shell forgets each job named (the current job without
            arguments), so it is no longer listed or sent SIGHUP when the
            shell exits.

            Options:
              -a\tall jobs
              -h\tkeep the job but do not send it SIGHUP
              -r\tonly running jobs

            Exit Status:
            0 unless an option is invalid or a job does not exist.

            """),
    HelpTopic(
        name: "echo",
        synopsis: "echo [-neE] [arg ...]",
        summary: "Print the arguments.",
        description: """
            Print the arguments.

            Writes the ARGs separated by single spaces and followed by a
            newline. With -e these escapes are understood: \\a \\b \\e \\f \\n
            \\r \\t \\v, \\\\ for a backslash, \\0nnn (octal), \\xHH (hex),
            \\uHHHH and \\UHHHHHHHH (Unicode), and \\c, which stops all output.

            Options:
              -n\tdo not write the final newline
              -e\tinterpret backslash escapes
              -E\tdo not interpret them (default, unless `xpg_echo` is on)

            Exit Status:
            0 unless a write error occurs.

            """),
    HelpTopic(
        name: "enable",
        synopsis: "enable [-a] [-nps] [name ...]",
        summary: "Turn shell builtins off and on.",
        description: """
            Turn shell builtins off and on.

            A builtin turned off is no longer found by name, so a command of
            the same name in PATH runs instead. Without NAMEs, or with -p,
            lists the enabled builtins. Loadable builtins (-f, -d) are not
            supported: weir is one static executable.

            Options:
              -a\tlist every builtin and whether it is on
              -n\tturn each NAME off, or list those that are off
              -p\tlist in a reusable form
              -s\tonly the POSIX special builtins

            Exit Status:
            0 unless a NAME is not a builtin or an option is invalid.

            """),
    HelpTopic(
        name: "eval",
        synopsis: "eval [arg ...]",
        summary: "Run the arguments as a shell command.",
        description: """
            Run the arguments as a shell command.

            Joins the ARGs with spaces, parses the result as shell input and
            runs it in the current shell, so it is expanded a second time.

            Exit Status:
            The status of the command run, or 0 if it was empty.

            """),
    HelpTopic(
        name: "exec",
        synopsis: "exec [-cl] [-a name] [command [argument ...]] [redirection ...]",
        summary: "Replace the shell with a command, or apply redirections to it.",
        description: """
            Replace the shell with a command, or apply redirections to it.

            With COMMAND, the shell process becomes that program; nothing after
            it runs. Without COMMAND, the REDIRECTIONs stay in effect for the
            rest of the shell, e.g. `exec 3<file` or `exec >log`.

            Options:
              -a name\tpass NAME to the command as its argument zero
              -c\trun the command with an empty environment
              -l\tput a dash before argument zero, as login does

            Exit Status:
            None if COMMAND runs; 127 if it is not found, 126 if it cannot be
            run; otherwise 0 unless a redirection fails.

            """),
    HelpTopic(
        name: "exit",
        synopsis: "exit [n]",
        summary: "Leave the shell.",
        description: """
            Leave the shell.

            Ends the shell with status N, or with the status of the last
            command run. The EXIT trap runs first. An interactive shell warns
            once when stopped jobs remain.

            Exit Status:
            N, taken modulo 256.

            """),
    HelpTopic(
        name: "export",
        synopsis: "export [-fn] [name[=value] ...] or export -p",
        summary: "Put variables into the environment of commands.",
        description: """
            Put variables into the environment of commands.

            Marks each NAME for export, so commands run later see it; NAME=VALUE
            also assigns. Without NAMEs, or with -p, lists exported variables.

            Options:
              -f\tNAMEs are functions
              -n\tstop exporting each NAME
              -p\tlist exported names in a reusable form

            Exit Status:
            0 unless an option or a NAME is invalid.

            """),
    HelpTopic(
        name: "false",
        synopsis: "false",
        summary: "Fail, doing nothing else.",
        description: """
            Fail, doing nothing else.

            Useful as a condition that never holds.

            Exit Status:
            Always 1.

            """),
    HelpTopic(
        name: "fc",
        synopsis: "fc [-e ename] [-lnr] [first] [last] or fc -s [pat=rep] [command]",
        summary: "List, edit and rerun commands from the history.",
        description: """
            List, edit and rerun commands from the history.

            FIRST and LAST pick a range of history entries by number (negative
            counts back from now) or by the start of a command. Without -l, the
            range is opened in an editor ($FCEDIT, then $EDITOR, then vi) and
            the edited commands are run.

            Options:
              -e ename\tthe editor to use; `-e -` runs without editing
              -l\tlist instead of editing
              -n\tlist without numbers
              -r\treverse the order
              -s\trerun COMMAND (default: the last one) right away, first
              \treplacing PAT with REP

            Exit Status:
            The status of the command run, or 0 for a listing; non-zero on an
            error.

            """),
    HelpTopic(
        name: "fg",
        synopsis: "fg [job_spec]",
        summary: "Bring a job to the foreground.",
        description: """
            Bring a job to the foreground.

            Continues JOB_SPEC (default: the current job) in the foreground,
            giving it the terminal, and waits for it. Needs job control.

            Exit Status:
            The status of the job, or non-zero if it does not exist.

            """),
    HelpTopic(
        name: "for",
        synopsis: "for NAME [in WORDS ... ] ; do COMMANDS; done",
        summary: "Run commands once for each word of a list.",
        description: """
            Run commands once for each word of a list.

            WORDS are expanded and NAME is set to each in turn before COMMANDS
            run. Without `in WORDS`, the positional parameters are used. The
            arithmetic form `for (( init; test; step )); do COMMANDS; done` runs
            while TEST is non-zero, evaluating STEP after each turn.

            Exit Status:
            The status of the last command run, or 0 if nothing ran.

            """),
    HelpTopic(
        name: "function",
        synopsis: "function name { COMMANDS ; } or name () { COMMANDS ; }",
        summary: "Define a shell function.",
        description: """
            Define a shell function.

            Makes NAME a command that runs COMMANDS in the current shell. The
            arguments it is called with become $1, $2 and so on for its
            duration, and `return` leaves it. Any compound command can serve as
            the body.

            Exit Status:
            0 unless NAME is readonly.

            """),
    HelpTopic(
        name: "getopts",
        synopsis: "getopts optstring name [arg ...]",
        summary: "Parse command options one at a time.",
        description: """
            Parse command options one at a time.

            Each call puts the next option letter in the variable NAME and
            advances OPTIND. OPTSTRING lists the letters accepted; a letter
            followed by `:` takes a value, stored in OPTARG. An unknown letter
            sets NAME to `?`. If OPTSTRING starts with `:`, errors are silent
            and OPTARG holds the offending letter (NAME is `:` when a value is
            missing). ARGs are parsed instead of the positional parameters if
            given. OPTERR=0 also silences messages.

            Exit Status:
            0 while an option was found, 1 at the end of the options.

            """),
    HelpTopic(
        name: "hash",
        synopsis: "hash [-lr] [-p pathname] [-dt] [name ...]",
        summary: "Remember or show where commands were found.",
        description: """
            Remember or show where commands were found.

            Looks each NAME up in PATH and remembers the result. Without
            arguments, lists the remembered commands.

            Options:
              -d\tforget each NAME
              -l\tlist in a reusable form
              -p pathname\tremember PATHNAME as the location of NAME
              -r\tforget everything
              -t\tprint the remembered location of each NAME

            Exit Status:
            0 unless a NAME is not found or an option is invalid.

            """),
    HelpTopic(
        name: "help",
        synopsis: "help [-dms] [pattern ...]",
        summary: "Show help for builtins and reserved words.",
        description: """
            Show help for builtins and reserved words.

            Shows the help of every topic whose name matches a PATTERN (shell
            glob patterns work). Without a PATTERN, lists all topics.

            Options:
              -d\tshow only the one-line summary
              -m\tshow it laid out like a manual page (NAME, SYNOPSIS, DESCRIPTION)
              -s\tshow only the synopsis

            Exit Status:
            0 unless no topic matched a PATTERN (1) or an option is invalid (2).

            """),
    HelpTopic(
        name: "history",
        synopsis: "history [-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]",
        summary: "Show or change the command history.",
        description: """
            Show or change the command history.

            Without options, lists the history with entry numbers; N shows only
            the last N entries. If HISTTIMEFORMAT is set, each entry's time is
            shown with it as an strftime format. FILENAME defaults to $HISTFILE.

            Options:
              -c\tclear the history
              -d offset\tdelete entry OFFSET (negative counts from the end);
              \tN-M deletes a range
              -a\tappend this session's new entries to the file
              -n\tread entries from the file not yet read
              -r\tread the file and append it to the history
              -w\twrite the whole history to the file
              -p\texpand history references in ARGs and print them
              -s\tadd ARGs to the history as one entry

            Exit Status:
            0 unless an option or OFFSET is invalid or an error occurs.

            """),
    HelpTopic(
        name: "if",
        synopsis: "if COMMANDS; then COMMANDS; [ elif COMMANDS; then COMMANDS; ]... [ else COMMANDS; ] fi",
        summary: "Run commands depending on a condition.",
        description: """
            Run commands depending on a condition.

            Runs the `if` list; if its status is zero, the `then` list runs.
            Otherwise each `elif` list is tried the same way, and if none
            succeeds the `else` list runs, when present.

            Exit Status:
            The status of the last command run, or 0 if no branch ran.

            """),
    HelpTopic(
        name: "jobs",
        synopsis: "jobs [-lnprst] [jobspec ...]",
        summary: "List the jobs.",
        description: """
            List the jobs.

            Shows the jobs the shell is managing, or just those named, with
            their number, state and command. `+` marks the current job and `-`
            the previous one.

            Options:
              -l\tinclude process ids
              -n\tonly jobs whose state changed since last reported
              -p\tprint only the process group ids
              -r\tonly running jobs
              -s\tonly stopped jobs
              -t\ta traced job's numbers so far (states, CPU, bytes, lines)

            Exit Status:
            0 unless an option is invalid or a job does not exist.

            """),
    HelpTopic(
        name: "kill",
        synopsis: "kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]",
        summary: "Send a signal to processes or jobs.",
        description: """
            Send a signal to processes or jobs.

            Sends SIGTERM, or the chosen signal, to each PID or JOBSPEC (such
            as %1). A negative PID signals a whole process group.

            Options:
              -s sigspec\tthe signal, by name (e.g. HUP, SIGINT)
              -n signum\tthe signal, by number
              -sigspec\tthe signal, by name or number (e.g. -9, -KILL)
              -l\tlist signal names; with an argument, convert between a
              \tname and a number (or an exit status above 128)

            Exit Status:
            0 if every signal was sent, non-zero otherwise.

            """),
    HelpTopic(
        name: "let",
        synopsis: "let arg [arg ...]",
        summary: "Evaluate arithmetic expressions.",
        description: """
            Evaluate arithmetic expressions.

            Each ARG is evaluated as an arithmetic expression, in integers,
            with the operators of C (assignment, ++, ?:, **, bit operations and
            so on). Variables can be named without `$`. Quote ARGs that contain
            spaces or glob characters.

            Exit Status:
            1 if the last ARG evaluates to 0, otherwise 0.

            """),
    HelpTopic(
        name: "local",
        synopsis: "local [option] name[=value] ...",
        summary: "Declare variables local to a function.",
        description: """
            Declare variables local to a function.

            Each NAME is visible only in the running function and the functions
            it calls, and its previous value comes back when the function
            returns. Takes the options of `declare`. `local -` saves the shell
            options, to be restored on return.

            Exit Status:
            0 unless used outside a function, an option is invalid or an
            assignment fails.

            """),
    HelpTopic(
        name: "logout",
        synopsis: "logout [n]",
        summary: "Leave a login shell.",
        description: """
            Leave a login shell.

            Ends a login shell with status N, as `exit` does. Any other shell
            refuses: use `exit` there.

            Exit Status:
            N, taken modulo 256; 1 when the shell is not a login shell.

            """),
    HelpTopic(
        name: "mapfile",
        synopsis: "mapfile [-d delim] [-n count] [-O origin] [-s count] [-t] [-u fd] [-C callback] [-c quantum] [array]",
        summary: "Read lines into an indexed array.",
        description: """
            Read lines into an indexed array.

            Reads lines from standard input into ARRAY (default MAPFILE), one
            element per line, clearing it first unless -O is given.

            Options:
              -d delim\tend lines with DELIM instead of newline (`''` for NUL)
              -n count\tread at most COUNT lines (0: all)
              -O origin\tstart storing at index ORIGIN
              -s count\tskip the first COUNT lines
              -t\tremove the delimiter from each line
              -u fd\tread from descriptor FD
              -C callback\trun CALLBACK every QUANTUM lines, with the index
              \tand the line as arguments
              -c quantum\tlines between callbacks (default 5000)

            Exit Status:
            0 unless an option is invalid, ARRAY is readonly or not an array.

            """),
    HelpTopic(
        name: "mkfifo",
        synopsis: "mkfifo [-m mode] name ...",
        summary: "Create named pipes.",
        description: """
            Create named pipes.

            Makes a FIFO (named pipe) at each NAME. Built into weir, so it
            works without the external utility.

            Options:
              -m mode\tset the permissions to MODE (octal or symbolic)
              \tinstead of 0666 less the umask

            Exit Status:
            0 if every pipe was created, 1 otherwise.

            """),
    HelpTopic(
        name: "popd",
        synopsis: "popd [-n] [+N | -N]",
        summary: "Remove a directory from the directory stack.",
        description: """
            Remove a directory from the directory stack.

            Without an argument, drops the top entry and changes to the new
            top. +N removes the N-th entry from the left of `dirs` (from 0),
            -N the N-th from the right.

            Options:
              -n\tdo not change directory, only edit the stack

            Exit Status:
            0 unless the stack is empty, N is out of range or cd fails.

            """),
    HelpTopic(
        name: "printf",
        synopsis: "printf [-v var] format [arguments]",
        summary: "Print arguments under control of a format.",
        description: """
            Print arguments under control of a format.

            FORMAT is copied to the output, with backslash escapes converted
            and each % conversion replaced by the next ARGUMENT, as in C's
            printf. FORMAT is reused until all ARGUMENTS are consumed. Extra
            conversions: %b expands escapes in its argument, %q quotes it for
            reuse as shell input, and %(fmt)T formats a time with strftime.

            Options:
              -v var\tassign the output to the variable VAR instead

            Exit Status:
            0 unless an option is invalid or an error occurs.

            """),
    HelpTopic(
        name: "pushd",
        synopsis: "pushd [-n] [+N | -N | dir]",
        summary: "Add a directory to the directory stack.",
        description: """
            Add a directory to the directory stack.

            With DIR, pushes the current directory and changes to DIR. Without
            arguments, swaps the top two entries. +N or -N rotates the stack so
            that entry N (counted as in `dirs`) is on top.

            Options:
              -n\tdo not change directory, only edit the stack

            Exit Status:
            0 unless an argument is invalid or cd fails.

            """),
    HelpTopic(
        name: "pwd",
        synopsis: "pwd [-LP]",
        summary: "Print the working directory.",
        description: """
            Print the working directory.

            Options:
              -L\tprint $PWD if it names the working directory (default)
              -P\tprint the physical path, with no symbolic links

            Exit Status:
            0 unless an option is invalid or the directory cannot be read.

            """),
    HelpTopic(
        name: "read",
        synopsis: "read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]",
        summary: "Read a line from input and split it into variables.",
        description: """
            Read a line from input and split it into variables.

            The line is split into fields with IFS: the first goes to the first
            NAME, the second to the second, and the rest to the last NAME.
            Without NAMEs, the line goes to REPLY. A backslash escapes the next
            character unless -r is given.

            Options:
              -a array\tstore the fields in ARRAY, from index 0
              -d delim\tstop at DELIM instead of newline
              -e\tuse readline to edit the line (on a terminal)
              -i text\tstart the readline buffer with TEXT
              -n nchars\tstop after NCHARS characters or at the delimiter
              -N nchars\tread exactly NCHARS characters, ignoring the delimiter
              -p prompt\tprint PROMPT first, when input is a terminal
              -r\tkeep backslashes as they are
              -s\tdo not echo input on a terminal
              -t timeout\tfail if the input is not complete in TIMEOUT seconds
              -u fd\tread from descriptor FD

            Exit Status:
            0 unless end of file was met, the time ran out (more than 128), or
            an error occurred.

            """),
    HelpTopic(
        name: "readarray",
        synopsis: "readarray [-d delim] [-n count] [-O origin] [-s count] [-t] [-u fd] [-C callback] [-c quantum] [array]",
        summary: "Read lines into an indexed array.",
        description: """
            Read lines into an indexed array.

            Another name for `mapfile`; see `help mapfile`.

            Exit Status:
            0 unless an option is invalid, ARRAY is readonly or not an array.

            """),
    HelpTopic(
        name: "readonly",
        synopsis: "readonly [-aAf] [name[=value] ...] or readonly -p",
        summary: "Make variables or functions unchangeable.",
        description: """
            Make variables or functions unchangeable.

            Each NAME (after the optional assignment) can no longer be assigned
            or unset. Without NAMEs, or with -p, lists readonly names.

            Options:
              -a\tNAMEs are indexed arrays
              -A\tNAMEs are associative arrays
              -f\tNAMEs are functions
              -p\tlist readonly names in a reusable form

            Exit Status:
            0 unless an option or a NAME is invalid.

            """),
    HelpTopic(
        name: "return",
        synopsis: "return [n]",
        summary: "Return from a function or sourced file.",
        description: """
            Return from a function or sourced file.

            Leaves the running function, or the file being read by `.` or
            `source`, with status N, or with the status of the last command run.

            Exit Status:
            N, or 1 when not in a function or sourced file.

            """),
    HelpTopic(
        name: "select",
        synopsis: "select NAME [in WORDS ... ;] do COMMANDS; done",
        summary: "Let the user pick from a numbered menu.",
        description: """
            Let the user pick from a numbered menu.

            Prints WORDS (default: the positional parameters) as a numbered
            menu on standard error and prompts with PS3. The reply is stored in
            REPLY; if it is a valid number, NAME is set to that word, otherwise
            NAME is empty. COMMANDS run after each reply, and the menu repeats
            until `break` or end of file.

            Exit Status:
            The status of the last command run.

            """),
    HelpTopic(
        name: "set",
        synopsis: "set [-abefhmnuvxBCEHT] [-o option-name] [--] [-] [arg ...]",
        summary: "Set shell options and positional parameters.",
        description: """
            Set shell options and positional parameters.

            `-` turns an option on and `+` turns it off. ARGs become $1, $2 and
            so on. Without arguments, prints every variable; `set -o` alone
            lists the options, `set +o` in a reusable form.

            Options:
              -a\texport variables that are assigned (allexport)
              -b\treport finished background jobs at once (notify)
              -e\texit when a command fails (errexit)
              -f\tturn off globbing (noglob)
              -h\tremember command locations (hashall)
              -m\tjob control (monitor)
              -n\tread commands without running them (noexec)
              -u\ttreat unset variables as an error (nounset)
              -v\tprint input lines as they are read (verbose)
              -x\tprint commands as they run (xtrace)
              -B\tbrace expansion (braceexpand)
              -C\t`>` does not overwrite files (noclobber)
              -E\tfunctions inherit the ERR trap (errtrace)
              -H\t`!` history expansion (histexpand)
              -T\tfunctions inherit DEBUG and RETURN traps (functrace)
              -o name\tset option NAME: the long names above, or emacs,
              \thistory, ignoreeof, pipefail, posix, vi, and trace
              \t(weir: trace every pipeline of the script)
              --\tend of options; with no ARGs, clear the positional parameters
              -\tend of options, turning off -v and -x

            Exit Status:
            0 unless an option is invalid.

            """),
    HelpTopic(
        name: "shift",
        synopsis: "shift [n]",
        summary: "Move the positional parameters to the left.",
        description: """
            Move the positional parameters to the left.

            Drops the first N positional parameters (default 1): $N+1 becomes
            $1 and so on, and $# shrinks by N.

            Exit Status:
            0 unless N is negative or larger than $#.

            """),
    HelpTopic(
        name: "shopt",
        synopsis: "shopt [-pqsu] [-o] [optname ...]",
        summary: "Set and show optional shell behaviours.",
        description: """
            Set and show optional shell behaviours.

            Without -s or -u, shows each OPTNAME (or all options) and whether
            it is on.

            Options:
              -o\tuse the option names of `set -o`
              -p\tshow in a reusable form
              -q\tshow nothing; the status tells whether all are on
              -s\tturn each OPTNAME on
              -u\tturn each OPTNAME off

            Exit Status:
            0 if each OPTNAME asked about is on (or was set), non-zero if one
            is off or is not an option.

            """),
    HelpTopic(
        name: "source",
        synopsis: "source filename [arguments]",
        summary: "Read and run commands from a file in the current shell.",
        description: """
            Read and run commands from a file in the current shell.

            Another name for `.`; see `help .`.

            Exit Status:
            The status of the last command in the file, or 1 if it cannot be read.

            """),
    HelpTopic(
        name: "suspend",
        synopsis: "suspend [-f]",
        summary: "Stop the shell until it receives SIGCONT.",
        description: """
            Stop the shell until it receives SIGCONT.

            Options:
              -f\tsuspend even a login shell

            Exit Status:
            0 unless job control is off or an error occurs.

            """),
    HelpTopic(
        name: "test",
        synopsis: "test [expr]",
        summary: "Evaluate a conditional expression.",
        description: """
            Evaluate a conditional expression.

            Files: -e exists, -f regular file, -d directory, -L/-h symbolic
            link, -p FIFO, -S socket, -b/-c device, -r/-w/-x readable, writable,
            executable, -s not empty, -t FD a terminal; F1 -nt/-ot F2 newer or
            older, F1 -ef F2 same file.
            Strings: -z empty, -n not empty, S1 = S2, S1 != S2, S1 < S2, S1 > S2.
            Integers: -eq -ne -lt -le -gt -ge.
            Other: -v NAME set, -o OPTION on, ! negation, -a and, -o or,
            parentheses for grouping. One argument is true if not empty.

            Exit Status:
            0 if EXPR is true, 1 if false or missing, 2 on an error.

            """),
    HelpTopic(
        name: "time",
        synopsis: "time [-p] pipeline",
        summary: "Report how long a pipeline took.",
        description: """
            Report how long a pipeline took.

            Runs PIPELINE and then writes its elapsed real time and the user
            and system CPU time it used to standard error, in the layout of
            TIMEFORMAT when that is set (%R, %U, %S, %P; `%3lR` for minutes and
            seconds). `time` alone times nothing.

            Options:
              -p\tuse the POSIX layout: `real`, `user`, `sys` in seconds

            Exit Status:
            The status of PIPELINE.

            """),
    HelpTopic(
        name: "times",
        synopsis: "times",
        summary: "Show the CPU time used by the shell and its children.",
        description: """
            Show the CPU time used by the shell and its children.

            The first line gives the user and system time of the shell, the
            second those of the commands it has run and waited for.

            Exit Status:
            Always 0.

            """),
    HelpTopic(
        name: "trace",
        synopsis: traceHelpSynopsis,
        summary: "Run a pipeline and report how data flowed through it.",
        description: traceHelpBody),
    HelpTopic(
        name: "trap",
        synopsis: "trap [-lp] [[arg] signal_spec ...]",
        summary: "Run commands when signals arrive or the shell exits.",
        description: """
            Run commands when signals arrive or the shell exits.

            ARG is run whenever one of the SIGNAL_SPECs is received. An empty
            ARG ignores the signal; `-` (or no ARG) restores the default. Besides
            signal names and numbers, EXIT (0) runs on exit, ERR after a failing
            command, DEBUG before each command and RETURN when a function or
            sourced file returns. Without arguments, lists the traps set.

            Options:
              -l\tlist signal names and numbers
              -p\tprint the traps of each SIGNAL_SPEC (or all) reusably

            Exit Status:
            0 unless a SIGNAL_SPEC or an option is invalid.

            """),
    HelpTopic(
        name: "true",
        synopsis: "true",
        summary: "Succeed, doing nothing else.",
        description: """
            Succeed, doing nothing else.

            Useful as a condition that always holds, as in `while true`.

            Exit Status:
            Always 0.

            """),
    HelpTopic(
        name: "type",
        synopsis: "type [-afptP] name [name ...]",
        summary: "Tell how each name would be run as a command.",
        description: """
            Tell how each name would be run as a command.

            Says whether NAME is an alias, reserved word, function, builtin or
            file, and shows the definition or path.

            Options:
              -a\tshow every match, not only the first
              -f\tskip functions
              -p\tprint the path that would be run, or nothing
              -P\tsearch PATH even if NAME is something else too
              -t\tprint just one word: alias, keyword, function, builtin or file

            Exit Status:
            0 if every NAME was found, 1 otherwise.

            """),
    HelpTopic(
        name: "typeset",
        synopsis: "typeset [-aAfFgilnrtux] name[=value] ... or typeset -p [-aAfFilnrtux] [name ...]",
        summary: "Declare variables and set their attributes.",
        description: """
            Declare variables and set their attributes.

            Another name for `declare`; see `help declare`.

            Exit Status:
            0 unless an option is invalid or an assignment fails.

            """),
    HelpTopic(
        name: "ulimit",
        synopsis: "ulimit [-SHacdefilmnqrstuvx] [limit]",
        summary: "Show or set limits on the resources of processes.",
        description: """
            Show or set limits on the resources of processes.

            Applies to the shell and the commands it starts. LIMIT is a number
            or `unlimited`. Without a resource letter, -f is meant.

            Options:
              -a\tshow all limits
              -H\tuse the hard limit
              -S\tuse the soft limit (default for showing)
              -c\tcore file size, in blocks
              -d\tdata segment size, in kbytes
              -f\tfile size, in blocks
              -l\tlocked memory, in kbytes
              -m\tresident memory, in kbytes
              -n\topen file descriptors
              -s\tstack size, in kbytes
              -t\tCPU time, in seconds
              -u\tprocesses of the user
              -v\tvirtual memory, in kbytes
              -e -i -q -r -x\tscheduling priority, pending signals, message
              \tqueue bytes, real-time priority, file locks

            Exit Status:
            0 unless an option is invalid or the limit cannot be set.

            """),
    HelpTopic(
        name: "umask",
        synopsis: "umask [-p] [-S] [mode]",
        summary: "Show or set the file-creation mask.",
        description: """
            Show or set the file-creation mask.

            The mask lists permission bits removed from newly created files.
            MODE is octal (e.g. 022) or symbolic (e.g. u=rwx,go=rx). Without
            MODE, shows the mask in octal.

            Options:
              -p\tshow it as a reusable command
              -S\tshow it symbolically

            Exit Status:
            0 unless MODE or an option is invalid.

            """),
    HelpTopic(
        name: "unalias",
        synopsis: "unalias [-a] name [name ...]",
        summary: "Remove aliases.",
        description: """
            Remove aliases.

            Options:
              -a\tremove all aliases

            Exit Status:
            0 unless a NAME is not an alias.

            """),
    HelpTopic(
        name: "unset",
        synopsis: "unset [-f] [-v] [-n] [name ...]",
        summary: "Remove variables or functions.",
        description: """
            Remove variables or functions.

            Without options, NAME is unset as a variable, or as a function if
            no such variable exists. `unset 'a[i]'` removes one element.

            Options:
              -f\tNAMEs are functions
              -v\tNAMEs are variables
              -n\tunset a name reference itself, not the variable it names

            Exit Status:
            0 unless a NAME is readonly or an option is invalid.

            """),
    HelpTopic(
        name: "until",
        synopsis: "until COMMANDS; do COMMANDS-2; done",
        summary: "Run commands until a test succeeds.",
        description: """
            Run commands until a test succeeds.

            Runs COMMANDS-2 repeatedly for as long as the last command of
            COMMANDS fails.

            Exit Status:
            The status of the last command run, or 0 if the body never ran.

            """),
    HelpTopic(
        name: "wait",
        synopsis: "wait [-fn] [-p var] [id ...]",
        summary: "Wait for background jobs to finish.",
        description: """
            Wait for background jobs to finish.

            Waits for each ID, a process id or a job spec, and returns its
            status. Without IDs, waits for all background jobs.

            Options:
              -f\twait for the job to end, not only to change state
              -n\twait for the next one of the IDs (or any job) to finish
              -p var\tstore the id of the process waited for in VAR

            Exit Status:
            The status of the last ID; 127 if it is not a child of this shell;
            above 128 if a trapped signal interrupted the wait.

            """),
    HelpTopic(
        name: "while",
        synopsis: "while COMMANDS; do COMMANDS-2; done",
        summary: "Run commands as long as a test succeeds.",
        description: """
            Run commands as long as a test succeeds.

            Runs COMMANDS-2 repeatedly for as long as the last command of
            COMMANDS succeeds.

            Exit Status:
            The status of the last command run, or 0 if the body never ran.

            """),
    HelpTopic(
        name: "{",
        synopsis: "{ COMMANDS ; }",
        summary: "Group commands.",
        description: """
            Group commands.

            Runs COMMANDS in the current shell as one unit, so a redirection or
            a pipe applies to all of them. The closing brace must follow a `;`
            or a newline.

            Exit Status:
            The status of the last command run.

            """),
]
