package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/leakstop/leakstop/suppress/gitleaks"
)

func configCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "config",
		Usage: "convert another scanner's configuration into a leakstop config file",
		Subcommands: []*cli.Command{
			{
				Name:      "import",
				Usage:     "convert a gitleaks configuration (and .gitleaksignore) into .leakstop.toml",
				ArgsUsage: "GITLEAKS_TOML",
				Description: "Converts gitleaks' [[rules]] with a regex into leakstop rules, its allowlists\n" +
					"into [[allowlists]] (path regexes become globs), [extend] disabledRules into\n" +
					"[extend] disable, and with --ignore each .gitleaksignore fingerprint into an\n" +
					"allowlist of that file for that rule. gitleaks' default rule ids become the\n" +
					"leakstop rules that find the same credential (docs/gitleaks-mapping.md).\n" +
					"Standard error lists every entry converted with a difference or not\n" +
					"converted, and why; the converted file is checked to load.",
				Flags: []cli.Flag{
					&cli.StringFlag{Name: "ignore", Usage: "also convert the gitleaks ignore `FILE` (.gitleaksignore)"},
					&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the converted config to `FILE` (default: standard output)"},
					&cli.BoolFlag{Name: "force", Usage: "replace --output when it exists"},
				},
				Action: func(c *cli.Context) error {
					if c.NArg() != 1 {
						return usagef("config import: want one gitleaks configuration FILE (see 'leakstop config import --help')")
					}
					return runConfigImport(configImportOptions{
						Config: c.Args().First(), Ignore: c.String("ignore"), Output: c.String("output"), Force: c.Bool("force"),
					}, e)
				},
			},
		},
	}
}

type configImportOptions struct {
	Config, Ignore, Output string
	Force                  bool
}

func runConfigImport(o configImportOptions, e *env) error {
	data, err := os.ReadFile(o.Config)
	if err != nil {
		return usagef("config import: %v", err)
	}
	in := gitleaks.Input{Name: o.Config, Data: data, OutName: o.Output}
	if o.Ignore != "" {
		if in.IgnoreData, err = os.ReadFile(o.Ignore); err != nil {
			return usagef("config import: --ignore: %v", err)
		}
		in.IgnoreName = o.Ignore
	} else if beside := filepath.Join(filepath.Dir(o.Config), ".gitleaksignore"); fileExists(beside) {
		fmt.Fprintf(e.stderr, "leakstop: %s is not converted; pass --ignore %s to convert it too\n", beside, beside)
	}
	if o.Output != "" && !o.Force && fileExists(o.Output) {
		return usagef("config import: %s exists; pass --force to replace it, or merge the converted config into it by hand", o.Output)
	}
	res, err := gitleaks.Convert(in)
	if err != nil {
		return &configError{err}
	}
	for _, n := range res.Notes {
		if n.Outcome != gitleaks.Converted {
			fmt.Fprintf(e.stderr, "%s\n", n)
		}
	}
	if o.Output == "" {
		if _, err := e.stdout.Write(res.Config); err != nil {
			return err
		}
	} else if err := os.WriteFile(o.Output, res.Config, 0o644); err != nil {
		return fmt.Errorf("config import: %w", err)
	}
	writeImportSummary(res, o, e)
	return nil
}

// writeImportSummary says on stderr how many entries of each kind became
// what.
func writeImportSummary(res *gitleaks.Result, o configImportOptions, e *env) {
	to := o.Output
	if to == "" {
		to = "standard output"
	}
	fmt.Fprintf(e.stderr, "leakstop: converted %s", o.Config)
	if o.Ignore != "" {
		fmt.Fprintf(e.stderr, " and %s", o.Ignore)
	}
	fmt.Fprintf(e.stderr, " to %s:\n", to)
	kinds := []struct{ kind, name string }{
		{gitleaks.KindRule, "rules"}, {gitleaks.KindAllowlist, "allowlists"}, {gitleaks.KindValue, "allowlist values"},
		{gitleaks.KindDisabled, "disabled rules"}, {gitleaks.KindIgnore, "ignore entries"}, {gitleaks.KindSetting, "settings"},
	}
	for _, k := range kinds {
		var parts []string
		for _, oc := range []gitleaks.Outcome{gitleaks.Converted, gitleaks.Approximated, gitleaks.Covered, gitleaks.Refused} {
			if n := res.Count(k.kind, oc); n > 0 {
				parts = append(parts, fmt.Sprintf("%d %s", n, oc))
			}
		}
		if len(parts) > 0 {
			fmt.Fprintf(e.stderr, "  %-17s %s\n", k.name+":", strings.Join(parts, ", "))
		}
	}
	if n := res.Count("", gitleaks.Refused); n > 0 {
		noun := "entries"
		if n == 1 {
			noun = "entry"
		}
		fmt.Fprintf(e.stderr, "%d %s not converted: each is listed above with the reason, and in the file's header.\n", n, noun)
	}
	fmt.Fprintln(e.stderr, "Imported rules have no examples: add them and run 'leakstop rules test' on the file. See docs/migrating.md.")
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil || !errors.Is(err, fs.ErrNotExist)
}
