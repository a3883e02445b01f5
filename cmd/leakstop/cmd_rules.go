package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/leakstop/leakstop/detect"
	"github.com/leakstop/leakstop/report"
	"github.com/leakstop/leakstop/rules"
)

func rulesCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "rules",
		Usage: "list the rules, or test a rule file's examples",
		Subcommands: []*cli.Command{
			{
				Name:  "list",
				Usage: "list the rules a scan would use",
				Flags: []cli.Flag{
					&cli.StringFlag{Name: "format", Value: report.FormatText, Usage: "text or json"},
					&cli.StringSliceFlag{Name: "config", Usage: "rule `FILE` to add to or change the catalog (repeatable)"},
				},
				Action: func(c *cli.Context) error {
					if c.Args().Present() {
						return usagef("rules list takes no arguments (got %q)", c.Args().First())
					}
					return runRulesList(rulesListOptions{Format: c.String("format"), Configs: c.StringSlice("config")}, e)
				},
			},
			{
				Name:      "test",
				Usage:     "load a rule file strictly and run its examples and counterexamples through the engine",
				ArgsUsage: "FILE",
				Action: func(c *cli.Context) error {
					if c.NArg() != 1 {
						return usagef("rules test: want one rule FILE (see 'leakstop rules test --help')")
					}
					return runRulesTest(c.Args().First(), e)
				},
			},
		},
	}
}

type rulesListOptions struct {
	Format  string
	Configs []string
}

// ruleJSON is one rule in `rules list --format json`.
type ruleJSON struct {
	ID          string   `json:"id"`
	Aliases     []string `json:"aliases,omitempty"`
	Provider    string   `json:"provider"`
	Family      string   `json:"family"`
	Description string   `json:"description"`
	Severity    string   `json:"severity"`
	Validator   string   `json:"validator,omitempty"`
	Keywords    []string `json:"keywords"`
	Where       string   `json:"where"`
}

func runRulesList(o rulesListOptions, e *env) error {
	if o.Format != report.FormatText && o.Format != report.FormatJSON {
		return usagef("rules list: --format %q: want text or json", o.Format)
	}
	set, err := rules.Configure(o.Configs)
	if err != nil {
		return &configError{err}
	}
	if o.Format == report.FormatJSON {
		out := struct {
			Schema int        `json:"schema"`
			Rules  []ruleJSON `json:"rules"`
		}{Schema: 1, Rules: []ruleJSON{}}
		for _, r := range set.Rules {
			out.Rules = append(out.Rules, ruleJSON{
				ID: r.ID, Aliases: r.Aliases, Provider: r.Provider, Family: r.Family,
				Description: r.Description, Severity: r.Severity.String(), Validator: r.Validator,
				Keywords: r.Keywords, Where: r.Where(),
			})
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tPROVIDER\tFAMILY\tSEVERITY\tVALIDATOR\tKEYWORDS")
	for _, r := range set.Rules {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", r.ID, dash(r.Provider), dash(r.Family),
			r.Severity, dash(r.Validator), dash(strings.Join(r.Keywords, ",")))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err = fmt.Fprintf(e.stdout, "%s\n", plural(len(set.Rules), "rule"))
	return err
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// runRulesTest loads path strictly (load errors exit 2), builds an engine
// from its rules alone, and runs every example and counterexample through
// it: an example must be reported by its rule with its exact secret, a
// counterexample must not be reported by its rule. Secrets are printed
// only as previews.
func runRulesTest(path string, e *env) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return usagef("rules test: %v", err)
	}
	f, err := rules.Load(path, data)
	if err != nil {
		return &configError{err}
	}
	if len(f.Rules) == 0 {
		return &configError{fmt.Errorf("%s: no rules to test", path)}
	}
	for _, r := range f.Rules {
		if r.Family == "" {
			r.Family = "custom"
		}
	}
	eng, err := detect.New(rules.NewSet(f.Rules...), detect.Options{})
	if err != nil {
		return &configError{err}
	}
	sc := eng.NewScanner()
	failed := 0
	for _, r := range eng.Rules() {
		problems := testRule(sc, r)
		if len(problems) == 0 {
			fmt.Fprintf(e.stdout, "ok    %s  %s (%s, %s)\n", r.ID, r.Where(),
				plural(len(r.Examples), "example"), plural(len(r.Counterexamples), "counterexample"))
			continue
		}
		failed++
		fmt.Fprintf(e.stdout, "FAIL  %s  %s\n", r.ID, r.Where())
		for _, p := range problems {
			fmt.Fprintf(e.stdout, "      %s\n", p)
		}
	}
	n := len(eng.Rules())
	fmt.Fprintf(e.stdout, "%s: %d passed, %d failed\n", plural(n, "rule"), n-failed, failed)
	if failed > 0 {
		return &testFailure{failed: failed}
	}
	return nil
}

// testRule returns what is wrong with r's examples, each naming its line.
func testRule(sc *detect.Scanner, r *rules.Rule) []string {
	var problems []string
	if len(r.Examples) == 0 {
		problems = append(problems, fmt.Sprintf("%s: rule has no examples: add [[rules.examples]] with a text and its secret", r.Where()))
	}
	for _, ex := range r.Examples {
		found := false
		var got []string
		for _, m := range sc.Scan([]byte(ex.Text)) {
			if m.Rule.ID == r.ID && string(m.Secret.Reveal()) == ex.Secret {
				found = true
			}
			got = append(got, m.Rule.ID+" "+m.Secret.String())
		}
		if !found {
			what := "nothing"
			if len(got) > 0 {
				what = strings.Join(got, ", ")
			}
			problems = append(problems, fmt.Sprintf("%s:%d: example not reported: want %s, the engine found %s (entropy, placeholder and reference filters apply)",
				r.File, ex.Line, detect.Redact([]byte(ex.Secret)), what))
		}
	}
	for _, ce := range r.Counterexamples {
		for _, m := range sc.Scan([]byte(ce.Text)) {
			if m.Rule.ID == r.ID {
				problems = append(problems, fmt.Sprintf("%s:%d: counterexample reported: %s", r.File, ce.Line, m.Secret))
			}
		}
	}
	return problems
}
